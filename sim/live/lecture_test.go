package live

import (
	"fmt"
	"strings"
	"testing"
)

// TestLectureSMTPSession replays the lecture's telnet session to Postfix
// line by line, with the lab's accounts in place of the lecture's addresses,
// and gets Postfix's answers.
func TestLectureSMTPSession(t *testing.T) {
	l := startLab(t, nil)
	s := dial(t, l.SMTPAddr())
	s.expect("220 mailsim.test ESMTP mailsim")
	s.send("mail from: student@mailsim.test")
	s.expect("250 2.1.0 Ok")
	s.send("rcpt to: alice@mailsim.test")
	s.expect("250 2.1.5 Ok")
	s.send("data")
	s.expect("354 End data with <CR><LF>.<CR><LF>")
	s.send("From: Studentu Cutare", "Subject: test", "", "mail de test", ".")
	queued := s.expect("250 2.0.0 Ok: queued as ")
	s.send("quit")
	s.expect("221 2.0.0 Bye")
	s.eof()

	msgs := box(l, "alice@mailsim.test")
	if len(msgs) != 1 {
		t.Fatalf("alice has %d messages", len(msgs))
	}
	m := msgs[0]
	if id := strings.TrimPrefix(queued, "250 2.0.0 Ok: queued as "); m.QueueID != id || m.UID != id {
		t.Errorf("queue ID %q, stored as %q", id, m.QueueID)
	}
	want := "Return-Path: <student@mailsim.test>\r\nReceived: from [127.0.0.1] by mailsim.test (mailsim lab) with SMTP id " +
		m.QueueID + "\r\n\tfor <alice@mailsim.test>; Mon, 12 Jan 2026 09:00:00 +0200\r\n" +
		"From: Studentu Cutare\r\nSubject: test\r\n\r\nmail de test\r\n"
	if m.Raw != want {
		t.Errorf("stored\n%q\nwant\n%q", m.Raw, want)
	}
	if m.Subject != "test" || m.From != "student@mailsim.test" {
		t.Errorf("subject %q from %q", m.Subject, m.From)
	}
}

// TestNetcatStyleCommands: command lines ending in a bare LF, as nc sends
// them, are accepted as Postfix accepts them.
func TestNetcatStyleCommands(t *testing.T) {
	l := startLab(t, nil)
	s := dial(t, l.SMTPAddr())
	s.expect("220 ")
	if _, err := s.c.Write([]byte("helo pc\nmail from: <bob@mailsim.test>\nrcpt to: student\ndata\n")); err != nil {
		t.Fatal(err)
	}
	s.expect("250 mailsim.test")
	s.expect("250 2.1.0 ")
	s.expect("250 2.1.5 ")
	s.expect("354 ")
	s.send("Subject: nc", "", "hi", ".")
	s.expect("250 2.0.0 ")
	if got := box(l, "student@mailsim.test"); len(got) != 1 {
		t.Fatalf("student has %d messages", len(got))
	}
}

// TestLecturePOP3Session is the lecture's POP3 telnet session (USER, PASS,
// LIST, RETR, DELE, QUIT) against a message the SMTP port delivered.
func TestLecturePOP3Session(t *testing.T) {
	l := startLab(t, nil)
	deliver(t, l, "student@mailsim.test", "alice@mailsim.test", "Subject: Test message\r\n\r\nThis is a test message.\r\n.dot line\r\n")
	raw := box(l, "alice@mailsim.test")[0].Raw
	size := len(raw)

	s := dial(t, l.POP3Addr())
	s.expect("+OK mailsim.test POP3 server ready <")
	s.send("USER alice@mailsim.test")
	s.expect("+OK alice@mailsim.test")
	s.send("PASS wonderland")
	s.expect(fmt.Sprintf("+OK 1 messages %d octets", size))
	s.send("LIST")
	s.expect(fmt.Sprintf("+OK 1 messages %d octets", size))
	if got := s.multi(); len(got) != 1 || got[0] != fmt.Sprintf("1 %d", size) {
		t.Fatalf("LIST %q", got)
	}
	s.send("RETR 1")
	s.expect(fmt.Sprintf("+OK %d octets", size))
	if got := strings.Join(s.multi(), "\r\n") + "\r\n"; got != raw {
		t.Fatalf("RETR\n%q\nstored\n%q", got, raw)
	}
	s.send("RETR 3")
	s.expect("-ERR No such message")
	s.send("DELE 1")
	s.expect("+OK Message deleted")
	if len(box(l, "alice@mailsim.test")) != 1 {
		t.Fatal("DELE deleted before QUIT")
	}
	s.send("QUIT")
	s.expect("+OK POP3 server closing connection")
	s.eof()
	if n := len(box(l, "alice@mailsim.test")); n != 0 {
		t.Fatalf("after QUIT alice still has %d messages", n)
	}
}

// TestWrongPassword is the lecture's failed login.
func TestWrongPassword(t *testing.T) {
	l := startLab(t, nil)
	s := dial(t, l.POP3Addr())
	s.expect("+OK ")
	s.send("USER student@mailsim.test", "PASS hack")
	s.expect("+OK student@mailsim.test")
	s.expect("-ERR Unknown user or incorrect password")
}

// deliver sends one message through the SMTP port and waits for its 250.
func deliver(t testing.TB, l *Lab, from, to, text string) string {
	t.Helper()
	s := dial(t, l.SMTPAddr())
	s.expect("220 ")
	s.send("HELO test", "MAIL FROM:<"+from+">", "RCPT TO:<"+to+">", "DATA")
	s.expect("250 ")
	s.expect("250 2.1.0 ")
	s.expect("250 2.1.5 ")
	s.expect("354 ")
	s.send(strings.TrimSuffix(text, "\r\n"), ".", "QUIT")
	id := strings.TrimPrefix(s.expect("250 2.0.0 Ok: queued as "), "250 2.0.0 Ok: queued as ")
	s.expect("221 ")
	s.eof()
	return id
}
