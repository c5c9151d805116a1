package imap

import (
	mailstore "mailsim/sim/store"

	"bufio"
	"bytes"
	"io"
	"net"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// serveOne accepts one connection on a loopback port and runs a server
// machine on it until the session ends. It is the smallest adapter that
// can carry IMAP: lines go to Feed; when the machine waits for literal
// octets, exactly that many are read raw and fed split at CRLF, and what
// follows the last CRLF starts the next line fed.
func serveOne(t *testing.T, cfg Config) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	t.Cleanup(func() {
		ln.Close()
		<-done
	})
	go func() {
		defer close(done)
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		_ = conn.SetDeadline(time.Now().Add(30 * time.Second))
		pump(t, conn, NewServer(cfg))
	}()
	return ln.Addr().String()
}

// pump moves lines between conn and srv until the session ends.
func pump(t *testing.T, conn net.Conn, srv *Server) {
	defer srv.Drop()
	r := bufio.NewReader(conn)
	send := func(out Output) bool {
		if err := outputProblem(out); err != nil {
			t.Errorf("server output: %v", err)
		}
		if len(out.Lines) > 0 {
			if _, err := io.WriteString(conn, wireOf(out.Lines)); err != nil {
				return false
			}
		}
		return !out.Close
	}
	if !send(srv.Greet()) {
		return
	}
	carry := ""
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = carry + strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		carry = ""
		if !send(srv.Feed([]byte(line))) {
			return
		}
		if n := srv.Pending(); n > 0 {
			buf := make([]byte, n)
			if _, err := io.ReadFull(r, buf); err != nil {
				return
			}
			pieces := strings.Split(string(buf), "\r\n")
			for _, p := range pieces[:len(pieces)-1] {
				if !send(srv.Feed([]byte(p))) {
					return
				}
			}
			carry = pieces[len(pieces)-1]
		}
	}
}

// TestGoIMAPClient drives the server with go-imap v2's client, which we
// did not write, over a real socket: every command must succeed and every
// answer must parse into the right data.
func TestGoIMAPClient(t *testing.T) {
	store := fixtureStore(t)
	addr := serveOne(t, Config{Store: store, Hostname: "imap.example.com",
		Now: func() time.Time { return testDate }})
	c, err := imapclient.DialInsecure(addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	must := func(err error, what string) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}

	if err := c.Login(testUser, "wrong").Wait(); err == nil {
		t.Fatal("login with a wrong password succeeded")
	}
	must(c.Login(testUser, testPass).Wait(), "LOGIN")
	if !c.Caps().Has(imap.CapUIDPlus) || !c.Caps().Has(imap.CapLiteralPlus) {
		t.Errorf("capabilities after login: %v", c.Caps())
	}

	must(c.Create("Work/2024", nil).Wait(), "CREATE")
	boxes, err := c.List("", "*", nil).Collect()
	must(err, "LIST")
	var names []string
	for _, b := range boxes {
		names = append(names, b.Mailbox)
		if b.Delim != '/' {
			t.Errorf("delimiter of %s: %q", b.Mailbox, b.Delim)
		}
	}
	if want := []string{"INBOX", "Work", "Work/2024"}; !slices.Equal(names, want) {
		t.Errorf("LIST: %v, want %v", names, want)
	}
	top, err := c.List("", "%", nil).Collect()
	must(err, "LIST %")
	if len(top) != 2 {
		t.Errorf("LIST %%: %d folders, want INBOX and Work", len(top))
	}

	draft := "From: fred@example.com\r\nTo: joe@example.com\r\nSubject: saved copy\r\n\r\nAppended through a literal.\r\n"
	app := c.Append("Work", int64(len(draft)), &imap.AppendOptions{Flags: []imap.Flag{imap.FlagSeen}, Time: testDate})
	if _, err := app.Write([]byte(draft)); err != nil {
		t.Fatal(err)
	}
	must(app.Close(), "APPEND close")
	appended, err := app.Wait()
	must(err, "APPEND")
	if appended.UID != 1 || appended.UIDValidity == 0 {
		t.Errorf("APPENDUID: %+v", appended)
	}

	sel, err := c.Select("INBOX", nil).Wait()
	must(err, "SELECT")
	if sel.NumMessages != 3 || sel.UIDNext != 4 || sel.UIDValidity != 1 || !slices.Contains(sel.PermanentFlags, imap.FlagDeleted) {
		t.Errorf("SELECT: %+v", sel)
	}

	homework, err := os.ReadFile("testdata/homework.eml")
	must(err, "fixture")
	homework = mailstore.CRLF(homework)
	msgs, err := c.Fetch(imap.SeqSetNum(1, 2, 3), &imap.FetchOptions{
		UID: true, Flags: true, RFC822Size: true, InternalDate: true, Envelope: true,
		BodyStructure: &imap.FetchItemBodyStructure{Extended: true},
		BodySection:   []*imap.FetchItemBodySection{{Peek: true}},
	}).Collect()
	must(err, "FETCH")
	if len(msgs) != 3 {
		t.Fatalf("FETCH returned %d messages", len(msgs))
	}
	m := msgs[2]
	if m.UID != 3 || m.RFC822Size != int64(len(homework)) || !m.InternalDate.Equal(testDate) {
		t.Errorf("UID %d size %d date %v", m.UID, m.RFC822Size, m.InternalDate)
	}
	if got := m.FindBodySection(&imap.FetchItemBodySection{}); !bytes.Equal(got, homework) {
		t.Errorf("BODY[] differs from the message:\n%q", got)
	}
	env := m.Envelope
	if env.Subject != "Temă de casă" || len(env.From) != 1 || env.From[0].Name != "Profesor Ionescu" ||
		env.From[0].Addr() != "prof@elcom.pub.ro" || env.MessageID != "tema-1@elcom.pub.ro" || env.To[0].Addr() != "student@elcom.pub.ro" {
		t.Errorf("ENVELOPE: %+v", env)
	}
	if msgs[0].Envelope.Cc[1].Name != "John Klensin" || msgs[0].Envelope.Cc[1].Host != "MIT.EDU" {
		t.Errorf("ENVELOPE Cc: %+v", msgs[0].Envelope.Cc)
	}
	mp, ok := m.BodyStructure.(*imap.BodyStructureMultiPart)
	if !ok || mp.MediaType() != "multipart/mixed" || len(mp.Children) != 2 || mp.Extended.Params["boundary"] != "frontier" {
		t.Fatalf("BODYSTRUCTURE: %#v", m.BodyStructure)
	}
	text := mp.Children[0].(*imap.BodyStructureSinglePart)
	pdf := mp.Children[1].(*imap.BodyStructureSinglePart)
	if text.MediaType() != "text/plain" || text.Params["charset"] != "utf-8" || !strings.EqualFold(text.Encoding, "quoted-printable") || text.Text == nil || text.Text.NumLines != 4 {
		t.Errorf("text part: %+v %+v", text, text.Text)
	}
	if pdf.MediaType() != "application/pdf" || pdf.Filename() != "tema.pdf" || !strings.EqualFold(pdf.Extended.Disposition.Value, "attachment") {
		t.Errorf("attachment part: %+v", pdf)
	}
	if single, ok := msgs[1].BodyStructure.(*imap.BodyStructureSinglePart); !ok || single.MediaType() != "text/plain" || single.Size != 55 {
		t.Errorf("single-part BODYSTRUCTURE: %#v", msgs[1].BodyStructure)
	}
	if slices.Contains(m.Flags, imap.FlagSeen) {
		t.Error("BODY.PEEK[] set \\Seen")
	}

	// Partial transfer: the text part only, the first 40 octets of the
	// body, and two header fields, without the attachment.
	partial := &imap.FetchItemBodySection{Specifier: imap.PartSpecifierText, Peek: true, Partial: &imap.SectionPartial{Offset: 0, Size: 40}}
	part1 := &imap.FetchItemBodySection{Part: []int{1}}
	fields := &imap.FetchItemBodySection{Specifier: imap.PartSpecifierHeader, HeaderFields: []string{"Subject", "From"}, Peek: true}
	got, err := c.Fetch(imap.SeqSetNum(3), &imap.FetchOptions{Flags: true, BodySection: []*imap.FetchItemBodySection{partial, part1, fields}}).Collect()
	must(err, "partial FETCH")
	_, body, _ := bytes.Cut(homework, []byte("\r\n\r\n"))
	if sec := got[0].FindBodySection(partial); !bytes.Equal(sec, body[:40]) {
		t.Errorf("BODY[TEXT]<0.40> = %q, want %q", sec, body[:40])
	}
	if sec := got[0].FindBodySection(part1); !bytes.HasPrefix(sec, []byte("Bun=C4=83 ziua,\r\n")) || bytes.Contains(sec, []byte("JVBER")) || bytes.HasSuffix(sec, []byte("\r\n")) {
		t.Errorf("BODY[1] = %q", sec)
	}
	if sec := string(got[0].FindBodySection(fields)); sec != "From: =?utf-8?q?Profesor_Ionescu?= <prof@elcom.pub.ro>\r\nSubject: =?utf-8?q?Tem=C4=83_de_cas=C4=83?=\r\n\r\n" {
		t.Errorf("HEADER.FIELDS = %q", sec)
	}
	if !slices.Contains(got[0].Flags, imap.FlagSeen) {
		t.Errorf("BODY[1] did not set \\Seen: %v", got[0].Flags)
	}

	stored, err := c.Store(imap.SeqSetNum(2), &imap.StoreFlags{Op: imap.StoreFlagsAdd, Flags: []imap.Flag{imap.FlagDeleted, imap.FlagFlagged}}, nil).Collect()
	must(err, "STORE")
	if len(stored) != 1 || !slices.Contains(stored[0].Flags, imap.FlagDeleted) || !slices.Contains(stored[0].Flags, imap.FlagFlagged) {
		t.Errorf("STORE answered %+v", stored)
	}
	found, err := c.UIDSearch(&imap.SearchCriteria{Flag: []imap.Flag{imap.FlagDeleted}}, nil).Wait()
	must(err, "UID SEARCH")
	if uids := found.AllUIDs(); !slices.Equal(uids, []imap.UID{2}) {
		t.Errorf("UID SEARCH DELETED: %v", uids)
	}
	found, err = c.Search(&imap.SearchCriteria{Header: []imap.SearchCriteriaHeaderField{{Key: "Subject", Value: "casă"}}}, nil).Wait()
	must(err, "SEARCH CHARSET UTF-8")
	if nums := found.AllSeqNums(); !slices.Equal(nums, []uint32{3}) {
		t.Errorf("SEARCH SUBJECT casă: %v", nums)
	}

	copied, err := c.Copy(imap.SeqSetNum(1, 3), "Work").Wait()
	must(err, "COPY")
	if dst, _ := copied.DestUIDs.Nums(); !slices.Equal(dst, []imap.UID{2, 3}) {
		t.Errorf("COPYUID destination: %v", copied.DestUIDs)
	}
	if _, err := c.Copy(imap.SeqSetNum(1), "Nowhere").Wait(); err == nil || err.(*imap.Error).Code != imap.ResponseCodeTryCreate {
		t.Errorf("COPY to a missing folder: %v", err)
	}
	expunged, err := c.Expunge().Collect()
	must(err, "EXPUNGE")
	if !slices.Equal(expunged, []uint32{2}) {
		t.Errorf("EXPUNGE: %v", expunged)
	}
	st, err := c.Status("Work", &imap.StatusOptions{NumMessages: true, NumUnseen: true, UIDNext: true}).Wait()
	must(err, "STATUS")
	if *st.NumMessages != 3 || *st.NumUnseen != 1 || st.UIDNext != 4 {
		t.Errorf("STATUS Work: messages %d unseen %d uidnext %d", *st.NumMessages, *st.NumUnseen, st.UIDNext)
	}
	must(c.Rename("Work", "Archive", nil).Wait(), "RENAME")
	must(c.Delete("Archive/2024").Wait(), "DELETE")
	must(c.Logout().Wait(), "LOGOUT")

	if msgs, _ := store.Messages(testUser, Inbox); len(msgs) != 2 {
		t.Errorf("INBOX holds %d messages after EXPUNGE, want 2", len(msgs))
	}
	if got := store.Mailboxes(testUser); !slices.Equal(got, []string{"Archive", "INBOX"}) {
		t.Errorf("folders after RENAME and DELETE: %v", got)
	}
}
