package live

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"mailsim/sim/imap"
)

// imapDo sends one tagged IMAP command and reads up to its tagged answer,
// which must be OK.
func (s *session) imapDo(tag, cmd string) {
	s.t.Helper()
	s.send(tag + " " + cmd)
	s.imapWait(tag, cmd)
}

// imapWait reads up to the tagged answer, which must be OK.
func (s *session) imapWait(tag, cmd string) {
	s.t.Helper()
	for {
		l := s.line()
		if strings.HasPrefix(l, tag+" ") {
			if !strings.HasPrefix(l, tag+" OK") {
				s.t.Fatalf("%s: %s", cmd, l)
			}
			return
		}
	}
}

// dumpMail writes out everything the lab's mail store holds that a client
// can see: every user's folders with their UIDVALIDITY and UIDNEXT, each
// message's UID, flags, internal date and text, the subscriptions, and the
// POP3 unique IDs of INBOX.
func dumpMail(l *Lab) string {
	var b strings.Builder
	s := l.store
	for _, a := range l.Accounts() {
		if a.IsList() {
			continue
		}
		fmt.Fprintf(&b, "%s subs %v\n", a.Address, s.mail.Subscriptions(a.Address))
		for _, box := range s.mail.Mailboxes(a.Address) {
			st, _ := s.mail.Status(a.Address, box)
			fmt.Fprintf(&b, "  %s validity %d next %d\n", box, st.UIDValidity, st.UIDNext)
			msgs, _ := s.mail.Messages(a.Address, box)
			for _, m := range msgs {
				fmt.Fprintf(&b, "    %d %v %s %x\n", m.UID, m.Flags, m.Date.Format(time.RFC3339Nano), sha256.Sum256(m.Data))
			}
		}
		fmt.Fprintf(&b, "  uidl %v\n", uidls(l, a.Address))
	}
	for _, mb := range l.Mailboxes() {
		for _, m := range mb.Messages {
			fmt.Fprintf(&b, "%s %s from %q subject %q\n", mb.Address, m.ID, m.From, m.Subject)
		}
	}
	return b.String()
}

// uidls lists the POP3 unique IDs of a user's INBOX.
func uidls(l *Lab, addr string) []string {
	var ids []string
	for _, m := range l.store.mail.Maildrop(addr) {
		ids = append(ids, m.Info.ID)
	}
	return ids
}

// TestDataSurvivesRestart makes every kind of change the journal records,
// stops the lab, starts it again on the same file, and finds the store as
// it was: the same folders, UIDs, UIDVALIDITYs, flags, texts, POP3 IDs and
// summaries; and new mail after the restart gets a queue ID of its own.
func TestDataSurvivesRestart(t *testing.T) {
	data := filepath.Join(t.TempDir(), "lab.db")
	withData := func(c *Config) { c.Data = data }
	l := startLab(t, withData)
	if l.Data() != data {
		t.Errorf("Data() = %q", l.Data())
	}
	sendMail(t, l, "student@mailsim.test", "first")
	sendMail(t, l, "student@mailsim.test", "second")
	sendMail(t, l, "all@mailsim.test", "to everyone")

	s := dial(t, l.IMAPAddr())
	s.expect("* OK ")
	s.imapDo("a", "LOGIN student student")
	s.imapDo("b", "CREATE Archive/2026")
	s.imapDo("c", "SELECT INBOX")
	s.imapDo("d", `STORE 1 +FLAGS (\Seen \Flagged)`)
	s.imapDo("e", "COPY 1:2 Archive/2026")
	s.imapDo("f", `STORE 2 +FLAGS (\Deleted)`)
	s.imapDo("g", "EXPUNGE")
	s.send(`h APPEND Archive (\Draft) {11}`)
	s.expect("+")
	s.send("Hello there") // the literal, and the command line's end
	s.imapWait("h", "APPEND")
	s.send("h2 APPEND INBOX {5}") // its POP3 ID is made up from the run, which the file keeps
	s.expect("+")
	s.send("Hi!\r\n")
	s.imapWait("h2", "APPEND")
	s.imapDo("i", "RENAME Archive/2026 Old")
	s.imapDo("j", "SUBSCRIBE Old")
	s.imapDo("k", "CREATE Tmp")
	s.imapDo("l", "DELETE Tmp")
	s.imapDo("m", "LOGOUT")

	p := dial(t, l.POP3Addr())
	p.expect("+OK ")
	p.send("USER bob", "PASS hungry", "DELE 1", "QUIT")
	for range 4 {
		p.expect("+OK")
	}
	p.eof()

	before := dumpMail(l)
	for _, want := range []string{"Old validity", "Archive validity", "[\\Seen \\Flagged]", "[\\Draft]", "subs [Old]"} {
		if !strings.Contains(before, want) {
			t.Fatalf("the changes did not happen (no %q):\n%s", want, before)
		}
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}

	// A day later, so that this run's own ID differs from the file's.
	later := &clock{n: 24 * time.Hour}
	l2 := startLab(t, func(c *Config) { withData(c); c.Now = later.now })
	if after := dumpMail(l2); after != before {
		t.Errorf("after the restart:\n%s\nbefore:\n%s", after, before)
	}
	sendMail(t, l2, "student@mailsim.test", "after the restart")
	ids := uidls(l2, "student@mailsim.test")
	if len(ids) != 4 || len(slices.Compact(slices.Sorted(slices.Values(ids)))) != 4 {
		t.Errorf("INBOX IDs after a new delivery: %v", ids)
	}
}

// TestDataBadFile: a file that is not a mailsim data file, and one another
// lab holds, are refused at start with a sentence that says so.
func TestDataBadFile(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte(strings.Repeat("not a database\n", 1000)), 0o600); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.db")
	db, err := bolt.Open(other, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("accounts")); return err }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	held := filepath.Join(dir, "lab.db")
	startLab(t, func(c *Config) { c.Data = held })

	for _, c := range []struct{ file, want string }{
		{text, "is not a mailsim data file"},
		{other, "a bbolt file of another program"},
		{held, "is in use by another program"},
		{dir, "data file " + dir},
	} {
		_, err := Start(Config{Data: c.file}, nil)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.file, err, c.want)
		}
	}
}

// TestDataRecords: every kind of record reads back as written.
func TestDataRecords(t *testing.T) {
	for k := opDeliver; k <= opLast; k++ {
		o := op{kind: k, user: "bob@mailsim.test", box: "INBOX", to: "Old", uids: []uint32{1, 1<<32 - 1},
			all: k == opExpunge, flags: []string{imap.FlagSeen, "$Label"}, on: k == opSubscribe,
			date: t0, data: []byte("Subject: x\r\n\r\nhi\r\n"), id: "ABC00001", from: "alice@mailsim.test", subject: "x"}
		got, err := decodeOp(o.encode())
		if err != nil {
			t.Fatalf("%d: %v", k, err)
		}
		wantDate, gotDate := o.date.Format(time.RFC3339Nano), got.date.Format(time.RFC3339Nano)
		got.date, o.date = time.Time{}, time.Time{}
		if fmt.Sprint(got) != fmt.Sprint(o) || gotDate != wantDate {
			t.Errorf("%d: got %+v, want %+v", k, got, o)
		}
	}
	for _, bad := range [][]byte{nil, {0}, {byte(opLast + 1)}, {byte(opDeliver), 5, 'a'}} {
		if _, err := decodeOp(bad); err == nil {
			t.Errorf("%q decoded", bad)
		}
	}
}

// FuzzDecodeOp: any bytes in the data file give a record or an error,
// never a panic, and a record decoded encodes to one that decodes the same.
func FuzzDecodeOp(f *testing.F) {
	o := op{kind: opAppend, user: "student@mailsim.test", box: "Drafts", flags: []string{imap.FlagDraft}, date: t0, data: []byte("hi\r\n")}
	f.Add(o.encode())
	f.Add([]byte{byte(opExpunge), 0, 0, 0, 0, 0, 0, 2, 1, 2, 0, 1, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		o, err := decodeOp(b)
		if err != nil {
			return
		}
		again, err := decodeOp(o.encode())
		if err != nil || !again.date.Equal(o.date) {
			t.Fatalf("%+v re-encoded reads %+v, %v", o, again, err)
		}
		again.date, o.date = time.Time{}, time.Time{}
		if fmt.Sprint(again) != fmt.Sprint(o) {
			t.Fatalf("%+v re-encoded reads %+v, %v", o, again, err)
		}
	})
}

// TestDataWriteFailure: when the data file cannot be written, mail gets
// 452 instead of a 250 that memory alone would back, and so does all mail
// after it.
func TestDataWriteFailure(t *testing.T) {
	l := startLab(t, func(c *Config) { c.Data = filepath.Join(t.TempDir(), "lab.db") })
	sendMail(t, l, "bob@mailsim.test", "kept")
	l.store.disk.db.Close() // as a disk that fails
	for range 2 {
		s := dial(t, l.SMTPAddr())
		s.expect("220 ")
		s.send("HELO pc", "MAIL FROM:<alice@mailsim.test>", "RCPT TO:<bob@mailsim.test>", "DATA")
		s.expect("250 ")
		s.expect("250 ")
		s.expect("250 ")
		s.expect("354 ")
		s.send("Subject: lost", "", "hi", ".")
		s.expect("452 4.3.1 ")
	}
	if got := box(l, "bob@mailsim.test"); len(got) != 1 || got[0].Subject != "kept" {
		t.Errorf("bob's mailbox: %d messages", len(got))
	}
}
