package imap

import (
	mailstore "mailsim/sim/store"

	"bytes"
	"slices"
	"testing"
)

// fuzzStart names the state a fuzzed session is driven into before the
// fuzzed lines arrive, so that every state and every half-finished
// exchange meets arbitrary input.
var fuzzStart = [][]string{
	nil,                      // Connected: not greeted
	{},                       // NotAuthenticated
	{"a AUTHENTICATE PLAIN"}, // waiting for a SASL response
	{"a LOGIN fred foobar"},  // Authenticated
	{"a LOGIN fred foobar", "b SELECT INBOX"},                        // Selected
	{"a LOGIN fred foobar", "b EXAMINE INBOX"},                       // Selected, read-only
	{"a LOGIN fred foobar", "b SELECT INBOX", "c APPEND INBOX {40}"}, // inside a literal
}

// legal lists the states each state may move to on one line.
var legal = map[State][]State{
	Connected:        {Connected},
	NotAuthenticated: {NotAuthenticated, Authenticated, Logout},
	Authenticated:    {Authenticated, Selected, Logout},
	Selected:         {Selected, Authenticated, Logout},
	Logout:           {Logout},
}

func FuzzServerCommand(f *testing.F) {
	for i := range fuzzStart {
		for verb := range handlers {
			f.Add(uint8(i), []byte("t "+verb+" 1"))
		}
		f.Add(uint8(i), []byte("t FETCH 1:* (UID FLAGS BODY.PEEK[1.HEADER.FIELDS (From)]<0.9> BODYSTRUCTURE ENVELOPE)\nt2 UID STORE 1:* +FLAGS.SILENT (\\Deleted)\nt3 EXPUNGE"))
		f.Add(uint8(i), []byte("t SEARCH OR (FROM a NOT SEEN) UID 1:* CHARSET\nt APPEND INBOX {3+}\nabc\nt LIST \"\" %/*"))
		f.Add(uint8(i), []byte("t LOGIN {4}\nfred {6}\nfoobar\nt RENAME INBOX x/y\nt CLOSE\nt LOGOUT"))
		f.Add(uint8(i), []byte("AGZyZWQAZm9vYmFy\n*\nt COPY 2:3 \"a b\"\nt STATUS \"a b\" (MESSAGES UNSEEN)"))
	}
	f.Fuzz(func(t *testing.T, start uint8, input []byte) {
		store := mailstore.New("")
		store.AddUser(testUser, testPass)
		for _, data := range []string{
			"Subject: one\r\n\r\nbody\r\n",
			"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\na\r\n--b\r\nContent-Type: message/rfc822\r\n\r\nSubject: in\r\n\r\nx\r\n--b--\r\n",
			"no header at all",
		} {
			if _, err := store.Deliver(testUser, Inbox, []byte(data), testDate, mailstore.Info{}); err != nil {
				t.Fatal(err)
			}
		}
		srv := NewServer(Config{Store: store, MaxLiteral: 1000})
		script := fuzzStart[int(start)%len(fuzzStart)]
		if script != nil {
			srv.Greet()
		}
		for _, l := range script {
			srv.Feed([]byte(l))
		}
		for _, line := range bytes.Split(input, []byte("\n")) {
			from := srv.State()
			out := srv.Feed(line)
			if err := outputProblem(out); err != nil {
				t.Fatalf("%q in %v: %v", line, from, err)
			}
			if !slices.Contains(legal[from], srv.State()) {
				t.Fatalf("%q moved %v to %v", line, from, srv.State())
			}
			if out.Close != (srv.State() == Logout && from != Logout) {
				t.Fatalf("%q: Close %v moving %v to %v", line, out.Close, from, srv.State())
			}
			if srv.Pending() < 0 || (srv.Pending() > 0 && srv.State() == Logout) {
				t.Fatalf("%q: Pending %d in %v", line, srv.Pending(), srv.State())
			}
		}
	})
}
