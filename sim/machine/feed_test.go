package machine_test

import (
	"strings"
	"testing"

	"mailsim/sim/imap"
	"mailsim/sim/machine"
	mailstore "mailsim/sim/store"
)

// TestFeedLine types an IMAP LOGIN whose user name is a literal: the typed
// line is literal octets as far as the literal goes, and the rest of it is
// the rest of the command, as on the wire.
func TestFeedLine(t *testing.T) {
	store := mailstore.New("")
	store.AddUser("alice", "pw")
	m := imap.NewServer(imap.Config{Store: store}).Machine()
	m.Greet()
	fed := machine.FeedLine(m, []byte("a LOGIN {5}"), 0)
	if len(fed) != 1 || fed[0].Out.Literal != 5 || fed[0].Out.Replies[0].Status != "+" {
		t.Fatalf("announcing the literal: %+v", fed)
	}
	fed = machine.FeedLine(m, []byte("alice pw"), 5)
	if len(fed) != 2 || string(fed[0].In) != "alice" || fed[0].Out.Input != machine.Literal || string(fed[1].In) != " pw" {
		t.Fatalf("the literal and the rest: %+v", fed)
	}
	last := fed[1].Out
	if last.State != "Authenticated" || last.Key != "imap.cmd.LOGIN" || last.Replies[0].Status != "OK" {
		t.Fatalf("after LOGIN: %+v", last)
	}

	// A literal that takes a whole typed line and its CRLF, then more.
	fed = machine.FeedLine(m, []byte("b APPEND INBOX {7}"), 0)
	pending := fed[0].Out.Literal
	for _, line := range []string{"ab", "c"} {
		fed = machine.FeedLine(m, []byte(line), pending)
		pending = fed[len(fed)-1].Out.Literal
	}
	if pending != 0 || len(fed) != 1 {
		t.Fatalf("literal not complete: %d pending, %+v", pending, fed)
	}
	fed = machine.FeedLine(m, nil, 0)
	if r := fed[0].Out.Replies; len(r) != 1 || !strings.HasPrefix(r[0].Lines[0], "b OK [APPENDUID ") {
		t.Fatalf("APPEND answered %+v", fed[0].Out)
	}
	msgs, _ := store.Messages("alice", imap.Inbox)
	if len(msgs) != 1 || string(msgs[0].Data) != "ab\r\nc\r\n" {
		t.Fatalf("stored %+v", msgs)
	}
}
