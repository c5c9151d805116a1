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
)

func TestWebsocketGoto(t *testing.T) {
	srv := httptest.NewServer(serve(shipped(t), nil))
	defer srv.Close()
	spec := twoSystems(t).In(lang.RO) // the page asks in Romanian
	full, err := sim.Run(spec, sim.EventLimit)
	if err != nil {
		t.Fatal(err)
	}
	conn, _, err := dial(t, srv, "/ws/play/two-systems?lang=ro")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ ask, want int }{{5, 5}, {12, 12}, {3, 3}, {0, 0}, {-4, 0}, {len(full), len(full)}, {1 << 40, len(full)}} {
		f := gotoStep(t, conn, c.ask)
		if f.Step != c.want || f.Total != len(full) || len(f.Events) != c.want {
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
	srv := httptest.NewServer(serve(shipped(t), nil))
	defer srv.Close()
	_, resp, err := dial(t, srv, "/ws/play/two-systems", "Origin", "http://evil.example")
	if err == nil {
		t.Fatal("a cross-origin handshake succeeded")
	}
	if resp == nil || resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-origin handshake: %v, want 403", resp)
	}
	conn, _, err := dial(t, srv, "/ws/play/two-systems", "Origin", srv.URL)
	if err != nil {
		t.Fatalf("same-origin handshake failed: %v", err)
	}
	if f := gotoStep(t, conn, 1); f.Step != 1 {
		t.Errorf("same origin: step %d", f.Step)
	}
}

func TestWebsocketClosesOnMisbehaviour(t *testing.T) {
	srv := httptest.NewServer(serve(shipped(t), nil))
	defer srv.Close()
	for name, msg := range map[string]string{
		"unknown op":   `{"op":"explode"}`,
		"not json":     `goto 3`,
		"over a limit": `{"op":"goto","step":1,"pad":"` + strings.Repeat("x", wsReadLimit) + `"}`,
	} {
		t.Run(name, func(t *testing.T) {
			conn, _, err := dial(t, srv, "/ws/play/two-systems")
			if err != nil {
				t.Fatal(err)
			}
			deadline(conn)
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
	f, err := (&totals{}).frameAt(twoSystems(t), 7, lang.EN)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(f)
	var m map[string]json.RawMessage
	json.Unmarshal(b, &m)
	for _, k := range []string{"step", "total", "events", "mailboxes", "state"} {
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
	srv := httptest.NewServer(serve(shipped(t), log))
	defer srv.Close()
	conn, _, err := dial(t, srv, "/ws/play/two-systems")
	if err != nil {
		t.Fatal(err)
	}
	deadline(conn)
	const sent = 3000 // ~45 MB of frames at the last step, far beyond any socket buffer
	for range sent {
		if err := conn.WriteJSON(command{Op: "goto", Step: 1000}); err != nil {
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
