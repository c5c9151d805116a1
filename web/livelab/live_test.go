package livelab

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/gorilla/websocket"

	"mailsim/sim"
	"mailsim/sim/live"
	"mailsim/web/view"
	"mailsim/web/webtest"
)

type wireLiveFrame struct {
	Events []struct {
		sim.Event
		Text string `json:"text"`
	} `json:"events"`
	Machine   *view.MachineState `json:"machine"`
	Mailboxes []live.Page        `json:"mailboxes"`
}

func readLive(t *testing.T, conn *websocket.Conn) wireLiveFrame {
	t.Helper()
	webtest.Deadline(conn)
	var f wireLiveFrame
	if err := conn.ReadJSON(&f); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestLiveSocket: the socket sends the history first, then new events as
// they happen, explained, with the state and the mailboxes they changed.
func TestLiveSocket(t *testing.T) {
	srv, l := consoleServer(t)
	s, _ := l.Console("smtp")
	s.Greet()
	s.Feed("HELO pc")

	conn, _, err := webtest.Dial(t, srv, "/ws/live?lang=en")
	if err != nil {
		t.Fatal(err)
	}
	first := readLive(t, conn)
	if len(first.Events) != 4 || first.Events[0].Key != "lab.connect.console.smtp" || first.Events[0].Text == "" {
		t.Fatalf("history frame: %+v", first.Events)
	}
	if first.Machine == nil || *first.Machine != (view.MachineState{Proto: "smtp", State: "Ready", From: "Greeted"}) || first.Mailboxes == nil {
		t.Errorf("history frame machine %+v, %d mailboxes", first.Machine, len(first.Mailboxes))
	}

	for _, line := range []string{"MAIL FROM:<a@mailsim.test>", "RCPT TO:<bob@mailsim.test>", "DATA", "Subject: live", "", "hi", "."} {
		s.Feed(line)
	}
	var seen []string
	var boxes []live.Page
	for !strings.Contains(strings.Join(seen, " "), "250 2.0.0 Ok: queued") {
		f := readLive(t, conn)
		for _, e := range f.Events {
			if e.Seq < 4 {
				t.Errorf("event %d of the history came again", e.Seq)
			}
			seen = append(seen, e.Line)
		}
		if f.Mailboxes != nil {
			boxes = f.Mailboxes
		}
	}
	b, _ := json.Marshal(boxes)
	if !strings.Contains(string(b), `"subject":"live"`) {
		t.Errorf("the frame of the delivery has no new mailboxes: %s", b)
	}
	s.Close()
	if f := readLive(t, conn); f.Events[len(f.Events)-1].Kind != sim.KindDisconnect || f.Machine.State != "Closed" {
		t.Errorf("hang-up frame %+v", f)
	}
}

func TestSessionStatesFollowEachClient(t *testing.T) {
	s := sessionStates{}
	a := sim.Event{Proto: "smtp", From: "client:a", To: "lab.mta-server", State: "Greeted", Kind: sim.KindConnect}
	b := sim.Event{Proto: "smtp", From: "client:b", To: "lab.mta-server", State: "Greeted", Kind: sim.KindConnect}
	s.see(a)
	s.see(b)
	reply := sim.Event{Proto: "smtp", From: "lab.mta-server", To: "client:a", State: "Ready", Kind: sim.KindReply}
	if m, _ := s.see(reply); m.From != "Greeted" || m.State != "Ready" {
		t.Errorf("a's reply: %+v", m)
	}
	if _, ok := s.see(sim.Event{Kind: sim.KindStore, Proto: "smtp"}); ok {
		t.Error("a store event has no state")
	}
	s.see(sim.Event{Proto: "smtp", From: "client:a", To: "lab.mta-server", State: "Closed", Kind: sim.KindDisconnect})
	if len(s) != 1 {
		t.Errorf("a's session is still followed: %v", s)
	}
}
