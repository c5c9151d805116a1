package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"sync"
	"syscall"
	"time"

	"github.com/gorilla/websocket"
)

// config is one load run: n player sockets to the mailsim at base, each
// walking scenario forward at rate gotos a second (0: flat out, the next
// goto as soon as the frame arrives) for duration.
type config struct {
	base     string
	n        int
	scenario string
	rate     float64
	duration time.Duration
	class    bool // students following an instructor, rather than players stepping alone
}

// result is what the sockets saw. failed counts sockets that could not be
// opened, errors the sockets that broke later or were sent a frame that
// was not the one asked for.
type result struct {
	opened, failed, errors int
	frames                 int
	lat                    latencies
	elapsed                time.Duration // of the stepping, after every socket was opened
	firstErr               error
}

const (
	dialsAtOnce = 64 // handshakes in flight while the sockets are opened
	frameWait   = 10 * time.Second
)

// socketURL is the socket at path on the mailsim at base, and the Origin
// its pages have.
func socketURL(base, path string) (ws, origin string, err error) {
	u, err := url.Parse(base)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return "", "", fmt.Errorf("-url %q: give the mailsim's address, such as http://127.0.0.1:8080", base)
	}
	origin = u.Scheme + "://" + u.Host
	u.Scheme = map[string]string{"http": "ws", "https": "wss"}[u.Scheme]
	u.Path = path
	return u.String(), origin, nil
}

// dialAll opens n sockets to ws, a few handshakes at a time, counting in
// res those opened and failed; a failed one is nil in the slice. Like a
// browser, each offers permessage-deflate and sends the page's Origin
// (header), which the server's same-origin check asks for.
func dialAll(ws string, header http.Header, n int, res *result) []*websocket.Conn {
	d := websocket.Dialer{EnableCompression: true, HandshakeTimeout: frameWait}
	conns := make([]*websocket.Conn, n)
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, dialsAtOnce)
	for i := range conns {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			conn, _, err := d.Dial(ws, header)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				res.failed++
				if res.firstErr == nil {
					res.firstErr = dialError(err)
				}
				return
			}
			conns[i] = conn
			res.opened++
		}()
	}
	wg.Wait()
	return conns
}

// run opens the sockets, a few at a time, then steps them all for the
// duration and gathers what they saw.
func run(c config) (result, error) {
	ws, origin, err := socketURL(c.base, "/ws/play/"+url.PathEscape(c.scenario))
	if err != nil {
		return result{}, err
	}
	var res result
	conns := dialAll(ws, http.Header{"Origin": {origin}}, c.n, &res)
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	stop := start.Add(c.duration)
	for _, conn := range conns {
		if conn == nil {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer conn.Close()
			w := walker{conn: conn, rate: c.rate, stop: stop}
			err := w.walk()
			mu.Lock()
			defer mu.Unlock()
			res.frames += w.frames
			res.lat = append(res.lat, w.lat...)
			if err != nil {
				res.errors++
				if res.firstErr == nil {
					res.firstErr = err
				}
			}
		}()
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	return res, nil
}

// dialError says plainly when the tool ran out of file descriptors.
func dialError(err error) error {
	if errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE) {
		return fmt.Errorf("out of file descriptors: %w; raise the hard limit (ulimit -Hn) or ask for fewer sockets", err)
	}
	return err
}

// walker is one socket's player: it asks for step after step, saying how
// many events it holds, as player.js does.
type walker struct {
	conn   *websocket.Conn
	rate   float64
	stop   time.Time
	step   int // the step to ask for next
	total  int // the scenario's length, from the first frame
	have   int // events held: the page keeps every event it is sent
	frames int
	lat    latencies
}

// gotoCommand is what player.js sends for a step.
type gotoCommand struct {
	Op   string `json:"op"`
	Step int    `json:"step"`
	Have int    `json:"have"`
}

// head is the part of a frame the walker checks.
type head struct {
	Step, Total, From int
	Events            []json.RawMessage
}

// readHead decodes a frame's step, total, from and events and stops there,
// leaving the mailboxes and the message unread: the server writes them
// after, and the tool shares the machine it measures.
func readHead(r io.Reader) (head, error) {
	var h head
	d := json.NewDecoder(r)
	if t, err := d.Token(); err != nil || t != json.Delim('{') {
		return h, fmt.Errorf("a frame that is not a JSON object: %v", err)
	}
	fields := map[string]any{"step": &h.Step, "total": &h.Total, "from": &h.From, "events": &h.Events}
	for len(fields) > 0 && d.More() {
		t, err := d.Token()
		if err != nil {
			return h, err
		}
		key, _ := t.(string)
		v, ok := fields[key]
		if !ok {
			v = new(json.RawMessage)
		}
		if err := d.Decode(v); err != nil {
			return h, fmt.Errorf("frame field %q: %w", key, err)
		}
		delete(fields, key)
	}
	if len(fields) > 0 {
		return h, fmt.Errorf("a frame without %d of step, total, from and events", len(fields))
	}
	return h, nil
}

// walk steps until the stop time. With a rate, gotos go out on a steady
// beat that starts at a random moment in the first period, so that the
// sockets do not all ask at once; a frame that comes late sends the next
// goto at once.
func (w *walker) walk() error {
	var period time.Duration
	next := time.Now()
	if w.rate > 0 {
		period = time.Duration(float64(time.Second) / w.rate)
		next = next.Add(rand.N(period))
	}
	for {
		if wait := time.Until(next); wait > 0 {
			if time.Now().Add(wait).After(w.stop) {
				return nil
			}
			time.Sleep(wait)
		}
		if !time.Now().Before(w.stop) {
			return nil
		}
		if err := w.one(); err != nil {
			return err
		}
		next = next.Add(period)
	}
}

// one sends a goto, reads its frame, checks that it is the step asked for
// with the events the walker lacks, and moves on a step, back to 0 after
// the last.
func (w *walker) one() error {
	w.conn.SetWriteDeadline(time.Now().Add(frameWait))
	sent := time.Now()
	if err := w.conn.WriteJSON(gotoCommand{Op: "goto", Step: w.step, Have: w.have}); err != nil {
		return err
	}
	w.conn.SetReadDeadline(time.Now().Add(frameWait))
	_, r, err := w.conn.NextReader()
	if err != nil {
		return err
	}
	f, err := readHead(r)
	if err != nil {
		return err
	}
	w.lat = append(w.lat, time.Since(sent))
	w.frames++
	if f.Step != w.step || f.From != min(w.have, w.step) || f.From+len(f.Events) != f.Step {
		return fmt.Errorf("asked for step %d holding %d events, got step %d with events %d..%d", w.step, w.have, f.Step, f.From, f.From+len(f.Events))
	}
	w.total = f.Total
	w.have = max(w.have, f.Step)
	w.step++
	if w.step > w.total {
		w.step = 0
	}
	return nil
}
