package smtp

import (
	"slices"
	"testing"
)

// TestCommandsMatchTheMachine feeds every verb the server knows in every
// state where commands are read: a verb Commands lists must get an answer
// that is not a sequence or availability error, and every other verb must
// get one (503 bad sequence, 502 not offered, 504 not implemented), so the
// hint line can never advise a command the machine would refuse.
func TestCommandsMatchTheMachine(t *testing.T) {
	sample := map[string]string{
		"HELO": "HELO client.example", "EHLO": "EHLO client.example",
		"MAIL": "MAIL FROM:<ms@elcom.pub.ro>", "RCPT": "RCPT TO:<asil@matrix>",
		"DATA": "DATA", "RSET": "RSET", "NOOP": "NOOP", "QUIT": "QUIT",
		"VRFY": "VRFY asil", "EXPN": "EXPN studenti", "HELP": "HELP",
		"AUTH": "AUTH PLAIN", "STARTTLS": "STARTTLS", "TURN": "TURN",
		"SEND": "SEND FROM:<ms@elcom.pub.ro>", "SOML": "SOML FROM:<ms@elcom.pub.ro>",
		"SAML": "SAML FROM:<ms@elcom.pub.ro>",
	}
	for verb := range commands {
		if sample[verb] == "" {
			t.Fatalf("no sample line for %s", verb)
		}
	}
	reach := map[State][]string{Greeted: nil, Ready: helo, MailFrom: mail, RcptTo: rcpt}
	for state, before := range reach {
		valid := Commands(state)
		if len(valid) == 0 {
			t.Errorf("Commands(%s) is empty", state)
		}
		for verb, line := range sample {
			s := NewServer(withLists())
			s.Greet()
			for _, b := range before {
				s.Feed([]byte(b))
			}
			if s.State() != state {
				t.Fatalf("setting up %s: in %s", state, s.State())
			}
			code := s.Feed([]byte(line)).Replies[0].Code
			refused := code == 502 || code == 503 || code == 504
			if listed := slices.Contains(valid, verb); listed == refused {
				t.Errorf("in %s, %q got %d but Commands lists it: %v", state, line, code, listed)
			}
		}
	}
	for _, s := range []State{Connected, Data, Closed} {
		if c := Commands(s); len(c) != 0 {
			t.Errorf("Commands(%s) = %v, want none", s, c)
		}
	}
}

func TestCommandsIsACopy(t *testing.T) {
	Commands(Ready)[0] = "XXXX"
	if Commands(Ready)[0] != "MAIL" {
		t.Error("changing the returned slice changed the table")
	}
}
