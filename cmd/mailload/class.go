package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// classPace is how often the instructor steps when -rate is 0: a brisk
// lecture, twice a second.
const classPace = 2.0

// arrivals counts, for each step the instructor showed, the students whose
// screens got it and when the last one did.
type arrivals struct {
	mu   sync.Mutex
	got  map[int]int
	last map[int]time.Time
	more chan struct{} // a nudge for the instructor's wait at each arrival
}

func (a *arrivals) add(step int) {
	a.mu.Lock()
	a.got[step]++
	a.last[step] = time.Now()
	a.mu.Unlock()
	select {
	case a.more <- struct{}{}:
	default:
	}
}

// wait waits until n screens have step, and returns the last arrival; false
// when they have not within frameWait.
func (a *arrivals) wait(step, n int) (time.Time, bool) {
	deadline := time.After(frameWait)
	for {
		a.mu.Lock()
		got, last := a.got[step], a.last[step]
		a.mu.Unlock()
		if got >= n {
			return last, true
		}
		select {
		case <-a.more:
		case <-deadline:
			return time.Time{}, false
		}
	}
}

// runClass puts a class on the mailsim at base: it starts one (POST
// /class, as the home page's button does), opens n student sockets and
// the instructor's, then has the instructor step the scenario's player at
// rate steps a second for the duration. A step's latency runs from the
// instructor's command sent to the last student's screen receiving it: how
// long the slowest of the room waits.
func runClass(c config) (result, error) {
	code, teach, err := startClass(c.base, c.scenario)
	if err != nil {
		return result{}, err
	}
	ws, origin, err := socketURL(c.base, "/ws/class/"+code)
	if err != nil {
		return result{}, err
	}
	var res result
	students := dialAll(ws, http.Header{"Origin": {origin}}, c.n, &res)
	following := res.opened
	teacher := dialAll(ws, http.Header{"Origin": {origin}, "Cookie": {teach}}, 1, &res)[0]
	if teacher == nil {
		return res, fmt.Errorf("the instructor's socket: %v", res.firstErr)
	}
	defer teacher.Close()
	go func() { // the instructor's screen gets the count at every join: read and drop it
		for {
			if _, _, err := teacher.ReadMessage(); err != nil {
				return
			}
		}
	}()
	arr := &arrivals{got: map[int]int{}, last: map[int]time.Time{}, more: make(chan struct{}, 1)}
	for _, conn := range students {
		if conn == nil {
			continue
		}
		defer conn.Close()
		go follow(conn, arr)
	}
	rate := c.rate
	if rate == 0 {
		rate = classPace
	}
	period := time.Duration(float64(time.Second) / rate)
	start := time.Now()
	for step := 1; time.Since(start) < c.duration; step++ {
		next := time.Now().Add(period)
		sent := time.Now()
		teacher.SetWriteDeadline(time.Now().Add(frameWait))
		if err := teacher.WriteJSON(map[string]any{"op": "show", "view": map[string]any{"path": "/play/" + url.PathEscape(c.scenario), "step": step}}); err != nil {
			return res, fmt.Errorf("the instructor's step: %w", err)
		}
		last, ok := arr.wait(step, following)
		res.frames += following
		if !ok {
			res.errors++
			if res.firstErr == nil {
				res.firstErr = fmt.Errorf("step %d did not reach all %d screens within %v", step, following, frameWait)
			}
			continue
		}
		res.lat = append(res.lat, last.Sub(sent))
		time.Sleep(time.Until(next))
	}
	res.elapsed = time.Since(start)
	return res, nil
}

// follow is one student's screen: it reads the class's frames and counts
// each view's arrival.
func follow(conn *websocket.Conn, arr *arrivals) {
	for {
		_, b, err := conn.ReadMessage()
		if err != nil {
			return
		}
		var f struct {
			Op   string
			View struct{ Step int }
		}
		if json.Unmarshal(b, &f) == nil && f.Op == "view" {
			arr.add(f.View.Step)
		}
	}
}

// startClass starts a class at base, first on scenario's player, and
// returns its code and the instructor's cookie.
func startClass(base, scenario string) (code, cookie string, err error) {
	client := &http.Client{Timeout: frameWait, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, err := http.NewRequest("POST", strings.TrimSuffix(base, "/")+"/class", strings.NewReader(url.Values{"from": {"/play/" + scenario}}.Encode()))
	if err != nil {
		return "", "", fmt.Errorf("-url %q: %w", base, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := client.Do(req)
	if err != nil {
		return "", "", fmt.Errorf("starting a class: %w", err)
	}
	resp.Body.Close()
	for _, ck := range resp.Cookies() {
		if ck.Name == "mailsim_teach" {
			code, _, _ = strings.Cut(ck.Value, ":")
			return code, ck.Name + "=" + ck.Value, nil
		}
	}
	return "", "", fmt.Errorf("starting a class: %s answered %s without the instructor's cookie", base, resp.Status)
}
