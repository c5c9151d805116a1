package live

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"mailsim/sim"
)

// brief is the part of an event a sequence test compares.
func brief(e sim.Event) string {
	s := fmt.Sprintf("%s %s", e.Kind, e.Key)
	if e.Code != 0 {
		s += fmt.Sprintf(" %d", e.Code)
	}
	return s
}

// TestEventsOfSessions: a scripted SMTP session and a POP3 session give the
// expected events, in order, with sequence numbers and fake-clock times.
func TestEventsOfSessions(t *testing.T) {
	l := startLab(t, nil)
	events, cancel := l.Subscribe()
	defer cancel()

	s := dial(t, l.SMTPAddr())
	s.expect("220 ")
	s.send("HELO pc", "MAIL FROM:<bob@mailsim.test>", "RCPT TO:<alice@mailsim.test>", "DATA")
	s.expect("250 ")
	s.expect("250 ")
	s.expect("250 ")
	s.expect("354 ")
	s.send("Subject: hi", "", "..dot", ".", "QUIT")
	s.expect("250 ")
	s.expect("221 ")
	s.eof()
	smtpEvents := waitFor(t, events, isDisconnect)

	p := dial(t, l.POP3Addr())
	p.expect("+OK ")
	p.send("USER alice", "PASS wonderland", "DELE 1", "QUIT")
	for range 4 {
		p.line()
	}
	p.eof()
	pop3Events := waitFor(t, events, isDisconnect)

	want := []string{
		"connect lab.connect.smtp", "reply smtp.reply.220 220",
		"command smtp.cmd.HELO", "reply smtp.reply.250 250",
		"command smtp.cmd.MAIL", "reply smtp.reply.250 250",
		"command smtp.cmd.RCPT", "reply smtp.reply.250 250",
		"command smtp.cmd.DATA", "reply smtp.reply.354 354",
		"data sim.data", "store sim.store", "reply smtp.why.queued 250",
		"command smtp.cmd.QUIT", "reply smtp.reply.221 221",
		"disconnect smtp.disconnect",
		"connect lab.connect.pop3", "reply pop3.ok.greeting",
		"command pop3.cmd.USER", "reply pop3.ok.user",
		"command pop3.cmd.PASS", "reply pop3.ok.login",
		"command pop3.cmd.DELE", "reply pop3.ok.dele",
		"command pop3.cmd.QUIT", "delete sim.delete", "reply pop3.ok.quit-update",
		"disconnect pop3.disconnect",
	}
	all := append(smtpEvents, pop3Events...)
	var got []string
	for _, e := range all {
		got = append(got, brief(e))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	client := "client:" + s.c.LocalAddr().String()
	for i, e := range all {
		if e.Seq != i || e.Time != time.Duration(e.Ms)*time.Millisecond || (i > 0 && e.Ms < all[i-1].Ms) {
			t.Errorf("event %d: seq %d ms %d time %v", i, e.Seq, e.Ms, e.Time)
		}
		wantDir, wantProto := sim.Push, "smtp"
		if i >= len(smtpEvents) {
			wantDir, wantProto = sim.Pull, "pop3"
		}
		if e.Kind == sim.KindStore { // a store happens inside the server's system
			wantDir, wantProto = sim.Local, ""
		}
		if e.Dir != wantDir || e.Proto != wantProto {
			t.Errorf("event %d %s: dir %s proto %s", i, brief(e), e.Dir, e.Proto)
		}
		if i < len(smtpEvents) {
			switch e.Kind {
			case sim.KindCommand, sim.KindData, sim.KindConnect, sim.KindDisconnect:
				if e.From != client || e.To != SMTPAgent {
					t.Errorf("event %d %s: from %q to %q", i, brief(e), e.From, e.To)
				}
			case sim.KindReply:
				if e.From != SMTPAgent || e.To != client {
					t.Errorf("event %d %s: from %q to %q", i, brief(e), e.From, e.To)
				}
			}
		}
	}
	// The data event shows the wire, dot-stuffing included.
	data, store := smtpEvents[10], smtpEvents[11]
	if data.Line != "Subject: hi\r\n\r\n..dot\r\n." || data.State != "Ready" {
		t.Errorf("data event %+v", data)
	}
	if store.Box != "alice@mailsim.test" || store.Msg == "" || store.Msg != pop3Events[9].Msg {
		t.Errorf("store %+v, delete %+v", store, pop3Events[9])
	}
	if rcpt := smtpEvents[6]; rcpt.Line != "RCPT TO:<alice@mailsim.test>" || rcpt.State != "RcptTo" {
		t.Errorf("RCPT event %+v", rcpt)
	}
	if h := l.History(); len(h) != len(all) || h[0].Seq != 0 || h[len(h)-1].Seq != len(all)-1 {
		t.Errorf("history has %d events", len(h))
	}
	for _, e := range all {
		if !explained(e.Key) {
			t.Errorf("key %q has no explanation", e.Key)
		}
	}
}

// TestSlowSubscriberDropped: a subscriber that never reads is dropped once
// its buffer is full, while the wire and a reading subscriber go on. The
// reading one is waited for after each reply, so that a loaded machine
// that starves its goroutine cannot make it the slow one too.
func TestSlowSubscriberDropped(t *testing.T) {
	l := startLab(t, nil)
	slow, cancelSlow := l.Subscribe()
	defer cancelSlow()
	fast, cancelFast := l.Subscribe()
	defer cancelFast()
	var read atomic.Int64
	got := make(chan int)
	go func() {
		n := 0
		for e := range fast {
			n++
			read.Store(int64(n))
			if e.Kind == sim.KindDisconnect {
				break
			}
		}
		got <- n
	}()
	caughtUp := func(n int64) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); read.Load() < n; time.Sleep(time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("the reading subscriber read %d events, want %d", read.Load(), n)
			}
		}
	}

	s := dial(t, l.SMTPAddr())
	s.expect("220 ")
	for i := range 300 {
		s.send("NOOP")
		s.expect("250 ")
		caughtUp(int64(2 + 2*(i+1)))
	}
	s.send("QUIT")
	s.expect("221 ")
	s.eof()
	if n := <-got; n != 2+600+3 {
		t.Errorf("the reading subscriber got %d events", n)
	}
	n := 0
	for range slow {
		n++
	}
	if n != subscriberBuffer {
		t.Errorf("the slow subscriber got %d events before being dropped, want %d", n, subscriberBuffer)
	}
	cancelSlow() // after the drop, cancelling again is harmless
}

func TestHistoryKeepsTheLatest(t *testing.T) {
	l := startLab(t, func(c *Config) { c.History = 5 })
	s := dial(t, l.SMTPAddr())
	s.expect("220 ")
	for range 10 {
		s.send("NOOP")
		s.expect("250 ")
	}
	h := l.History()
	if len(h) != 5 || h[0].Seq != 17 || h[4].Seq != 21 {
		var seqs []int
		for _, e := range h {
			seqs = append(seqs, e.Seq)
		}
		t.Fatalf("history seqs %v", seqs)
	}
}

// TestCloseEndsSubscriptions: Close says 421 to open sessions, publishes
// their end and then closes the subscribers' channels.
func TestCloseEndsSubscriptions(t *testing.T) {
	l := startLab(t, nil)
	events, cancel := l.Subscribe()
	defer cancel()
	s := dial(t, l.SMTPAddr())
	s.expect("220 ")
	closed := make(chan error)
	go func() { closed <- l.Close() }()
	s.expect("421 4.3.2 ")
	s.eof()
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	var last sim.Event
	for e := range events {
		last = e
	}
	if last.Key != "lab.disconnect.shutdown" {
		t.Fatalf("last event %+v", last)
	}
}

// TestRefusedEvents: a connection beyond the cap shows as a connect, the
// refusal and a disconnect that says why.
func TestRefusedEvents(t *testing.T) {
	l := startLab(t, func(c *Config) { c.Wire.MaxConns = 1 })
	events, cancel := l.Subscribe()
	defer cancel()
	first := dial(t, l.POP3Addr())
	first.expect("+OK ")
	second := dial(t, l.POP3Addr())
	second.expect("-ERR [SYS/TEMP] too many connections")
	second.eof()
	var got []string
	for _, e := range waitFor(t, events, isDisconnect) {
		got = append(got, brief(e))
	}
	want := "connect lab.connect.pop3|reply pop3.ok.greeting|connect lab.connect.pop3|reply wire.pop3.too-many|disconnect lab.disconnect.refused"
	if strings.Join(got, "|") != want {
		t.Fatalf("events %q", got)
	}
	first.c.Close()
}

// TestLongTextIsClipped: events show the start of a long message and its
// end marker, while the mailbox keeps all of it.
func TestLongTextIsClipped(t *testing.T) {
	l := startLab(t, nil)
	events, cancel := l.Subscribe()
	defer cancel()
	text := "Subject: long\r\n\r\n" + strings.Repeat(strings.Repeat("A", 76)+"\r\n", 400)
	deliver(t, l, "bob@mailsim.test", "alice@mailsim.test", text)
	var data sim.Event
	for _, e := range waitFor(t, events, isDisconnect) {
		if e.Kind == sim.KindData {
			data = e
		}
	}
	if len(data.Line) > maxShown+10 || !strings.HasSuffix(data.Line, "\r\n"+sim.ClipMark+"\r\n.") {
		t.Errorf("data event of %d octets ends %q", len(data.Line), data.Line[len(data.Line)-20:])
	}
	if raw := box(l, "alice@mailsim.test")[0].Raw; !strings.HasSuffix(raw, text) {
		t.Fatal("the stored message is not whole")
	}

	p := dial(t, l.POP3Addr())
	p.expect("+OK ")
	p.send("USER alice", "PASS wonderland", "RETR 1", "QUIT")
	p.expect("+OK ")
	p.expect("+OK ")
	p.expect("+OK ")
	if got := p.multi(); len(got) < 400 {
		t.Fatalf("RETR gave %d lines", len(got))
	}
	p.expect("+OK ")
	p.eof()
	for _, e := range waitFor(t, events, isDisconnect) {
		if e.Key == "pop3.ok.retr" && (len(e.Line) > maxShown+100 || !strings.HasSuffix(e.Line, "\r\n"+sim.ClipMark+"\r\n.")) {
			t.Errorf("RETR event of %d octets ends %q", len(e.Line), e.Line[len(e.Line)-20:])
		}
	}
}
