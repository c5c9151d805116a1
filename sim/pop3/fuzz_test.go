package pop3

import (
	"bytes"
	"slices"
	"testing"
)

// fuzzStart names the state a fuzzed session is driven into before the
// fuzzed lines arrive, so that every state and every half-finished exchange
// meets arbitrary input.
var fuzzStart = [][]string{
	nil,                     // Connected: not greeted
	{},                      // Authorization
	{"USER " + lectureUser}, // waiting for PASS
	{"AUTH PLAIN"},          // waiting for a PLAIN response
	{"AUTH CRAM-MD5"},       // waiting for a CRAM-MD5 response
	{"USER " + lectureUser, "PASS " + lecturePass, "DELE 2"}, // Transaction
	{"USER " + lectureUser, "PASS " + lecturePass, "QUIT"},   // Update
}

// legal lists the states each state may move to on one line.
var legal = map[State][]State{
	Connected:     {Connected},
	Authorization: {Authorization, Transaction, Closed},
	Transaction:   {Transaction, Update},
	Update:        {Update},
	Closed:        {Closed},
}

func FuzzServerCommand(f *testing.F) {
	for i := range fuzzStart {
		for _, c := range commands {
			f.Add(uint8(i), []byte(c+" 1"))
		}
		f.Add(uint8(i), []byte("TOP 1 0\nRETR 2\nRSET\nLIST\nUIDL\nQUIT"))
		f.Add(uint8(i), []byte("AGNmdWdEZW1vQGV2b2NoLmNvbQBjZnVnRGVtbzEyMw=="))
		f.Add(uint8(i), []byte("*\nAUTH\nCAPA\nAPOP a b"))
	}
	f.Fuzz(func(t *testing.T, start uint8, input []byte) {
		store := NewStoreDrop()
		store.AddUser(lectureUser, lecturePass)
		for _, uid := range []string{"u1", "u2", "u3"} {
			if err := store.Deliver(lectureUser, Message{UID: uid, Data: []byte(".dot\r\n\r\nbody\r\n")}); err != nil {
				t.Fatal(err)
			}
		}
		srv := NewServer(Config{Maildrop: store, Timestamp: "<1@x>", Challenge: "<2@x>"})
		script := fuzzStart[int(start)%len(fuzzStart)]
		if script != nil {
			srv.Greet()
		}
		for _, l := range script {
			srv.Feed([]byte(l))
		}
		before := len(store.Messages(lectureUser))
		for _, line := range bytes.Split(input, []byte("\n")) {
			from := srv.State()
			out := srv.Feed(line)
			if err := outputProblem(out); err != nil {
				t.Fatalf("%q in %v: %v", line, from, err)
			}
			if !slices.Contains(legal[from], srv.State()) {
				t.Fatalf("%q moved %v to %v", line, from, srv.State())
			}
			if out.Close != (srv.State() != from && srv.State() != Transaction) {
				t.Fatalf("%q: Close %v moving %v to %v", line, out.Close, from, srv.State())
			}
			after := len(store.Messages(lectureUser))
			if after != before && out.Key != KeyQuitUpdate {
				t.Fatalf("%q (%s) changed the maildrop from %d to %d messages", line, out.Key, before, after)
			}
			before = after
		}
	})
}
