package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"mailsim/scenarios"
	"mailsim/web"
)

// server is a mailsim web app with the shipped scenarios.
func server(t *testing.T) *httptest.Server {
	t.Helper()
	lib, errs := scenarios.Load("")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	srv := httptest.NewServer(web.New(lib, nil, nil))
	t.Cleanup(srv.Close)
	return srv
}

// TestRunAgainstAServer drives a handful of sockets flat out and at a
// rate: every socket opens (the Origin and Host pass the server's checks),
// every frame is the step asked for with the events the walker lacked
// (run counts an error otherwise), and each frame has its latency.
func TestRunAgainstAServer(t *testing.T) {
	srv := server(t)
	for _, rate := range []float64{0, 20} {
		res, err := run(config{base: srv.URL, n: 5, scenario: "two-systems", rate: rate, duration: 500 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		if res.opened != 5 || res.failed != 0 || res.errors != 0 {
			t.Fatalf("rate %v: opened %d, failed %d, errors %d (%v)", rate, res.opened, res.failed, res.errors, res.firstErr)
		}
		if len(res.lat) != res.frames || res.frames < 5 {
			t.Errorf("rate %v: %d frames, %d latencies", rate, res.frames, len(res.lat))
		}
		if rate > 0 && res.frames > 5*(20/2+1) {
			t.Errorf("at %v gotos a second for half a second: %d frames from 5 sockets", rate, res.frames)
		}
	}
}

// TestRunCountsWhatFails: an unknown scenario refuses every handshake, and
// a bad -url is refused before anything is opened.
func TestRunCountsWhatFails(t *testing.T) {
	srv := server(t)
	res, err := run(config{base: srv.URL, n: 3, scenario: "no-such", rate: 1, duration: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if res.opened != 0 || res.failed != 3 || res.firstErr == nil {
		t.Errorf("an unknown scenario: opened %d, failed %d, first error %v", res.opened, res.failed, res.firstErr)
	}
	if _, err := run(config{base: "127.0.0.1:8080", n: 1, scenario: "lan-both", duration: time.Second}); err == nil || !strings.Contains(err.Error(), "http://") {
		t.Errorf("a -url without a scheme: %v", err)
	}
}

func TestCheckRefusesEmptyRuns(t *testing.T) {
	good := config{base: "http://127.0.0.1:8080", n: 1, scenario: "lan-both", rate: 1, duration: time.Second}
	if err := check(good); err != nil {
		t.Errorf("a good config: %v", err)
	}
	for _, bad := range []config{{n: 0, rate: 1, duration: time.Second}, {n: 1, rate: -1, duration: time.Second}, {n: 1, rate: 1}} {
		if err := check(bad); err == nil {
			t.Errorf("%+v was accepted", bad)
		}
	}
}

func TestReadHead(t *testing.T) {
	h, err := readHead(strings.NewReader(`{"step":3,"total":9,"from":2,"events":[{"seq":2}],"mailboxes":[{"raw":"…"}]}`))
	if err != nil || h.Step != 3 || h.Total != 9 || h.From != 2 || len(h.Events) != 1 {
		t.Errorf("a frame read as %+v, %v", h, err)
	}
	h, err = readHead(strings.NewReader(`{"mailboxes":[],"events":[],"from":4,"total":9,"step":4}`))
	if err != nil || h.Step != 4 || h.From != 4 || len(h.Events) != 0 {
		t.Errorf("a frame in another order read as %+v, %v", h, err)
	}
	for _, bad := range []string{`[1,2]`, `{"step":1,"total":2}`, `{"step":"x","total":2,"from":0,"events":[]}`, ``} {
		if _, err := readHead(strings.NewReader(bad)); err == nil {
			t.Errorf("%q was read as a frame", bad)
		}
	}
}

// TestWalkerWrapsAround: past the scenario's last step the walker starts
// again at 0 and goes on holding every event, so that a long run keeps
// asking for frames the server must answer in full.
func TestWalkerWrapsAround(t *testing.T) {
	srv := server(t)
	ws, origin, err := socketURL(srv.URL, "/ws/play/two-systems")
	if err != nil {
		t.Fatal(err)
	}
	var res result
	conn := dialAll(ws, http.Header{"Origin": {origin}}, 1, &res)[0]
	if conn == nil {
		t.Fatal(res.firstErr)
	}
	defer conn.Close()
	w := walker{conn: conn}
	if err := w.one(); err != nil {
		t.Fatal(err)
	}
	for range w.total + 2 {
		if err := w.one(); err != nil {
			t.Fatal(err)
		}
	}
	if w.step != 2 || w.have != w.total {
		t.Errorf("after %d gotos over a %d-step scenario the walker asks for step %d holding %d events", w.total+3, w.total, w.step, w.have)
	}
}

// TestClassAgainstAServer follows a class: every student's screen gets
// every step the instructor shows, each step has its latency, and the run
// counts no error.
func TestClassAgainstAServer(t *testing.T) {
	srv := server(t)
	res, err := runClass(config{base: srv.URL, n: 20, scenario: "two-systems", rate: 20, duration: 300 * time.Millisecond, class: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.opened != 21 || res.failed != 0 || res.errors != 0 {
		t.Fatalf("opened %d (20 students and the instructor), failed %d, errors %d (%v)", res.opened, res.failed, res.errors, res.firstErr)
	}
	if len(res.lat) < 3 || res.frames != 20*len(res.lat) {
		t.Errorf("%d steps measured, %d frames counted", len(res.lat), res.frames)
	}
}
