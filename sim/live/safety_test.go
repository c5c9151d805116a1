package live

import (
	"strings"
	"testing"

	"mailsim/sim"
)

// TestDropMidData: a message already accepted stays; the one whose DATA was
// cut off is not stored, not even in part.
func TestDropMidData(t *testing.T) {
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
	s.send("Subject: first", "", "whole", ".")
	s.expect("250 2.0.0 ")
	s.send("MAIL FROM:<bob@mailsim.test>", "RCPT TO:<alice@mailsim.test>", "DATA")
	s.expect("250 ")
	s.expect("250 ")
	s.expect("354 ")
	s.send("Subject: second", "", "half")
	s.c.Close()
	seen := waitFor(t, events, isDisconnect)

	msgs := box(l, "alice@mailsim.test")
	if len(msgs) != 1 || msgs[0].Subject != "first" {
		t.Fatalf("alice has %+v", msgs)
	}
	abandoned := seen[len(seen)-2]
	if abandoned.Kind != sim.KindData || abandoned.Key != "sim.data.abandoned" || abandoned.Line != "Subject: second\r\n\r\nhalf" {
		t.Errorf("before the disconnect: %+v", abandoned)
	}
	if last := seen[len(seen)-1]; last.Key != "lab.disconnect.hangup" || last.State != "Closed" {
		t.Errorf("disconnect %+v", last)
	}
}

// TestPOP3DropAfterDele: DELE without QUIT deletes nothing, and the
// mailbox is unlocked for the next session.
func TestPOP3DropAfterDele(t *testing.T) {
	l := startLab(t, nil)
	deliver(t, l, "bob@mailsim.test", "student@mailsim.test", "Subject: keep me\r\n\r\nbody\r\n")
	events, cancel := l.Subscribe()
	defer cancel()
	s := dial(t, l.POP3Addr())
	s.expect("+OK ")
	s.send("USER student", "PASS student", "DELE 1")
	s.expect("+OK ")
	s.expect("+OK 1 messages")
	s.expect("+OK Message deleted")
	s.c.Close()
	// The SMTP session of deliver may end after Subscribe: wait for POP3's.
	waitFor(t, events, func(e sim.Event) bool { return isDisconnect(e) && e.Proto == "pop3" })
	if n := len(box(l, "student@mailsim.test")); n != 1 {
		t.Fatalf("student has %d messages after a dropped session", n)
	}
	again := dial(t, l.POP3Addr())
	again.expect("+OK ")
	again.send("USER student", "PASS student")
	again.expect("+OK ")
	again.expect("+OK 1 messages")
}

// TestRelayDenied: the lab accepts nothing for other domains, so it can
// never be used to send mail out.
func TestRelayDenied(t *testing.T) {
	l := startLab(t, nil)
	s := dial(t, l.SMTPAddr())
	s.expect("220 ")
	s.send("EHLO pc", "MAIL FROM:<student@mailsim.test>", "RCPT TO:<victim@example.com>", "DATA")
	for s.line() != "250 HELP" {
	}
	s.expect("250 2.1.0 ")
	s.expect("554 5.7.1 <victim@example.com>: Relay access denied")
	s.expect("554 5.5.1 ")
	s.send("RCPT TO:<nobody@mailsim.test>")
	s.expect("550 5.1.1 ")
	for _, b := range l.Mailboxes() {
		if len(b.Messages) != 0 {
			t.Fatalf("%s got mail", b.Address)
		}
	}
}

// TestListsAndVerify: a message to a list reaches every member once; VRFY
// and EXPN answer from the accounts.
func TestListsAndVerify(t *testing.T) {
	l := startLab(t, nil)
	s := dial(t, l.SMTPAddr())
	s.expect("220 ")
	s.send("VRFY student", "VRFY ghost", "EXPN all", "MAIL FROM:<>", "RCPT TO:<all@mailsim.test>", "RCPT TO:<bob@mailsim.test>", "DATA")
	s.expect("250 2.0.0 <student@mailsim.test>")
	s.expect("550 5.1.1 ")
	members := []string{s.line(), s.line(), s.line()}
	if strings.Join(members, "|") != "250-2.1.5 <student@mailsim.test>|250-2.1.5 <alice@mailsim.test>|250 2.1.5 <bob@mailsim.test>" {
		t.Errorf("EXPN %q", members)
	}
	s.expect("250 2.1.0 ")
	s.expect("250 2.1.5 ")
	s.expect("250 2.1.5 ")
	s.expect("354 ")
	s.send("Subject: all", "", "hi", ".")
	s.expect("250 2.0.0 ")
	for _, a := range []string{"student@mailsim.test", "alice@mailsim.test", "bob@mailsim.test"} {
		msgs := box(l, a)
		if len(msgs) != 1 || !strings.Contains(msgs[0].Raw, "\tfor <"+a+">;") || !strings.HasPrefix(msgs[0].Raw, "Return-Path: <>\r\n") {
			t.Errorf("%s has %+v", a, msgs)
		}
	}
}

// TestStorageFull: beyond the lab's storage a message gets 452 and is not
// stored; the session goes on.
func TestStorageFull(t *testing.T) {
	l := startLab(t, func(c *Config) { c.Storage = 1000 })
	s := dial(t, l.SMTPAddr())
	s.expect("220 ")
	s.send("MAIL FROM:<bob@mailsim.test>", "RCPT TO:<alice@mailsim.test>", "DATA")
	s.expect("250 ")
	s.expect("250 ")
	s.expect("354 ")
	s.send(strings.Repeat("x", 900), strings.Repeat("y", 900), ".", "NOOP")
	s.expect("452 4.3.1 ")
	s.expect("250 ")
	if n := len(box(l, "alice@mailsim.test")); n != 0 {
		t.Fatalf("stored %d", n)
	}
}

// TestMaildropLocked: a second session cannot open a mailbox that another
// holds (RFC 1939 §8), and can once the first has quit.
func TestMaildropLocked(t *testing.T) {
	l := startLab(t, nil)
	first := dial(t, l.POP3Addr())
	first.expect("+OK ")
	first.send("USER bob", "PASS hungry")
	first.expect("+OK ")
	first.expect("+OK 0 messages")
	second := dial(t, l.POP3Addr())
	second.expect("+OK ")
	second.send("USER bob@mailsim.test", "PASS hungry")
	second.expect("+OK ")
	second.expect("-ERR [IN-USE] ")
	first.send("QUIT")
	first.expect("+OK ")
	first.eof()
	second.send("USER bob", "PASS hungry")
	second.expect("+OK ")
	second.expect("+OK 0 messages")
}
