package live

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"mailsim/sim"
)

// first is the first wire line of a result's first reply, or "".
func first(r Exchange) string {
	if len(r.Replies) == 0 || len(r.Replies[0].Lines) == 0 {
		return ""
	}
	return r.Replies[0].Lines[0]
}

// typeLines feeds lines to a console session and checks the first line of
// each answer against the prefix given with it ("" for a text line, which
// gets no answer).
func typeLines(t *testing.T, c *ConsoleSession, pairs ...string) {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if got := first(c.Feed(pairs[i])); !strings.HasPrefix(got, pairs[i+1]) || (pairs[i+1] == "" && got != "") {
			t.Fatalf("%q: got %q, want %q…", pairs[i], got, pairs[i+1])
		}
	}
}

// TestConsoleMailReachesPOP3: the lecture's telnet session typed into an
// SMTP console delivers into the lab's mailbox, a POP3 console fetches it,
// and both sessions are events like a real port's, from "console:<n>".
func TestConsoleMailReachesPOP3(t *testing.T) {
	l := startLab(t, func(c *Config) { c.SMTPAddr, c.POP3Addr = "", "" })
	events, cancel := l.Subscribe()
	defer cancel()

	s, err := l.Console("smtp")
	if err != nil {
		t.Fatal(err)
	}
	if g := first(s.Greet()); !strings.HasPrefix(g, "220 mailsim.test ") {
		t.Fatalf("greeting %q", g)
	}
	if s.State() != "Greeted" {
		t.Errorf("state after the greeting: %s", s.State())
	}
	typeLines(t, s,
		"mail from: ms@elcom.pub.ro", "250 2.1.0",
		"rcpt to: bob@mailsim.test", "250 2.1.5",
		"data", "354 ",
		"From: Studentu Cutare", "",
		"Subject: test", "",
		"", "",
		"mail de test", "",
		".", "250 2.0.0 Ok: queued as ",
		"quit", "221 ")
	if !s.Closed() || s.State() != "Closed" {
		t.Errorf("after QUIT: closed %v, state %s", s.Closed(), s.State())
	}
	if r := s.Feed("noop"); !r.Close || len(r.Replies) > 0 {
		t.Errorf("a line after QUIT got %+v", r)
	}
	smtpEvents := waitFor(t, events, isDisconnect)
	if smtpEvents[0].Key != "lab.connect.console.smtp" || smtpEvents[0].From != "console:1" || smtpEvents[0].To != SMTPAgent {
		t.Errorf("first event %+v", smtpEvents[0])
	}
	var data sim.Event
	for _, e := range smtpEvents {
		if e.Kind == sim.KindData {
			data = e
		}
	}
	if data.Line != "From: Studentu Cutare\r\nSubject: test\r\n\r\nmail de test\r\n." {
		t.Errorf("data event %q", data.Line)
	}

	msgs := box(l, "bob@mailsim.test")
	if len(msgs) != 1 || msgs[0].Subject != "test" || !strings.Contains(msgs[0].Raw, "Received: from console:1 by mailsim.test") {
		t.Fatalf("bob's mailbox: %+v", msgs)
	}

	p, err := l.Console("pop3")
	if err != nil {
		t.Fatal(err)
	}
	if g := first(p.Greet()); !strings.HasPrefix(g, "+OK ") {
		t.Fatalf("greeting %q", g)
	}
	typeLines(t, p, "user bob", "+OK", "pass hungry", "+OK", "list", "+OK 1 messages")
	retr := p.Feed("retr 1")
	if lines := retr.Replies[0].Lines; !slices.Contains(lines, "mail de test") || lines[len(lines)-1] != "." {
		t.Errorf("RETR 1 gave %q", lines)
	}
	if p.State() != "Transaction" {
		t.Errorf("state %s", p.State())
	}
	typeLines(t, p, "quit", "+OK")
	pop3Events := waitFor(t, events, isDisconnect)
	if pop3Events[0].From != "console:2" || pop3Events[0].Key != "lab.connect.console.pop3" {
		t.Errorf("POP3 console's first event %+v", pop3Events[0])
	}
}

// TestConsoleLimitsAndHangup: an overlong line gets the machine's own
// error, and closing the page mid-transaction abandons it, logs out and
// unlocks the maildrop, as hanging up a real connection does.
func TestConsoleLimitsAndHangup(t *testing.T) {
	l := startLab(t, func(c *Config) { c.SMTPAddr, c.POP3Addr = "", "" })
	s, _ := l.Console("smtp")
	s.Greet()
	typeLines(t, s, "HELO "+strings.Repeat("x", 600), "500 5.5.0 Line too long", "HELO pc", "250 ")
	typeLines(t, s, "MAIL FROM:<a@mailsim.test>", "250", "RCPT TO:<bob@mailsim.test>", "250", "DATA", "354",
		strings.Repeat("y", 2000), "", "Subject: cut", "")
	events, cancel := l.Subscribe()
	defer cancel()
	s.Close()
	s.Close() // a second Close does nothing
	got := waitFor(t, events, isDisconnect)
	if n := len(got); got[n-1].Key != "lab.disconnect.hangup" || got[0].Key != "sim.data.abandoned" {
		t.Errorf("hangup events %+v", got)
	}
	if len(box(l, "bob@mailsim.test")) != 0 {
		t.Error("an abandoned message was delivered")
	}

	p, _ := l.Console("pop3")
	p.Greet()
	typeLines(t, p, "USER bob", "+OK", "PASS hungry", "+OK")
	q, _ := l.Console("pop3")
	q.Greet()
	typeLines(t, q, "USER bob", "+OK", "PASS hungry", "-ERR")
	p.Close()
	typeLines(t, q, "USER bob", "+OK", "PASS hungry", "+OK")
	if r := q.Timeout(); !r.Close || len(r.Replies) != 0 || !q.Closed() {
		t.Errorf("POP3 timeout: %+v", r)
	}
}

func TestConsoleRefusals(t *testing.T) {
	l := startLab(t, func(c *Config) { c.SMTPAddr, c.POP3Addr = "", "" })
	if _, err := l.Console("nntp"); !errors.Is(err, ErrConsoleProto) {
		t.Errorf("nntp console: %v", err)
	}
	var open []*ConsoleSession
	for range maxConsoles {
		c, err := l.Console("smtp")
		if err != nil {
			t.Fatal(err)
		}
		open = append(open, c)
	}
	if _, err := l.Console("smtp"); !errors.Is(err, ErrConsoleBusy) {
		t.Errorf("console beyond the cap: %v", err)
	}
	open[0].Greet()
	if r := open[0].Timeout(); first(r) != "421 4.4.2 mailsim.test Error: timeout exceeded" || !r.Close {
		t.Errorf("SMTP timeout: %+v", r)
	}
	if _, err := l.Console("pop3"); err != nil {
		t.Errorf("after one ended: %v", err)
	}
}

func TestConsoleKeysExplained(t *testing.T) {
	for _, k := range []string{"lab.connect.console.smtp", "lab.connect.console.pop3"} {
		if !Explanations[k].Complete() {
			t.Errorf("%s is not explained in both languages", k)
		}
	}
}
