package pop3

import (
	"errors"
	"strings"
	"testing"
)

// session is a server on a store holding the lecture's maildrop.
type session struct {
	t     *testing.T
	store StoreDrop
	srv   *Server
}

const (
	lectureUser = "cfugDemo@evoch.com"
	lecturePass = "cfugDemo123"
)

func newStore(t *testing.T, msgs int) StoreDrop {
	t.Helper()
	store := NewStoreDrop()
	store.AddUser(lectureUser, lecturePass)
	for i := range msgs {
		if err := store.Deliver(lectureUser, Message{UID: "uid" + string(rune('a'+i)), Data: filler(100 + i)}); err != nil {
			t.Fatal(err)
		}
	}
	return store
}

func newSession(t *testing.T, store StoreDrop, cfg Config) *session {
	t.Helper()
	cfg.Maildrop = store
	s := &session{t: t, store: store, srv: NewServer(cfg)}
	checkOutput(t, s.srv.Greet())
	return s
}

// do feeds one line and returns the first response line.
func (s *session) do(line string) string {
	s.t.Helper()
	out := s.srv.Feed([]byte(line))
	checkOutput(s.t, out)
	return out.Lines[0]
}

// want feeds one line and fails unless the first response line is want.
func (s *session) want(line, want string) {
	s.t.Helper()
	if got := s.do(line); got != want {
		s.t.Errorf("%s: got %q, want %q", line, got, want)
	}
}

func (s *session) login() {
	s.t.Helper()
	s.want("USER "+lectureUser, "+OK "+lectureUser)
	if got := s.do("PASS " + lecturePass); !strings.HasPrefix(got, "+OK ") {
		s.t.Fatalf("login: %q", got)
	}
}

func stored(store StoreDrop) int { return len(store.Messages(lectureUser)) }

func TestDeletionOnlyAfterQuitFromTransaction(t *testing.T) {
	store := newStore(t, 3)
	s := newSession(t, store, Config{})
	s.login()
	s.want("DELE 1", "+OK Message deleted")
	s.want("DELE 3", "+OK Message deleted")
	if n := stored(store); n != 3 {
		t.Fatalf("DELE removed mail before QUIT: %d left", n)
	}
	out := s.srv.Feed([]byte("QUIT"))
	if !out.OK || !out.Close || out.Key != KeyQuitUpdate || s.srv.State() != Update {
		t.Fatalf("QUIT: %+v in %v", out, s.srv.State())
	}
	msgs := store.Messages(lectureUser)
	if len(msgs) != 1 || msgs[0].UID != "uidb" {
		t.Fatalf("after UPDATE the maildrop holds %v, want only uidb", msgs)
	}
	s.srv.Drop()
	if s.srv.State() != Closed {
		t.Errorf("state after Drop: %v", s.srv.State())
	}
	// The lock was released in UPDATE: a new session logs in.
	newSession(t, store, Config{}).login()
}

// TestQuitWithoutMarksKeepsEverything: UPDATE with nothing marked is
// explained as such, not as a removal; DELE then RSET counts as no marks.
func TestQuitWithoutMarksKeepsEverything(t *testing.T) {
	store := newStore(t, 2)
	s := newSession(t, store, Config{})
	s.login()
	s.want("DELE 1", "+OK Message deleted")
	s.srv.Feed([]byte("RSET"))
	out := s.srv.Feed([]byte("QUIT"))
	if !out.OK || !out.Close || out.Key != KeyQuitKept || s.srv.State() != Update {
		t.Fatalf("QUIT: %+v in %v", out, s.srv.State())
	}
	if n := stored(store); n != 2 {
		t.Errorf("UPDATE without marks left %d messages, want 2", n)
	}
}

func TestQuitInAuthorizationDeletesNothing(t *testing.T) {
	store := newStore(t, 2)
	s := newSession(t, store, Config{})
	s.want("USER "+lectureUser, "+OK "+lectureUser)
	out := s.srv.Feed([]byte("QUIT"))
	if out.Key != KeyQuit || !out.Close || s.srv.State() != Closed {
		t.Fatalf("QUIT: %+v in %v", out, s.srv.State())
	}
	if n := stored(store); n != 2 {
		t.Errorf("QUIT in AUTHORIZATION changed the maildrop: %d left", n)
	}
}

func TestDropDeletesNothingAndUnlocks(t *testing.T) {
	store := newStore(t, 2)
	s := newSession(t, store, Config{})
	s.login()
	s.want("DELE 1", "+OK Message deleted")
	s.want("DELE 2", "+OK Message deleted")
	s.srv.Drop()
	if s.srv.State() != Closed {
		t.Errorf("state after Drop: %v", s.srv.State())
	}
	if n := stored(store); n != 2 {
		t.Errorf("Drop deleted mail: %d left", n)
	}
	s.want("NOOP", "-ERR Session has ended")
	next := newSession(t, store, Config{})
	next.login()
	next.want("STAT", "+OK 2 201")
}

func TestInUse(t *testing.T) {
	store := newStore(t, 1)
	first := newSession(t, store, Config{})
	first.login()
	second := newSession(t, store, Config{})
	second.want("USER "+lectureUser, "+OK "+lectureUser)
	second.want("PASS "+lecturePass, "-ERR [IN-USE] Maildrop already locked by another session")
	if second.srv.State() != Authorization {
		t.Errorf("IN-USE left the state %v", second.srv.State())
	}
	// Wrong credentials on a locked maildrop say nothing about the lock.
	second.want("USER "+lectureUser, "+OK "+lectureUser)
	second.want("PASS wrong", "-ERR Unknown user or incorrect password")
	first.want("QUIT", "+OK POP3 server closing connection")
	first.srv.Drop()
	second.want("USER "+lectureUser, "+OK "+lectureUser)
	second.want("PASS "+lecturePass, "+OK 1 messages 100 octets")
}

func TestDeletedMessageAndRset(t *testing.T) {
	s := newSession(t, newStore(t, 2), Config{})
	s.login()
	s.want("DELE 1", "+OK Message deleted")
	for _, cmd := range []string{"DELE 1", "RETR 1", "TOP 1 0", "LIST 1", "UIDL 1"} {
		s.want(cmd, "-ERR message 1 already deleted")
	}
	s.want("STAT", "+OK 1 101")
	s.want("RSET", "+OK")
	s.want("STAT", "+OK 2 201")
	s.want("LIST 1", "+OK 1 100")
	s.want("DELE 1", "+OK Message deleted")
}

func TestLineLimits(t *testing.T) {
	s := newSession(t, newStore(t, 0), Config{})
	// 253 octets plus CRLF is 255: accepted.
	s.want("USER "+strings.Repeat("u", 248), "+OK "+strings.Repeat("u", 248))
	s.want("USER "+strings.Repeat("u", 249), "-ERR Line too long: at most 255 octets including CRLF")
	s.want("USER a\rb", "-ERR Line contains CR, LF or NUL")
	s.want("USER a\x00b", "-ERR Line contains CR, LF or NUL")
}

func TestPasswordWithSpaces(t *testing.T) {
	store := NewStoreDrop()
	store.AddUser("ana", "correct horse battery")
	s := newSession(t, store, Config{})
	s.want("USER ana", "+OK ana")
	s.want("PASS correct horse battery", "+OK 0 messages 0 octets")
}

func TestAPOPVector(t *testing.T) {
	// RFC 1939 §7.
	if got := APOPDigest("<1896.697170952@dbc.mtview.ca.us>", "tanstaaf"); got != "c4c9334bac560ecc979e58001b3e22fb" {
		t.Errorf("APOPDigest = %s", got)
	}
	store := NewStoreDrop()
	store.AddUser("mrose", "tanstaaf")
	s := newSession(t, store, Config{Timestamp: "<1896.697170952@dbc.mtview.ca.us>"})
	// Upper-case hex is the same digest.
	s.want("APOP mrose C4C9334BAC560ECC979E58001B3E22FB", "+OK 0 messages 0 octets")
}

func TestSASLResponseKeepsNoCommand(t *testing.T) {
	store := NewStoreDrop()
	store.AddUser("tim", "tanstaaftanstaaf")
	s := newSession(t, store, Config{Challenge: "<1896.697170952@postoffice.reston.mci.net>"})
	if out := s.srv.Feed([]byte("AUTH CRAM-MD5")); out.Command != "AUTH" || out.Key != KeyChallenge || out.Lines[0][:2] != "+ " {
		t.Fatalf("AUTH: %+v", out)
	}
	out := s.srv.Feed([]byte("dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw"))
	if out.Command != "" || out.Key != KeyLogin || s.srv.State() != Transaction {
		t.Fatalf("response: %+v in %v", out, s.srv.State())
	}
}

func TestPLAINAuthzid(t *testing.T) {
	s := newSession(t, newStore(t, 0), Config{})
	// base64("admin\x00cfugDemo@evoch.com\x00cfugDemo123"): acting as another user.
	s.want("AUTH PLAIN YWRtaW4AY2Z1Z0RlbW9AZXZvY2guY29tAGNmdWdEZW1vMTIz", "-ERR Unknown user or incorrect password")
	// The same user as authzid is allowed.
	s.want("AUTH PLAIN Y2Z1Z0RlbW9AZXZvY2guY29tAGNmdWdEZW1vQGV2b2NoLmNvbQBjZnVnRGVtbzEyMw==", "+OK PLAIN authentication successful")
}

func TestFeedBeforeGreeting(t *testing.T) {
	srv := NewServer(Config{})
	out := srv.Feed([]byte("USER x"))
	if out.Key != KeyNoGreeting || srv.State() != Connected {
		t.Fatalf("%+v in %v", out, srv.State())
	}
	if out := srv.Greet(); out.Lines[0] != "+OK POP3 server ready" {
		t.Fatalf("greeting %q", out.Lines)
	}
	if out := srv.Greet(); len(out.Lines) != 0 {
		t.Errorf("second greeting %q", out.Lines)
	}
}

func TestGreetingText(t *testing.T) {
	for _, tc := range []struct {
		cfg  Config
		want string
	}{
		{Config{}, "+OK POP3 server ready"},
		{Config{Hostname: "pop.example.com"}, "+OK pop.example.com POP3 server ready"},
		{Config{Hostname: "pop.example.com", Greeting: "InterMail POP3 server ready."}, "+OK InterMail POP3 server ready."},
		{Config{Timestamp: "<1.2@x>"}, "+OK POP3 server ready <1.2@x>"},
	} {
		if got := NewServer(tc.cfg).Greet().Lines[0]; got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.cfg, got, tc.want)
		}
	}
}

func TestSizesCountCRLF(t *testing.T) {
	for _, tc := range []struct {
		data        string
		size, lines int
	}{
		{"", 0, 0},
		{"a\n", 3, 1},
		{"a\r\n", 3, 1},
		{"a", 3, 1},
		{"a\n\nb\n", 8, 3},
		{".x\n", 4, 1},
	} {
		m := newMessage(Message{Data: []byte(tc.data)})
		if m.size != tc.size || len(m.lines) != tc.lines {
			t.Errorf("%q: size %d lines %d, want %d and %d", tc.data, m.size, len(m.lines), tc.size, tc.lines)
		}
	}
}

func TestTop(t *testing.T) {
	m := newMessage(Message{Data: []byte("H: 1\r\n\r\nb1\r\nb2\r\n")})
	for n, want := range map[int]string{0: "H: 1|", 1: "H: 1||b1", 5: "H: 1||b1|b2"} {
		if got := strings.Join(m.top(n), "|"); got != want {
			t.Errorf("top(%d) = %q, want %q", n, got, want)
		}
	}
	headerOnly := newMessage(Message{Data: []byte("H: 1\r\nH: 2\r\n")})
	if got := strings.Join(headerOnly.top(3), "|"); got != "H: 1|H: 2" {
		t.Errorf("top of a header-only message = %q", got)
	}
}

func TestStoreDropRefusesBadUIDs(t *testing.T) {
	store := newStore(t, 1)
	for _, uid := range []string{"", "has space", strings.Repeat("x", 71), "uida"} {
		if err := store.Deliver(lectureUser, Message{UID: uid}); err == nil {
			t.Errorf("Deliver accepted uid %q", uid)
		}
	}
	if err := store.Deliver("nobody", Message{UID: "x"}); err == nil {
		t.Error("Deliver accepted an unknown user")
	}
}

// failingStore makes UPDATE fail, to see the SYS/TEMP answer.
type failingStore struct{ StoreDrop }

func (failingStore) Delete(string, []string) error { return errors.New("disk full") }

func TestUpdateFailure(t *testing.T) {
	store := newStore(t, 1)
	srv := NewServer(Config{Maildrop: failingStore{store}})
	srv.Greet()
	srv.Feed([]byte("USER " + lectureUser))
	srv.Feed([]byte("PASS " + lecturePass))
	srv.Feed([]byte("DELE 1"))
	out := srv.Feed([]byte("QUIT"))
	checkOutput(t, out)
	if out.Lines[0] != "-ERR [SYS/TEMP] Some deleted messages not removed" || !out.Close || srv.State() != Update {
		t.Fatalf("%+v in %v", out, srv.State())
	}
	// The lock is released even so.
	if !store.Lock(lectureUser) {
		t.Error("maildrop still locked after a failed UPDATE")
	}
}

func TestNilMaildrop(t *testing.T) {
	srv := NewServer(Config{})
	srv.Greet()
	srv.Feed([]byte("USER a"))
	if out := srv.Feed([]byte("PASS b")); out.Key != KeyAuthFailed {
		t.Errorf("%+v", out)
	}
}
