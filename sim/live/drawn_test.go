package live

import (
	"fmt"
	"testing"
)

// TestEventsCarrySideAndClass: the lab's events carry the side and the
// reply class the views draw, for SMTP's codes and POP3's status words,
// an error of each included.
func TestEventsCarrySideAndClass(t *testing.T) {
	l := startLab(t, nil)
	events, cancel := l.Subscribe()
	defer cancel()

	s := dial(t, l.SMTPAddr())
	s.expect("220 ")
	s.send("HELO pc", "FOO", "QUIT")
	s.expect("250 ")
	s.expect("5")
	s.expect("221 ")
	s.eof()
	all := waitFor(t, events, isDisconnect)

	p := dial(t, l.POP3Addr())
	p.expect("+OK ")
	p.send("FOO", "QUIT")
	p.expect("-ERR")
	p.expect("+OK")
	p.eof()
	all = append(all, waitFor(t, events, isDisconnect)...)

	want := []string{
		"connect  0", "reply server 2", "command client 0", "reply server 2", "command client 0", "reply server 5",
		"command client 0", "reply server 2", "disconnect  0",
		"connect  0", "reply server 2", "command client 0", "reply server 5", "command client 0", "reply server 2",
		"disconnect  0",
	}
	if len(all) != len(want) {
		t.Fatalf("%d events, want %d: %v", len(all), len(want), all)
	}
	for i, e := range all {
		if got := fmt.Sprintf("%s %s %d", e.Kind, e.Side, e.Class); got != want[i] {
			t.Errorf("event %d (%q): %q, want %q", i, e.Line, got, want[i])
		}
	}
}
