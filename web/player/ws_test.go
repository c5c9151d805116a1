package player

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/web/webtest"
)

func TestWebsocketGoto(t *testing.T) {
	srv := httptest.NewServer(serve(webtest.Shipped(t), nil))
	defer srv.Close()
	spec := twoSystems(t).In(lang.RO) // the page asks in Romanian
	full, err := sim.Run(spec, sim.EventLimit)
	if err != nil {
		t.Fatal(err)
	}
	conn, _, err := webtest.Dial(t, srv, "/ws/play/two-systems?lang=ro")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ ask, want int }{{5, 5}, {12, 12}, {3, 3}, {0, 0}, {-4, 0}, {len(full), len(full)}, {1 << 40, len(full)}} {
		f := webtest.Goto(t, conn, c.ask)
		if f.Step != c.want || f.Total != len(full) || f.From != 0 || len(f.Events) != c.want {
			t.Fatalf("goto %d: step %d, total %d, %d events; want %d, %d, %d",
				c.ask, f.Step, f.Total, len(f.Events), c.want, len(full), c.want)
		}
		w, err := sim.Replay(spec, c.want)
		if err != nil {
			t.Fatal(err)
		}
		state := ""
		for i, want := range w.Trace() {
			got := f.Events[i]
			want.Time = 0 // not in the JSON form; Ms carries it
			if !reflect.DeepEqual(got.Event, want) {
				t.Errorf("goto %d: event %d is %+v, Replay has %+v", c.ask, i, got.Event, want)
			}
			if got.Text != explain(lang.RO, want.Key) || got.Text == "" {
				t.Errorf("goto %d: event %d explained as %q", c.ask, i, got.Text)
			}
			if want.Proto == "smtp" && want.State != "" {
				state = want.State
			}
		}
		if f.State != state {
			t.Errorf("goto %d: state %q, want %q", c.ask, f.State, state)
		}
		if !reflect.DeepEqual(f.Mailboxes, w.Mailboxes()) {
			t.Errorf("goto %d: mailboxes differ from the replayed world's", c.ask)
		}
	}
}

func TestWebsocketRefusesOtherOrigins(t *testing.T) {
	srv := httptest.NewServer(serve(webtest.Shipped(t), nil))
	defer srv.Close()
	_, resp, err := webtest.Dial(t, srv, "/ws/play/two-systems", "Origin", "http://evil.example")
	if err == nil {
		t.Fatal("a cross-origin handshake succeeded")
	}
	if resp == nil || resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-origin handshake: %v, want 403", resp)
	}
	conn, _, err := webtest.Dial(t, srv, "/ws/play/two-systems", "Origin", srv.URL)
	if err != nil {
		t.Fatalf("same-origin handshake failed: %v", err)
	}
	if f := webtest.Goto(t, conn, 1); f.Step != 1 {
		t.Errorf("same origin: step %d", f.Step)
	}
}

func TestWebsocketClosesOnMisbehaviour(t *testing.T) {
	srv := httptest.NewServer(serve(webtest.Shipped(t), nil))
	defer srv.Close()
	for name, msg := range map[string]string{
		"unknown op":        `{"op":"explode"}`,
		"not json":          `goto 3`,
		"have not a number": `{"op":"goto","step":3,"have":"all"}`,
		"have a fraction":   `{"op":"goto","step":3,"have":1.5}`,
		"over a limit":      `{"op":"goto","step":1,"pad":"` + strings.Repeat("x", wsReadLimit) + `"}`,
	} {
		t.Run(name, func(t *testing.T) {
			conn, _, err := webtest.Dial(t, srv, "/ws/play/two-systems")
			if err != nil {
				t.Fatal(err)
			}
			webtest.Deadline(conn)
			if err := conn.WriteMessage(websocket.TextMessage, []byte(msg)); err != nil {
				t.Fatal(err)
			}
			if _, data, err := conn.ReadMessage(); err == nil {
				t.Errorf("server answered %q instead of closing", data)
			} else if _, ok := err.(*websocket.CloseError); !ok && !strings.Contains(err.Error(), "reset") && !strings.Contains(err.Error(), "EOF") {
				t.Errorf("read after %s: %v, want the connection closed", name, err)
			}
		})
	}
}

func TestFrameJSONNamesEveryField(t *testing.T) {
	b, err := (&totals{}).wireAt(twoSystems(t), 7, 0, lang.EN)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("the frame is not JSON: %v\n%s", err, b)
	}
	for _, k := range []string{"step", "total", "from", "events", "mailboxes", "state", "machine", "motion", "message"} {
		if _, ok := m[k]; !ok {
			t.Errorf("frame JSON lacks %q: %s", k, b)
		}
	}
	if !strings.Contains(string(m["events"]), `"text":"`) || !strings.Contains(string(m["events"]), `"kind":"reply"`) {
		t.Errorf("events are not sim.Event JSON with text: %s", m["events"])
	}
}

// TestWebsocketDropsAClientThatDoesNotRead sends far more commands than the
// socket buffers and the send queue can hold answers for, without reading:
// the server must close the connection rather than queue without bound.
func TestWebsocketDropsAClientThatDoesNotRead(t *testing.T) {
	var logged strings.Builder
	var mu sync.Mutex
	log := slog.New(slog.NewTextHandler(writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		return logged.Write(p)
	}), nil))
	srv := httptest.NewServer(serve(webtest.Shipped(t), log))
	defer srv.Close()
	conn, _, err := webtest.Dial(t, srv, "/ws/play/two-systems")
	if err != nil {
		t.Fatal(err)
	}
	webtest.Deadline(conn)
	const sent = 3000 // ~45 MB of frames at the last step, far beyond any socket buffer
	for range sent {
		if err := conn.WriteJSON(command{Op: "goto", Step: 1000}); err != nil { // have 0: every event, each time
			break // the server has already hung up
		}
	}
	// Read nothing until the server gives up on the client: a reader that
	// keeps up (as this one would under the race detector, which slows the
	// frames more than the writes) is never dropped.
	dropped := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return strings.Contains(logged.String(), "client too slow")
	}
	for wait := time.Now().Add(10 * time.Second); !dropped() && time.Now().Before(wait); {
		time.Sleep(10 * time.Millisecond)
	}
	got := 0
	for {
		if _, _, err := conn.ReadMessage(); err != nil {
			break
		}
		got++
	}
	if got >= sent {
		t.Errorf("the server answered all %d commands of a client that did not read", sent)
	}
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(logged.String(), "client too slow") {
		t.Errorf("the server did not drop the slow client; log:\n%s", logged.String())
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// TestWebsocketSendsWhatTheClientLacks walks lan-both forward as the page
// does, saying how many events it holds: each frame carries the one new
// event, and together they are the run. Going back sends no event, and the
// state is the replayed world's at that step.
func TestWebsocketSendsWhatTheClientLacks(t *testing.T) {
	srv := httptest.NewServer(serve(webtest.Shipped(t), nil))
	defer srv.Close()
	spec := lanBoth(t)
	full, err := sim.Run(spec, sim.EventLimit)
	if err != nil {
		t.Fatal(err)
	}
	conn, _, err := webtest.Dial(t, srv, "/ws/play/lan-both?lang=en")
	if err != nil {
		t.Fatal(err)
	}
	var held []sim.Event
	for step := 0; step <= len(full); step++ {
		f := webtest.GotoHave(t, conn, step, len(held))
		if f.Step != step || f.From != len(held) || len(f.Events) != min(step, 1) {
			t.Fatalf("goto %d holding %d: step %d, from %d, %d events; want the one new event", step, len(held), f.Step, f.From, len(f.Events))
		}
		for _, e := range f.Events {
			held = append(held, e.Event)
		}
	}
	for i, want := range full {
		want.Time = 0
		if !reflect.DeepEqual(held[i], want) {
			t.Errorf("event %d as sent is %+v, the run has %+v", i, held[i], want)
		}
	}
	for _, step := range []int{10, 3, 0, 30} {
		f := webtest.GotoHave(t, conn, step, len(held))
		if f.Step != step || f.From != step || len(f.Events) != 0 {
			t.Errorf("back to %d holding every event: step %d, from %d, %d events; want none", step, f.Step, f.From, len(f.Events))
		}
		w, err := sim.Replay(spec, step)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(f.Mailboxes, w.Mailboxes()) {
			t.Errorf("back to %d: the mailboxes differ from the replayed world's", step)
		}
	}
}

// TestWebsocketClampsHave: what a client says it holds is clamped to
// [0, step], as a step is to [0, total]; nothing odd makes the server send
// events out of order or fail.
func TestWebsocketClampsHave(t *testing.T) {
	srv := httptest.NewServer(serve(webtest.Shipped(t), nil))
	defer srv.Close()
	total := len(mustRun(t, twoSystems(t)))
	conn, _, err := webtest.Dial(t, srv, "/ws/play/two-systems")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ step, have, from, events int }{
		{5, -7, 0, 5},
		{5, 9, 5, 0},
		{5, 1 << 40, 5, 0},
		{5, -1 << 40, 0, 5},
		{1 << 40, total - 2, total - 2, 2},
		{-3, 4, 0, 0},
	} {
		f := webtest.GotoHave(t, conn, c.step, c.have)
		if f.From != c.from || len(f.Events) != c.events {
			t.Errorf("goto %d holding %d: from %d with %d events, want from %d with %d", c.step, c.have, f.From, len(f.Events), c.from, c.events)
		}
		for i, e := range f.Events {
			if e.Seq != f.From+i {
				t.Errorf("goto %d holding %d: event %d has seq %d", c.step, c.have, f.From+i, e.Seq)
			}
		}
	}
}

// TestWebsocketReconnectResumes: a page whose socket dropped opens a new
// one and says what it holds, and is sent only what it lacks.
func TestWebsocketReconnectResumes(t *testing.T) {
	srv := httptest.NewServer(serve(webtest.Shipped(t), nil))
	defer srv.Close()
	first, _, err := webtest.Dial(t, srv, "/ws/play/two-systems")
	if err != nil {
		t.Fatal(err)
	}
	if f := webtest.GotoHave(t, first, 10, 0); len(f.Events) != 10 {
		t.Fatalf("the first socket sent %d events for step 10", len(f.Events))
	}
	first.Close()
	again, _, err := webtest.Dial(t, srv, "/ws/play/two-systems")
	if err != nil {
		t.Fatal(err)
	}
	f := webtest.GotoHave(t, again, 11, 10)
	if f.Step != 11 || f.From != 10 || len(f.Events) != 1 || f.Events[0].Seq != 10 {
		t.Errorf("after reconnecting holding 10 events, goto 11: from %d with %d events", f.From, len(f.Events))
	}
}

// TestWebsocketNegotiatesCompression: a client that offers permessage-deflate,
// as browsers do, gets it, and its frames still decode.
func TestWebsocketNegotiatesCompression(t *testing.T) {
	srv := httptest.NewServer(serve(webtest.Shipped(t), nil))
	defer srv.Close()
	d := websocket.Dialer{EnableCompression: true}
	conn, resp, err := d.Dial("ws"+strings.TrimPrefix(srv.URL, "http")+"/ws/play/two-systems", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if ext := resp.Header.Get("Sec-WebSocket-Extensions"); !strings.Contains(ext, "permessage-deflate") {
		t.Errorf("the handshake answered Sec-WebSocket-Extensions %q, want permessage-deflate", ext)
	}
	if f := webtest.Goto(t, conn, 12); f.Step != 12 || len(f.Events) != 12 {
		t.Errorf("a compressed frame decoded as step %d with %d events", f.Step, len(f.Events))
	}
}

func mustRun(t *testing.T, spec *sim.Spec) []sim.Event {
	t.Helper()
	trace, err := sim.Run(spec, sim.EventLimit)
	if err != nil {
		t.Fatal(err)
	}
	return trace
}
