package store

import (
	"errors"
	"slices"
	"testing"
	"time"
)

var day = time.Date(2026, 1, 12, 9, 0, 0, 0, time.UTC)

func fixture(t *testing.T) *Store {
	t.Helper()
	s := New("RUN")
	s.AddUser("bob", "pw")
	for _, id := range []string{"q1", "q2"} {
		if _, err := s.Deliver("bob", Inbox, []byte("Subject: "+id+"\n\nhi\n"), day, Info{ID: id, Msg: id}); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// TestMaildropIDs: POP3 sees each INBOX message by the ID its delivery gave
// it, and a message IMAP appended by one made of the run, the folder's
// UIDVALIDITY and the UID, which no later message repeats.
func TestMaildropIDs(t *testing.T) {
	s := fixture(t)
	if _, err := s.Append("bob", Inbox, Message{Data: []byte("x\r\n"), Info: Info{ID: "forged"}}); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, m := range s.Maildrop("bob") {
		ids = append(ids, m.Info.ID)
	}
	if want := []string{"q1", "q2", "RUN.1.3"}; !slices.Equal(ids, want) {
		t.Fatalf("POP3 IDs %v, want %v", ids, want)
	}
	if d := s.Maildrop("bob")[0].Data; string(d) != "Subject: q1\r\n\r\nhi\r\n" {
		t.Errorf("stored %q, want CRLF line ends", d)
	}
}

// TestMarksUntilRemove: a POP3 mark shows the message on its way out and
// leaves it where it is; Remove takes it, whatever its flags, and Expunge
// takes only what is flagged \Deleted.
func TestMarksUntilRemove(t *testing.T) {
	s := fixture(t)
	msgs, _ := s.Messages("bob", Inbox)
	s.Mark("bob", msgs[0].UID, true)
	if msgs, _ = s.Messages("bob", Inbox); !msgs[0].Deleted() || msgs[1].Deleted() || len(msgs) != 2 {
		t.Fatalf("after a mark: %+v", msgs)
	}
	s.Mark("bob", msgs[0].UID, false)
	if msgs, _ = s.Messages("bob", Inbox); msgs[0].Deleted() {
		t.Fatal("unmarking left the mark")
	}
	if gone, _ := s.Expunge("bob", Inbox, nil); len(gone) != 0 {
		t.Fatalf("EXPUNGE without \\Deleted removed %v", gone)
	}
	if err := s.SetFlags("bob", Inbox, msgs[1].UID, []string{FlagDeleted}); err != nil {
		t.Fatal(err)
	}
	if gone, _ := s.Expunge("bob", Inbox, nil); !slices.Equal(gone, []uint32{msgs[1].UID}) {
		t.Fatalf("EXPUNGE removed %v", gone)
	}
	if gone := s.Remove("bob", Inbox, []uint32{msgs[0].UID}); len(gone) != 1 || gone[0].Info.ID != "q1" {
		t.Fatalf("Remove gave %+v", gone)
	}
	if s.Size("bob") != 0 || s.Total() != 0 {
		t.Errorf("an empty store holds %d octets (total %d)", s.Size("bob"), s.Total())
	}
}

// TestSizesAndWatch: sizes follow mail in and out, a copy is a new message
// without its delivery's ID, and every change wakes a watcher.
func TestSizesAndWatch(t *testing.T) {
	s := fixture(t)
	one := int64(len("Subject: q1\r\n\r\nhi\r\n"))
	if s.Size("bob") != 2*one || s.Total() != 2*one {
		t.Fatalf("size %d total %d, want %d", s.Size("bob"), s.Total(), 2*one)
	}
	woken := s.Watch("bob")
	if err := s.Create("bob", "Work/2026"); err != nil {
		t.Fatal(err)
	}
	select {
	case <-woken:
	default:
		t.Fatal("CREATE did not wake the watcher")
	}
	uids, err := s.Copy("bob", Inbox, []uint32{1}, "Work/2026")
	if err != nil || len(uids) != 1 {
		t.Fatalf("copy: %v %v", uids, err)
	}
	if msgs, _ := s.Messages("bob", "Work/2026"); msgs[0].Info != (Info{}) || s.Size("bob") != 3*one {
		t.Errorf("the copy %+v, size %d", msgs[0], s.Size("bob"))
	}
	if err := s.Delete("bob", "Work"); !errors.Is(err, ErrHasChildren) {
		t.Errorf("deleting a parent: %v", err)
	}
	if err := s.Delete("bob", "Work/2026"); err != nil || s.Size("bob") != 2*one {
		t.Errorf("deleting the folder: %v, size %d", err, s.Size("bob"))
	}
	if err := s.Rename("bob", "inbox", "Old"); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.Status("bob", Inbox); st.Messages != 0 || st.UIDNext != 3 {
		t.Errorf("INBOX after its rename: %+v", st)
	}
	if len(s.Maildrop("bob")) != 0 {
		t.Error("POP3 still sees the renamed INBOX's mail")
	}
}

// TestLock: one POP3 session at a time holds a user's INBOX.
func TestLock(t *testing.T) {
	s := fixture(t)
	if !s.Lock("bob") || s.Lock("bob") || s.Lock("nobody") {
		t.Fatal("the lock is not exclusive")
	}
	s.Unlock("bob")
	if !s.Lock("bob") {
		t.Fatal("unlocking did not release")
	}
	if !s.Login("bob", "pw") || s.Login("bob", "PW") || s.Login("eve", "pw") {
		t.Error("Login accepts what it should not")
	}
}
