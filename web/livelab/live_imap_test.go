package livelab

import (
	"mailsim/web/view"
	"mailsim/web/webtest"
	"strings"
	"testing"
)

// TestLivePageShowsIMAP: /live names the IMAP port with its telnet command,
// draws the IMAP client and server, and draws an IMAP session typed in the
// console, its state in the IMAP diagram.
func TestLivePageShowsIMAP(t *testing.T) {
	l := webtest.StartLab(t, "127.0.0.1:0")
	h := serve(webtest.Shipped(t), l)
	s, err := l.Console("imap")
	if err != nil {
		t.Fatal(err)
	}
	s.Greet()
	s.Feed("a1 LOGIN bob hungry")
	body := webtest.Get(t, h, "GET", "/live?lang=en").Body.String()
	for _, want := range []string{"<b>IMAP</b>", telnet(l.IMAPAddr()), tr("en", "live.server.imap"), tr("en", "live.client.imap"),
		"a1 LOGIN bob hungry", "a1 OK [CAPABILITY"} {
		if !strings.Contains(body, want) {
			t.Errorf("/live lacks %q", want)
		}
	}
	states := sessionStates{}
	var last view.MachineState
	for _, e := range l.History() {
		if ms, ok := states.see(e); ok {
			last = ms
		}
	}
	if last != (view.MachineState{Proto: "imap", State: "Authenticated", From: "NotAuthenticated"}) {
		t.Errorf("the live diagram's state after LOGIN: %+v", last)
	}
}
