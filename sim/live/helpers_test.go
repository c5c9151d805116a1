package live

import (
	"bufio"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"mailsim/sim"
	"mailsim/sim/wire"
)

// t0 is the fake clock's start: the lecture's 2026 epoch.
var t0 = time.Date(2026, time.January, 12, 9, 0, 0, 0, time.FixedZone("EET", 2*60*60))

// clock is a fake time source that advances 1 ms at each reading, so that
// event times are deterministic and increasing.
type clock struct {
	mu sync.Mutex
	n  time.Duration
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := t0.Add(c.n)
	c.n += time.Millisecond
	return t
}

// startLab runs a lab with the default accounts on three loopback ports.
func startLab(t testing.TB, change func(*Config)) *Lab {
	t.Helper()
	cfg := Config{SMTPAddr: "127.0.0.1:0", POP3Addr: "127.0.0.1:0", IMAPAddr: "127.0.0.1:0", Now: (&clock{}).now,
		Wire: wire.Options{Pause: func(time.Duration) {}}} // a failed login is answered at once
	if change != nil {
		change(&cfg)
	}
	l, err := Start(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if w := l.Warnings(); len(w) > 0 {
		t.Fatal(w)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

// session is a raw socket to one of the lab's ports, used as a person
// uses telnet: send a line, read the answer.
type session struct {
	t  testing.TB
	c  net.Conn
	br *bufio.Reader
}

func dial(t testing.TB, addr net.Addr) *session {
	t.Helper()
	c, err := net.Dial("tcp", addr.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	_ = c.SetDeadline(time.Now().Add(20 * time.Second))
	return &session{t: t, c: c, br: bufio.NewReader(c)}
}

// send writes lines, each ending with CRLF as telnet sends them.
func (s *session) send(lines ...string) {
	s.t.Helper()
	if _, err := io.WriteString(s.c, strings.Join(lines, "\r\n")+"\r\n"); err != nil {
		s.t.Fatal(err)
	}
}

func (s *session) line() string {
	s.t.Helper()
	l, err := s.br.ReadString('\n')
	if err != nil {
		s.t.Fatalf("read: %v (got %q)", err, l)
	}
	return strings.TrimSuffix(l, "\r\n")
}

// expect reads one line and checks that it starts with prefix.
func (s *session) expect(prefix string) string {
	s.t.Helper()
	l := s.line()
	if !strings.HasPrefix(l, prefix) {
		s.t.Fatalf("got %q, want %q...", l, prefix)
	}
	return l
}

// multi reads a POP3 multi-line body up to its ".", unstuffed.
func (s *session) multi() []string {
	s.t.Helper()
	var out []string
	for {
		l := s.line()
		if l == "." {
			return out
		}
		out = append(out, strings.TrimPrefix(l, "."))
	}
}

// eof checks that the server closed the connection, and closes this side.
func (s *session) eof() {
	s.t.Helper()
	if l, err := s.br.ReadString('\n'); err != io.EOF {
		s.t.Fatalf("connection still open: %q %v", l, err)
	}
	s.c.Close()
}

// waitFor reads events until one satisfies ok, failing after a few seconds.
func waitFor(t testing.TB, ch <-chan sim.Event, ok func(sim.Event) bool) []sim.Event {
	t.Helper()
	var seen []sim.Event
	timeout := time.After(10 * time.Second)
	for {
		select {
		case e, open := <-ch:
			if !open {
				t.Fatalf("subscription closed after %d events", len(seen))
			}
			seen = append(seen, e)
			if ok(e) {
				return seen
			}
		case <-timeout:
			t.Fatalf("event not seen; got %d events", len(seen))
		}
	}
}

func isDisconnect(e sim.Event) bool { return e.Kind == sim.KindDisconnect }

// box returns the messages of one mailbox.
func box(l *Lab, addr string) []*sim.Message {
	for _, b := range l.Mailboxes() {
		if b.Address == addr {
			return b.Messages
		}
	}
	return nil
}
