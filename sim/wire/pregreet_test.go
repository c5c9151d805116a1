package wire

import (
	"slices"
	"sync"
	"testing"
	"time"

	"mailsim/sim/pop3"
)

// TestPregreet checks that a client that talks before the greeting gets 554
// and is disconnected, its commands unanswered, and that one that waits is
// greeted.
func TestPregreet(t *testing.T) {
	rec := &recorder{}
	b := &sink{}
	s := startSMTP(t, b, Options{Pregreet: 100 * time.Millisecond, Observer: rec.observe})
	c := dial(t, s)
	c.send("EHLO early\r\nMAIL FROM:<a@x.example>\r\n")
	c.expect("554 5.5.1 Error: you talked before the greeting")
	c.closed()

	c = dial(t, s)
	c.expect("220 test.example")
	c.send("QUIT\r\n")
	c.expect("221 ")
	s.Close()
	first := rec.all()[0]
	if first.What != Connected || len(first.Replies) != 1 || first.Replies[0].Key != "smtp.why.early-talker" {
		t.Errorf("the early talker was observed as %+v", first)
	}
}

// TestLoginDelay checks that the adapter waits, through Options.Pause, as
// long as the machine asks after each failed login, and closes after the
// third.
func TestLoginDelay(t *testing.T) {
	var mu sync.Mutex
	var paused []time.Duration
	store := pop3.NewStoreDrop()
	store.AddUser("ana", "secret")
	s, err := Listen("127.0.0.1:0", POP3(func(Peer) pop3.Config { return pop3.Config{Maildrop: store} }),
		Options{Pause: func(d time.Duration) { mu.Lock(); paused = append(paused, d); mu.Unlock() }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := dial(t, s)
	c.expect("+OK")
	for range 2 {
		c.send("USER ana\r\nPASS wrong\r\n")
		c.expect("+OK")
		c.expect("-ERR Unknown user or incorrect password")
	}
	c.send("USER ana\r\nPASS wrong\r\n")
	c.expect("+OK")
	c.expect("-ERR [AUTH] ")
	c.closed()
	mu.Lock()
	defer mu.Unlock()
	if want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second}; !slices.Equal(paused, want) {
		t.Errorf("paused %v, want %v", paused, want)
	}
}
