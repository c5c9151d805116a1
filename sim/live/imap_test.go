package live

import (
	"bytes"
	"encoding/base64"
	"net"
	"net/smtp"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"mailsim/sim"
	simimap "mailsim/sim/imap"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// sendMail delivers a short message with Go's own SMTP client, a client
// nobody here wrote, and returns its text as sent.
func sendMail(t *testing.T, l *Lab, to, subject string) []byte {
	t.Helper()
	msg := []byte("From: Alice <alice@mailsim.test>\r\nTo: " + to + "\r\nSubject: " + subject +
		"\r\n\r\nHello over SMTP.\r\n.leading dot survives\r\n")
	if err := smtp.SendMail(l.SMTPAddr().String(), nil, "alice@mailsim.test", []string{to}, msg); err != nil {
		t.Fatal(err)
	}
	return msg
}

// imapClient logs in to the lab's IMAP port with go-imap v2's client.
func imapClient(t *testing.T, l *Lab, user, pass string, opt *imapclient.Options) *imapclient.Client {
	t.Helper()
	c, err := imapclient.DialInsecure(l.IMAPAddr().String(), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if err := c.Login(user, pass).Wait(); err != nil {
		t.Fatalf("LOGIN: %v", err)
	}
	return c
}

// TestSMTPThenIMAPAndPOP3 sends a message with net/smtp and reads it back
// over IMAP (go-imap's client) and over POP3: the same octets both ways.
func TestSMTPThenIMAPAndPOP3(t *testing.T) {
	l := startLab(t, nil)
	sent := sendMail(t, l, "student@mailsim.test", "three protocols")

	c := imapClient(t, l, "student@mailsim.test", "student", nil)
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		t.Fatal(err)
	}
	whole := &imap.FetchItemBodySection{}
	msgs, err := c.Fetch(imap.SeqSetNum(1), &imap.FetchOptions{BodySection: []*imap.FetchItemBodySection{{Peek: true}}}).Collect()
	if err != nil || len(msgs) != 1 {
		t.Fatalf("FETCH: %v, %d messages", err, len(msgs))
	}
	viaIMAP := msgs[0].FindBodySection(whole)
	if !bytes.HasSuffix(viaIMAP, sent) || !bytes.HasPrefix(viaIMAP, []byte("Return-Path: <alice@mailsim.test>\r\n")) {
		t.Fatalf("IMAP BODY[] = %q", viaIMAP)
	}

	s := dial(t, l.POP3Addr())
	s.expect("+OK ")
	s.send("USER student", "PASS student", "RETR 1", "QUIT")
	s.expect("+OK ")
	s.expect("+OK ")
	s.expect("+OK ")
	viaPOP3 := []byte(strings.Join(s.multi(), "\r\n") + "\r\n")
	s.expect("+OK ")
	if !bytes.Equal(viaIMAP, viaPOP3) {
		t.Fatalf("IMAP and POP3 differ:\n%q\n%q", viaIMAP, viaPOP3)
	}
}

// TestGoIMAPClient drives the lab's IMAP port through go-imap v2's client:
// folders, APPEND with a literal, partial FETCH, SEARCH, STORE, MOVE and
// EXPUNGE, and checks that POP3 sees what IMAP left in INBOX.
func TestGoIMAPClient(t *testing.T) {
	l := startLab(t, nil)
	sendMail(t, l, "bob@mailsim.test", "first")
	sendMail(t, l, "bob@mailsim.test", "second")
	c := imapClient(t, l, "bob", "hungry", nil) // a bare user name is in the lab's domain
	must := func(err error, what string) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	for _, capName := range []imap.Cap{imap.CapIdle, imap.CapMove, imap.CapUIDPlus, imap.CapLiteralPlus} {
		if !c.Caps().Has(capName) {
			t.Errorf("no %s in %v", capName, c.Caps())
		}
	}
	must(c.Create("Archive", nil).Wait(), "CREATE")
	boxes, err := c.List("", "*", nil).Collect()
	must(err, "LIST")
	var names []string
	for _, b := range boxes {
		names = append(names, b.Mailbox)
	}
	if !slices.Equal(names, []string{"Archive", "INBOX"}) {
		t.Errorf("LIST: %v", names)
	}

	draft := "Subject: draft\r\n\r\nline one\r\nline two\r\n"
	app := c.Append("Archive", int64(len(draft)), nil)
	if _, err := app.Write([]byte(draft)); err != nil {
		t.Fatal(err)
	}
	must(app.Close(), "APPEND close")
	_, err = app.Wait()
	must(err, "APPEND")

	sel, err := c.Select("INBOX", nil).Wait()
	must(err, "SELECT")
	if sel.NumMessages != 2 {
		t.Fatalf("SELECT: %d messages", sel.NumMessages)
	}
	partial := &imap.FetchItemBodySection{Specifier: imap.PartSpecifierHeader, HeaderFields: []string{"Subject"}, Peek: true}
	head := &imap.FetchItemBodySection{Peek: true, Partial: &imap.SectionPartial{Offset: 0, Size: 12}}
	msgs, err := c.Fetch(imap.SeqSetNum(2), &imap.FetchOptions{UID: true, Flags: true, BodySection: []*imap.FetchItemBodySection{partial, head}}).Collect()
	must(err, "FETCH")
	if got := string(msgs[0].FindBodySection(partial)); got != "Subject: second\r\n\r\n" {
		t.Errorf("HEADER.FIELDS (Subject) = %q", got)
	}
	if got := string(msgs[0].FindBodySection(head)); got != "Return-Path:" {
		t.Errorf("BODY.PEEK[]<0.12> = %q", got)
	}
	found, err := c.UIDSearch(&imap.SearchCriteria{Header: []imap.SearchCriteriaHeaderField{{Key: "Subject", Value: "first"}}}, nil).Wait()
	must(err, "UID SEARCH")
	if uids := found.AllUIDs(); !slices.Equal(uids, []imap.UID{1}) {
		t.Errorf("UID SEARCH SUBJECT first: %v", uids)
	}
	if _, err := c.Store(imap.SeqSetNum(1), &imap.StoreFlags{Op: imap.StoreFlagsAdd, Flags: []imap.Flag{imap.FlagSeen}}, nil).Collect(); err != nil {
		t.Fatal(err)
	}
	moved, err := c.Move(imap.UIDSetNum(1), "Archive").Wait()
	must(err, "MOVE")
	if dst, _ := moved.DestUIDs.(imap.UIDSet).Nums(); !slices.Equal(dst, []imap.UID{2}) {
		t.Errorf("MOVE COPYUID: %v", moved.DestUIDs)
	}
	st, err := c.Status("Archive", &imap.StatusOptions{NumMessages: true, NumUnseen: true}).Wait()
	must(err, "STATUS")
	if *st.NumMessages != 2 || *st.NumUnseen != 1 {
		t.Errorf("STATUS Archive: %d messages, %d unseen", *st.NumMessages, *st.NumUnseen)
	}
	if got := box(l, "bob@mailsim.test"); len(got) != 1 || got[0].Subject != "second" {
		t.Fatalf("INBOX after MOVE: %+v", got)
	}

	// A POP3 DELE and QUIT removes the message IMAP sees; EXPUNGE from IMAP
	// is then reported to the selected session.
	s := dial(t, l.POP3Addr())
	s.expect("+OK ")
	s.send("USER bob", "PASS hungry", "DELE 1", "QUIT")
	for range 4 {
		s.expect("+OK")
	}
	s.eof()
	if err := c.Noop().Wait(); err != nil {
		t.Fatal(err)
	}
	if c.Mailbox().NumMessages != 0 {
		t.Errorf("after POP3 DELE the IMAP session sees %d messages", c.Mailbox().NumMessages)
	}
	must(c.Logout().Wait(), "LOGOUT")
}

// TestIMAPExpungeIsPOP3Delete: a message expunged over IMAP is gone for
// POP3 too, and the lab shows it as a deletion.
func TestIMAPExpungeIsPOP3Delete(t *testing.T) {
	l := startLab(t, nil)
	sendMail(t, l, "student@mailsim.test", "to be removed")
	events, cancel := l.Subscribe()
	defer cancel()
	s := dial(t, l.IMAPAddr())
	s.expect("* OK [CAPABILITY ")
	s.send("a LOGIN student student", "b SELECT INBOX", "c STORE 1 +FLAGS (\\Deleted)", "d EXPUNGE", "e LOGOUT")
	s.expect("a OK ")
	for ln := s.line(); !strings.HasPrefix(ln, "b OK"); ln = s.line() { // SELECT's untagged lines
	}
	s.expect("* 1 FETCH (FLAGS (")
	s.expect("c OK ")
	s.expect("* 1 EXPUNGE")
	s.expect("d OK ")
	seen := waitFor(t, events, func(e sim.Event) bool { return e.Kind == sim.KindDelete })
	if del := seen[len(seen)-1]; del.From != IMAPAgent || del.Box != "student@mailsim.test" || del.Proto != "imap" {
		t.Errorf("delete event %+v", del)
	}
	p := dial(t, l.POP3Addr())
	p.expect("+OK ")
	p.send("USER student", "PASS student", "STAT")
	p.expect("+OK ")
	p.expect("+OK ")
	p.expect("+OK 0 0")
}

// TestIMAPIdle: a client waiting in IDLE is told "* 1 EXISTS" when mail
// arrives over SMTP, with go-imap's client (RFC 2177).
func TestIMAPIdle(t *testing.T) {
	l := startLab(t, nil)
	exists := make(chan uint32, 4)
	c := imapClient(t, l, "alice@mailsim.test", "wonderland", &imapclient.Options{
		UnilateralDataHandler: &imapclient.UnilateralDataHandler{Mailbox: func(d *imapclient.UnilateralDataMailbox) {
			if d.NumMessages != nil {
				exists <- *d.NumMessages
			}
		}},
	})
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		t.Fatal(err)
	}
	idle, err := c.Idle()
	if err != nil {
		t.Fatal(err)
	}
	sendMail(t, l, "alice@mailsim.test", "while you wait")
	select {
	case n := <-exists:
		if n != 1 {
			t.Errorf("EXISTS %d, want 1", n)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no EXISTS during IDLE")
	}
	if err := idle.Close(); err != nil {
		t.Fatal(err)
	}
	if err := idle.Wait(); err != nil {
		t.Fatalf("IDLE: %v", err)
	}
}

// TestIMAPIdleRaw shows IDLE as a person types it: the news arrives unasked
// and DONE ends the wait; a half-typed DONE survives the wake-up.
func TestIMAPIdleRaw(t *testing.T) {
	l := startLab(t, nil)
	events, cancel := l.Subscribe()
	defer cancel()
	s := dial(t, l.IMAPAddr())
	s.expect("* OK ")
	s.send("a LOGIN alice wonderland", "b SELECT INBOX", "c IDLE")
	s.expect("a OK ")
	for ln := s.line(); !strings.HasPrefix(ln, "b OK"); ln = s.line() { // SELECT's untagged lines
	}
	s.expect("+ idling")
	if _, err := s.c.Write([]byte("DO")); err != nil {
		t.Fatal(err)
	}
	sendMail(t, l, "alice@mailsim.test", "news")
	s.expect("* 1 EXISTS")
	s.send("NE")
	s.expect("c OK IDLE terminated")
	seen := waitFor(t, events, func(e sim.Event) bool { return e.Key == simimap.KeyIdleNews })
	if news := seen[len(seen)-1]; news.Kind != sim.KindReply || news.From != IMAPAgent || news.Line != "* 1 EXISTS" {
		t.Errorf("the news as an event: %+v", news)
	}
}

// TestIMAPLiteralsOnTheWire sends literals as octets, with CRLFs inside and
// the command going on after them, synchronising and LITERAL+ alike, and
// logs in with AUTHENTICATE PLAIN both ways.
func TestIMAPLiteralsOnTheWire(t *testing.T) {
	l := startLab(t, nil)
	s := dial(t, l.IMAPAddr())
	s.expect("* OK ")
	s.send("a LOGIN {7}")
	s.expect("+ ")
	s.send("student {7+}", "student")
	s.expect("a OK ")
	msg := "Subject: lit\r\n\r\n.dot\r\nno end"
	s.send("b APPEND INBOX (\\Seen) {" + strconv.Itoa(len(msg)) + "}")
	s.expect("+ ")
	s.send(msg)
	s.expect("b OK [APPENDUID ")
	s.send("c APPEND INBOX {99999999999}")
	s.expect("c NO [TOOBIG]")
	s.send("d LOGOUT")
	s.expect("* BYE")
	s.expect("d OK ")
	s.eof()

	// AUTHENTICATE PLAIN with the response in the command (SASL-IR), then
	// with the response on a line of its own after the "+" challenge.
	plain := base64.StdEncoding.EncodeToString([]byte("\x00student\x00student"))
	s = dial(t, l.IMAPAddr())
	s.expect("* OK [CAPABILITY IMAP4rev1 LITERAL+ UIDPLUS ENABLE UTF8=ACCEPT MOVE IDLE SASL-IR AUTH=PLAIN]")
	s.send("a AUTHENTICATE PLAIN " + plain)
	s.expect("a OK [CAPABILITY ")
	s = dial(t, l.IMAPAddr())
	s.expect("* OK ")
	s.send("a AUTHENTICATE PLAIN")
	s.expect("+ ")
	s.send(plain)
	s.expect("a OK [CAPABILITY ")
	got := box(l, "student@mailsim.test")
	if len(got) != 1 || got[0].Raw != msg || !got[0].Seen {
		t.Fatalf("INBOX %+v", got)
	}
}

// TestCurlIMAP lists, fetches and searches with curl, when it is installed.
func TestCurlIMAP(t *testing.T) {
	curl, err := exec.LookPath("curl")
	if err != nil {
		t.Skip("curl not installed")
	}
	l := startLab(t, nil)
	sent := sendMail(t, l, "student@mailsim.test", "curl me")
	base := "imap://student%40mailsim.test:student@" + l.IMAPAddr().String() + "/"
	run := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(curl, append([]string{"-sS", "--max-time", "10"}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("curl %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	if out := run(base); !strings.Contains(out, `* LIST () "/" INBOX`) {
		t.Errorf("list: %q", out)
	}
	if out := run(base + "INBOX;UID=1"); !strings.HasSuffix(out, string(sent)) {
		t.Errorf("fetch: %q", out)
	}
	if out := run(base + "INBOX?SUBJECT%20curl"); !strings.Contains(out, "* SEARCH 1") {
		t.Errorf("search: %q", out)
	}
	if out := run(base+"INBOX", "-X", "FETCH 1 BODY.PEEK[HEADER.FIELDS (SUBJECT)]"); !strings.Contains(out, "* 1 FETCH (BODY[HEADER.FIELDS (SUBJECT)] {") {
		t.Errorf("custom FETCH: %q", out)
	}
}

// TestPythonImaplib reads the lab's mail with Python's imaplib, when
// python3 is installed.
func TestPythonImaplib(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	l := startLab(t, nil)
	sent := sendMail(t, l, "bob@mailsim.test", "from python")
	host, port, _ := net.SplitHostPort(l.IMAPAddr().String())
	script := `
import imaplib, sys
m = imaplib.IMAP4(sys.argv[1], int(sys.argv[2]))
m.login("bob@mailsim.test", "hungry")
typ, boxes = m.list()
assert typ == "OK" and any(b"INBOX" in b for b in boxes), boxes
typ, data = m.select("INBOX")
assert typ == "OK" and data == [b"1"], data
typ, data = m.search(None, "SUBJECT", '"from python"')
assert data == [b"1"], data
typ, data = m.uid("FETCH", "1", "(BODY.PEEK[])")
sys.stdout.buffer.write(data[0][1])
m.logout()
`
	out, err := exec.Command(py, "-c", script, host, port).Output()
	if err != nil {
		t.Fatalf("imaplib: %v\n%s", err, out)
	}
	if !bytes.HasSuffix(out, sent) {
		t.Fatalf("imaplib fetched %q", out)
	}
}

// TestIMAPEvents: an IMAP session on the real port becomes the lab's
// events, as SMTP and POP3 sessions do: connect, each command and reply
// with its explanation key and state, the disconnection.
func TestIMAPEvents(t *testing.T) {
	l := startLab(t, nil)
	events, cancel := l.Subscribe()
	defer cancel()
	s := dial(t, l.IMAPAddr())
	s.expect("* OK ")
	s.send("a1 LOGIN student student", "a2 LOGOUT")
	s.expect("a1 OK ")
	s.expect("* BYE ")
	s.expect("a2 OK ")
	s.eof()
	var got []string
	for _, e := range waitFor(t, events, isDisconnect) {
		got = append(got, string(e.Kind)+" "+e.Key+" "+e.State)
		if e.Proto != "imap" || e.Dir != sim.Pull {
			t.Errorf("event %+v is not an IMAP pull", e)
		}
	}
	want := []string{
		"connect lab.connect.imap NotAuthenticated", "reply imap.ok.greeting NotAuthenticated",
		"command imap.cmd.LOGIN Authenticated", "reply imap.ok.login Authenticated",
		"command imap.cmd.LOGOUT Logout", "reply imap.ok.logout Logout",
		"disconnect imap.disconnect Logout",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestIMAPRenameInbox: renaming INBOX moves its mail into the new folder
// and leaves INBOX empty for POP3, and mail delivered afterwards is new.
func TestIMAPRenameInbox(t *testing.T) {
	l := startLab(t, nil)
	sendMail(t, l, "student@mailsim.test", "old")
	c := imapClient(t, l, "student", "student", nil)
	if err := c.Rename("INBOX", "Old", nil).Wait(); err != nil {
		t.Fatal(err)
	}
	if got := box(l, "student@mailsim.test"); len(got) != 0 {
		t.Fatalf("INBOX after RENAME: %+v", got)
	}
	sendMail(t, l, "student@mailsim.test", "new")
	got := box(l, "student@mailsim.test")
	if len(got) != 1 || got[0].Subject != "new" || got[0].UID != got[0].QueueID {
		t.Fatalf("INBOX after a new delivery: %+v", got)
	}
	st, err := c.Status("Old", &imap.StatusOptions{NumMessages: true}).Wait()
	if err != nil || *st.NumMessages != 1 {
		t.Fatalf("STATUS Old: %v %+v", err, st)
	}
}
