package imap

import (
	"slices"
	"strings"
	"sync"
	"testing"
)

// feed sends one line and returns the answer's lines.
func feed(t *testing.T, srv *Server, line string) []string {
	t.Helper()
	out := srv.Feed([]byte(line))
	checkOutput(t, out)
	return out.Lines
}

func TestLiteralsAcrossLines(t *testing.T) {
	srv := session(t, fixtureStore(t))
	// Two literals in one command, the second ending inside its line.
	if got := feed(t, srv, "a1 LOGIN {4}"); !slices.Equal(got, []string{"+ Ready for literal data"}) {
		t.Fatalf("first literal: %q", got)
	}
	if srv.Pending() != 4 {
		t.Fatalf("Pending = %d, want 4", srv.Pending())
	}
	if got := feed(t, srv, "fred {6+}"); len(got) != 0 || srv.Pending() != 6 {
		t.Fatalf("LITERAL+ answered %q, Pending %d", got, srv.Pending())
	}
	if got := feed(t, srv, "foobar"); len(got) != 1 || !strings.HasPrefix(got[0], "a1 OK ") {
		t.Fatalf("LOGIN with literals: %q", got)
	}
	feed(t, srv, "a2 SELECT INBOX")
	// A literal that holds CRLFs, ends with one, and a zero-length one.
	feed(t, srv, "a3 APPEND INBOX (\\Draft) {17}")
	for _, l := range []string{"Subject: x", "", "y"} {
		if got := feed(t, srv, l); len(got) != 0 {
			t.Fatalf("literal line %q answered %q", l, got)
		}
	}
	if got := feed(t, srv, ""); len(got) != 2 || got[0] != "* 4 EXISTS" || !strings.HasPrefix(got[1], "a3 OK [APPENDUID 1 4]") {
		t.Fatalf("APPEND: %q", got)
	}
	feed(t, srv, "a4 SEARCH HEADER Subject {0}")
	// The empty string matches every message that has the field.
	if got := feed(t, srv, ""); !slices.Equal(got, []string{"* SEARCH 1 2 3 4", "a4 OK SEARCH completed"}) {
		t.Fatalf("zero-length literal: %q", got)
	}
	lines := feed(t, srv, "a5 FETCH 4 BODY.PEEK[]")
	if want := "* 4 FETCH (BODY[] {17}\r\nSubject: x\r\n\r\ny\r\n)\r\na5 OK FETCH completed\r\n"; wireOf(lines) != want {
		t.Errorf("FETCH of the appended message:\n%q\nwant\n%q", wireOf(lines), want)
	}
}

func TestLineLimits(t *testing.T) {
	srv := session(t, fixtureStore(t))
	long := "a1 LOGIN fred " + strings.Repeat("x", MaxCommandLine)
	if got := feed(t, srv, long); len(got) != 1 || !strings.HasPrefix(got[0], "a1 BAD Line too long") {
		t.Errorf("long line: %q", got)
	}
	if got := feed(t, srv, "a2 LOGIN fred\x00 foobar"); len(got) != 1 || !strings.HasPrefix(got[0], "a2 BAD Line contains") {
		t.Errorf("NUL: %q", got)
	}
	if srv.State() != NotAuthenticated || srv.Pending() != 0 {
		t.Errorf("state %v, pending %d", srv.State(), srv.Pending())
	}
	// A literal whose last octet would be the CR of a CRLF.
	feed(t, srv, "a3 LOGIN fred {4}")
	if got := feed(t, srv, "abc"); len(got) != 1 || got[0] != "a3 BAD Literal ends between CR and LF" {
		t.Errorf("split CRLF: %q", got)
	}
}

// TestSessionsShareTheStore shows what IMAP promises over POP3: two
// sessions see one another's changes, reported only at safe moments.
func TestSessionsShareTheStore(t *testing.T) {
	store := fixtureStore(t)
	a := session(t, store, "a1 LOGIN fred foobar", "a2 SELECT INBOX")
	b := session(t, store, "b1 LOGIN fred foobar", "b2 SELECT INBOX", "b3 STORE 1 +FLAGS.SILENT (\\Deleted)", "b4 EXPUNGE")
	b.Feed([]byte("b5 APPEND INBOX {2+}"))
	b.Feed([]byte("hi"))
	// FETCH must not renumber: the expunged message is skipped silently.
	if got := feed(t, a, "a3 FETCH 1:3 UID"); !slices.Equal(got, []string{
		"* 2 FETCH (UID 2)", "* 3 FETCH (UID 3)", "* 4 EXISTS", "a3 OK FETCH completed"}) {
		t.Errorf("FETCH after another session's changes: %q", got)
	}
	if got := feed(t, a, "a4 NOOP"); !slices.Equal(got, []string{"* 1 EXPUNGE", "a4 OK NOOP completed"}) {
		t.Errorf("NOOP: %q", got)
	}
	if got := feed(t, a, "a5 FETCH 3 UID"); !slices.Equal(got, []string{"* 3 FETCH (UID 4)", "a5 OK FETCH completed"}) {
		t.Errorf("after renumbering: %q", got)
	}
	// \Recent went to the session that selected first.
	if got := feed(t, a, "a6 SEARCH RECENT"); got[0] != "* SEARCH 1 2" {
		t.Errorf("a's recent: %q", got)
	}
	if got := feed(t, b, "b6 SEARCH RECENT"); got[0] != "* SEARCH" {
		t.Errorf("b's recent: %q", got)
	}
}

func TestConcurrentSessions(t *testing.T) {
	store := fixtureStore(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			srv := NewServer(Config{Store: store})
			srv.Greet()
			for _, l := range []string{"a1 LOGIN fred foobar", "a2 CREATE F" + itoa(i), "a3 SELECT INBOX",
				"a4 FETCH 1:* (FLAGS BODY[])", "a5 COPY 1 F" + itoa(i), "a6 STORE 2 FLAGS (\\Flagged)", "a7 LOGOUT"} {
				if out := srv.Feed([]byte(l)); !strings.Contains(out.Lines[len(out.Lines)-1], " OK ") {
					t.Errorf("%q: %q", l, out.Lines)
				}
			}
		})
	}
	wg.Wait()
	if n := len(store.Mailboxes(testUser)); n != 9 {
		t.Errorf("%d folders, want 9", n)
	}
}

func TestMatchPattern(t *testing.T) {
	for _, tc := range []struct {
		name, pattern string
		want          bool
	}{
		{"INBOX", "*", true}, {"Work/2024", "*", true}, {"Work/2024", "%", false},
		{"Work", "%", true}, {"Work/2024", "Work/%", true}, {"Work/2024/Q1", "Work/%", false},
		{"Work/2024/Q1", "Work/*", true}, {"Work", "W%k", true}, {"Work", "Wo", false},
		{"Work", "", false}, {"", "", true}, {"a/b", "%/%", true}, {"a/b/c", "%/%", false},
		{strings.Repeat("a", 200), strings.Repeat("*%", 300) + "b", false},
	} {
		if got := matchPattern(tc.name, tc.pattern); got != tc.want {
			t.Errorf("matchPattern(%q, %q) = %v", tc.name, tc.pattern, got)
		}
	}
}

func TestSequenceSets(t *testing.T) {
	for _, tc := range []struct {
		set  string
		star uint32
		in   []uint32
	}{
		{"1:3,5", 9, []uint32{1, 2, 3, 5}},
		{"*", 9, []uint32{9}},
		{"7:*", 9, []uint32{7, 8, 9}},
		{"*:7", 9, []uint32{7, 8, 9}},
		{"12:*", 9, []uint32{9}},
		{"4:2,9", 9, []uint32{2, 3, 4, 9}},
	} {
		p := &parser{s: tc.set}
		set, ok := p.seqSet()
		if !ok || !p.end() {
			t.Fatalf("%q does not parse", tc.set)
		}
		var in []uint32
		for n := uint32(1); n <= tc.star; n++ {
			if set.contains(n, tc.star) {
				in = append(in, n)
			}
		}
		if !slices.Equal(in, tc.in) {
			t.Errorf("%q with * = %d holds %v, want %v", tc.set, tc.star, in, tc.in)
		}
	}
	for _, bad := range []string{"0", "1:", ":2", "1,,2", "a", "1:0"} {
		p := &parser{s: bad}
		if _, ok := p.seqSet(); ok && p.end() {
			t.Errorf("%q parsed as a sequence set", bad)
		}
	}
}

// TestNestedParts checks part numbering through a forwarded message: the
// numbers after a message/rfc822 part count inside the message it holds.
func TestNestedParts(t *testing.T) {
	msg := "Subject: fwd\r\nContent-Type: multipart/mixed; boundary=out\r\n\r\n" +
		"--out\r\nContent-Type: text/plain\r\n\r\nsee below\r\n" +
		"--out\r\nContent-Type: message/rfc822\r\n\r\n" +
		"Subject: inner\r\nContent-Type: multipart/alternative; boundary=in\r\n\r\n" +
		"--in\r\n\r\nplain\r\n--in\r\nContent-Type: text/html\r\n\r\n<p>html</p>\r\n--in--\r\n" +
		"\r\n--out--\r\n"
	e := parseEntity([]byte(msg), "text/plain", 0)
	m := &Message{Data: []byte(msg)}
	for _, tc := range []struct{ section, want string }{
		{"1", "see below"},
		{"2.HEADER", "Subject: inner\r\nContent-Type: multipart/alternative; boundary=in\r\n\r\n"},
		{"2.1", "plain"},
		{"2.2", "<p>html</p>"},
		{"2.2.MIME", "Content-Type: text/html\r\n\r\n"},
		{"2.HEADER.FIELDS (subject)", "Subject: inner\r\n\r\n"},
	} {
		p := &parser{s: "[" + tc.section + "]"}
		sec, ok := p.section()
		if !ok {
			t.Fatalf("section %q does not parse", tc.section)
		}
		got, ok := sec.content(m, func() *entity { return e })
		if !ok || string(got) != tc.want {
			t.Errorf("BODY[%s] = %q, %v; want %q", tc.section, got, ok, tc.want)
		}
	}
	want := `(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 9 1)("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 137 ` +
		`(NIL "inner" NIL NIL NIL NIL NIL NIL NIL NIL) ` +
		`(("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 5 1)("TEXT" "HTML" NIL NIL NIL "7BIT" 11 1) "ALTERNATIVE") 11) "MIXED")`
	if got := e.structure(false); got != want {
		t.Errorf("BODY =\n%s\nwant\n%s", got, want)
	}
}

func TestTimeoutAndShutdown(t *testing.T) {
	for _, tc := range []struct {
		end  func(*Server) Output
		line string
		key  string
	}{
		{(*Server).Timeout, "* BYE Autologout; idle for too long", KeyByeTimeout},
		{(*Server).Shutdown, "* BYE Server shutting down", KeyByeShutdown},
	} {
		srv := session(t, fixtureStore(t), "a1 LOGIN fred foobar", "a2 SELECT INBOX", "a3 STORE 1 +FLAGS (\\Deleted)")
		out := tc.end(srv)
		checkOutput(t, out)
		if !slices.Equal(out.Lines, []string{tc.line}) || out.Key != tc.key || !out.Close || srv.State() != Logout {
			t.Errorf("%+v in %v", out, srv.State())
		}
	}
}
