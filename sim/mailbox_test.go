package sim

import (
	"testing"
)

// mailboxWorld is scenario 2 by hand with an MAA server beside Bob's mailbox
// and two messages already in it, so that a test can type an access session
// line by line.
func mailboxWorld(t *testing.T) (*World, *pull) {
	t.Helper()
	spec := twoSystems()
	spec.Hosts[1].Agents = append(spec.Hosts[1].Agents, Agent{ID: "b.maa", Kind: MAAServer, Label: spec.Title})
	spec.Users[1].Password = "pw"
	spec.Sends, spec.Reads = nil, nil
	w, err := NewWorld(spec)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"M1", "M2"} {
		w.store("b.mta", "bob@b.example", &Message{ID: id, From: "alice@a.example", Subject: id}, "Q"+id,
			"Subject: "+id+"\r\n\r\ntext of "+id+"\r\n", "sim.store")
	}
	u := w.users["bob@b.example"]
	return w, &pull{w: w, user: u, box: w.boxes["bob@b.example"], client: "b.ua", server: "b.maa"}
}

// marks lists the box's messages as ID, with a * for one marked for deletion.
func marks(b *Mailbox) string {
	s := ""
	for _, m := range b.view().Messages {
		s += " " + m.ID
		if m.Deleted {
			s += "*"
		}
	}
	return s
}

// expect feeds each line to the session and checks the mailbox after it.
func expect(t *testing.T, a access, box *Mailbox, steps [][2]string) {
	t.Helper()
	for _, s := range steps {
		if s[0] != "" {
			a.server().Feed([]byte(s[0]))
		}
		if got := marks(box); got != s[1] {
			t.Fatalf("after %q the mailbox holds %q, want %q", s[0], got, s[1])
		}
	}
}

// TestPOP3MarksUntilQuit: DELE marks, RSET unmarks, and only QUIT's UPDATE
// removes, as its own event; what it removed stays in Stored for viewers.
func TestPOP3MarksUntilQuit(t *testing.T) {
	w, p := mailboxWorld(t)
	p.proto = "pop3"
	a := w.pop3Access(p, &Read{})
	a.server().Greet()
	expect(t, a, p.box, [][2]string{
		{"USER bob@b.example", " M1 M2"},
		{"PASS pw", " M1 M2"},
		{"DELE 1", " M1* M2"},
		{"RETR 2", " M1* M2"},
		{"RSET", " M1 M2"},
		{"DELE 2", " M1 M2*"},
		{"QUIT", " M1 M2*"},
	})
	e, ok := w.Step()
	if !ok || e.Kind != KindDelete || e.Msg != "M2" || e.Key != "sim.delete" {
		t.Fatalf("QUIT did not remove M2 as an event: %+v", e)
	}
	a.drop()
	if got := marks(p.box); got != " M1" {
		t.Fatalf("after UPDATE the mailbox holds %q, want M1", got)
	}
	if s := w.Stored(); len(s[1].Messages) != 2 {
		t.Fatalf("Stored forgot the removed message: %+v", s[1].Messages)
	}
}

// TestPOP3DropKeepsMarkedMail: a connection lost after DELE removes nothing
// and leaves nothing marked (RFC 1939 §6).
func TestPOP3DropKeepsMarkedMail(t *testing.T) {
	w, p := mailboxWorld(t)
	p.proto = "pop3"
	a := w.pop3Access(p, &Read{})
	a.server().Greet()
	expect(t, a, p.box, [][2]string{{"USER bob@b.example", " M1 M2"}, {"PASS pw", " M1 M2"}, {"DELE 1", " M1* M2"}, {"DELE 2", " M1* M2*"}})
	a.drop()
	if got := marks(p.box); got != " M1 M2" {
		t.Fatalf("after a dropped connection the mailbox holds %q, want both unmarked", got)
	}
	if _, ok := w.Step(); ok {
		t.Fatal("a dropped session scheduled something")
	}
}

// TestIMAPFlagsAndExpunge: \Deleted marks, -FLAGS unmarks, a fetch of the
// body sets \Seen, and EXPUNGE removes, as its own event.
func TestIMAPFlagsAndExpunge(t *testing.T) {
	w, p := mailboxWorld(t)
	p.proto = "imap"
	a := w.imapAccess(p, &Read{Via: "imap"})
	a.server().Greet()
	expect(t, a, p.box, [][2]string{
		{"a1 LOGIN bob@b.example pw", " M1 M2"},
		{"a2 SELECT INBOX", " M1 M2"},
		{`a3 UID STORE 1:2 +FLAGS (\Deleted)`, " M1* M2*"},
		{`a4 UID STORE 2 -FLAGS (\Deleted)`, " M1* M2"},
		{"a5 UID FETCH 2 (BODY[])", " M1* M2"},
	})
	if v := p.box.view().Messages; !v[1].Seen || v[0].Seen {
		t.Fatalf("only M2 was fetched, but seen flags are %v, %v", v[0].Seen, v[1].Seen)
	}
	expect(t, a, p.box, [][2]string{{"a6 EXPUNGE", " M1* M2"}})
	e, ok := w.Step()
	if !ok || e.Kind != KindDelete || e.Msg != "M1" || e.Key != "sim.delete.imap" {
		t.Fatalf("EXPUNGE did not remove M1 as an event: %+v", e)
	}
	if got := marks(p.box); got != " M2" {
		t.Fatalf("after EXPUNGE the mailbox holds %q, want M2", got)
	}
}
