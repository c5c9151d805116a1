package live

import (
	"fmt"
	"strings"
	"testing"

	"mailsim/sim"
	"mailsim/sim/smtp"
)

func TestSubject(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Subject: test\r\n\r\nbody\r\n", "test"},
		{"From: a\r\nSUBJECT:  two\r\n  lines\r\nTo: b\r\n\r\n", "two  lines"},
		{"From: a\r\n\r\nSubject: in the body\r\n", ""},
		{"Subject: =?utf-8?q?Tem=C4=83?=\n\n", "Temă"},
		{"Subject:", ""},
	}
	for _, tt := range tests {
		if got := subject([]byte(tt.in)); got != tt.want {
			t.Errorf("subject(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestAddresses types, as a new user would, the addresses the recipient
// policy must get right, and checks that VRFY says what RCPT does.
func TestAddresses(t *testing.T) {
	l := startLab(t, nil)
	s := dial(t, l.SMTPAddr())
	s.expect("220 ")
	s.send("HELO pc", "MAIL FROM:<student@mailsim.test>")
	s.expect("250 ")
	s.expect("250 2.1.0 ")
	for _, tc := range []struct{ rcpt, vrfy, rcptWant, vrfyWant string }{
		{"<bob@MAILSIM.TEST>", "Bob@MAILSIM.TEST", "250 2.1.5 Ok", "250 2.0.0 <bob@mailsim.test>"},
		{`<"victim@gmail.com"@mailsim.test>`, `"victim@gmail.com"@mailsim.test`,
			`550 5.1.1 <"victim@gmail.com"@mailsim.test>: Recipient address rejected: User unknown in local recipient table`,
			`550 5.1.1 <"victim@gmail.com"@mailsim.test>: Recipient address rejected: User unknown in local recipient table`},
		{`<"alice"@mailsim.test>`, `"alice"@MailSim.test`, "250 2.1.5 Ok", "250 2.0.0 <alice@mailsim.test>"},
		{"<postmaster>", "postmaster", "250 2.1.5 Ok", "250 2.0.0 <postmaster@mailsim.test>"},
		{"<PostMaster@MAILSIM.TEST>", "POSTMASTER@mailsim.test", "250 2.1.5 Ok", "250 2.0.0 <postmaster@mailsim.test>"},
		{"<postmaster@gmail.com>", "postmaster@gmail.com", "554 5.7.1 <postmaster@gmail.com>: Relay access denied", "550 5.7.1 <postmaster@gmail.com>: Relay access denied"},
		{"<victim@Example.COM>", "victim@Example.COM", "554 5.7.1 <victim@Example.COM>: Relay access denied", "550 5.7.1 <victim@Example.COM>: Relay access denied"},
		{"<ghost@mailsim.test>", "ghost", "550 5.1.1 <ghost@mailsim.test>: ", "550 5.1.1 <ghost@mailsim.test>: "},
		{"<ALL@mailsim.test>", "all", "250 2.1.5 Ok", "252 2.1.5 <all@mailsim.test>: Unable to verify members of mailing list"},
	} {
		s.send("RCPT TO:"+tc.rcpt, "VRFY "+tc.vrfy)
		if got := s.line(); !strings.HasPrefix(got, tc.rcptWant) {
			t.Errorf("RCPT TO:%s: %q, want %q", tc.rcpt, got, tc.rcptWant)
		}
		if got := s.line(); !strings.HasPrefix(got, tc.vrfyWant) {
			t.Errorf("VRFY %s: %q, want %q", tc.vrfy, got, tc.vrfyWant)
		}
	}
	s.send("DATA")
	s.expect("354 ")
	s.send("Subject: addresses", "", "hi", ".")
	s.expect("250 2.0.0 ")
	// bob once, alice once, the postmaster twice in one copy for student,
	// and the list's three members: each mailbox gets one copy.
	for _, a := range []string{"student@mailsim.test", "alice@mailsim.test", "bob@mailsim.test"} {
		if msgs := box(l, a); len(msgs) != 1 {
			t.Errorf("%s holds %d messages, want 1", a, len(msgs))
		}
	}
}

// TestRefusalsExplained checks that the events of a refused relay and of a
// VRFY refused carry the key of the situation, not of the code alone.
func TestRefusalsExplained(t *testing.T) {
	l := startLab(t, nil)
	events, cancel := l.Subscribe()
	defer cancel()
	s := dial(t, l.SMTPAddr())
	s.expect("220 ")
	s.send("VRFY x@example.com", "MAIL FROM:<a@b.ro>", "RCPT TO:<x@example.com>", "QUIT")
	got := map[int][]string{}
	for _, e := range waitFor(t, events, isDisconnect) {
		if e.Kind == sim.KindReply {
			got[e.Code] = append(got[e.Code], e.Key)
		}
	}
	if k := got[550]; len(k) != 1 || k[0] != "smtp.why.relay-denied" {
		t.Errorf("VRFY refused explained by %q", k)
	}
	if k := got[554]; len(k) != 1 || k[0] != "smtp.why.relay-denied" {
		t.Errorf("RCPT refused explained by %q", k)
	}
}

// TestTooManyHops sends over a real socket a message that has already
// passed smtp.MaxHops+1 servers: the lab refuses it at the final dot with
// 554 5.4.6, so that the sender's MTA bounces it, and stores nothing. One
// hop fewer is delivered.
func TestTooManyHops(t *testing.T) {
	l := startLab(t, nil)
	events, cancel := l.Subscribe()
	defer cancel()
	s := dial(t, l.SMTPAddr())
	s.expect("220 ")
	for _, hops := range []int{smtp.MaxHops + 1, smtp.MaxHops} {
		s.send("MAIL FROM:<a@b.ro>", "RCPT TO:<bob@mailsim.test>", "DATA")
		s.expect("250 ")
		s.expect("250 ")
		s.expect("354 ")
		for i := range hops {
			s.send(fmt.Sprintf("Received: from r%d.example by r%d.example with SMTP id %d;", i, i+1, i),
				"\tMon, 30 Nov 2026 10:00:00 +0000")
		}
		s.send("Subject: round and round", "", "Received: in the body is no hop", ".")
		if hops > smtp.MaxHops {
			s.expect("554 5.4.6 Too many hops")
		} else {
			s.expect("250 2.0.0 Ok: queued as ")
		}
	}
	s.send("QUIT")
	s.expect("221 ")
	msgs := box(l, "bob@mailsim.test")
	if len(msgs) != 1 {
		t.Fatalf("bob holds %d messages", len(msgs))
	}
	// The lab adds its own hop to the ones the message came with.
	if head, _, _ := strings.Cut(msgs[0].Raw, "\r\n\r\n"); strings.Count(head, "\nReceived: ") != smtp.MaxHops+1 {
		t.Errorf("stored with %d Received lines", strings.Count(head, "\nReceived: "))
	}
	var keys []string
	for _, e := range waitFor(t, events, isDisconnect) {
		if e.Kind == sim.KindReply && e.Code == 554 {
			keys = append(keys, e.Key)
		}
	}
	if len(keys) != 1 || keys[0] != "smtp.why.too-many-hops" {
		t.Errorf("554 explained by %q", keys)
	}
}

// TestReceivedNamesTheGreeting: the Received line names the client by the
// name it gave in HELO or EHLO and by its address (RFC 5321 §4.4), and says
// SMTP after HELO, ESMTP after EHLO (RFC 3848), over a real socket.
func TestReceivedNamesTheGreeting(t *testing.T) {
	l := startLab(t, nil)
	s := dial(t, l.SMTPAddr())
	s.expect("220 ")
	for _, greet := range []string{"HELO pc.example.org", "EHLO pc.example.org"} {
		s.send(greet)
		for l := s.line(); !strings.HasPrefix(l, "250 "); l = s.line() { // EHLO's 250- lines
		}
		s.send("MAIL FROM:<a@b.ro>", "RCPT TO:<bob@mailsim.test>", "DATA")
		s.expect("250 ")
		s.expect("250 ")
		s.expect("354 ")
		s.send("Subject: "+greet, "", "hi", ".")
		s.expect("250 2.0.0 Ok: queued as ")
	}
	s.send("QUIT")
	s.expect("221 ")
	msgs := box(l, "bob@mailsim.test")
	if len(msgs) != 2 {
		t.Fatalf("bob holds %d messages", len(msgs))
	}
	for i, with := range []string{"SMTP", "ESMTP"} {
		want := "\r\nReceived: from pc.example.org ([127.0.0.1]) by mailsim.test (mailsim lab) with " + with + " id " + msgs[i].QueueID + "\r\n"
		if !strings.Contains(msgs[i].Raw, want) {
			t.Errorf("%s: stored\n%q\nwant a line %q", msgs[i].Subject, msgs[i].Raw, want)
		}
	}
}
