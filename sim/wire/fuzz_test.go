package wire

import (
	"bytes"
	"io"
	"log/slog"
	"net"
	"testing"
	"time"

	"mailsim/sim/imap"
	"mailsim/sim/machine"
	mailstore "mailsim/sim/store"
)

// checked wraps a machine and fails the test when the wire feeds it
// something the machine did not ask for: more literal octets than it
// announced, or a line over its limit.
type checked struct {
	machine.Server
	t       *testing.T
	pending int
}

func (c *checked) Feed(in []byte) machine.Output {
	if c.pending > 0 && len(in) > c.pending {
		c.t.Fatalf("fed %d literal octets, %d announced", len(in), c.pending)
	}
	if max, _ := c.Limit(); c.pending == 0 && len(in) > max-1 {
		c.t.Fatalf("fed a line of %d octets, limit %d", len(in), max)
	}
	out := c.Server.Feed(in)
	c.pending = out.Literal
	return out
}

// quietStore is a store that can tell of changes but never has any, so
// that the fuzzed sessions get IDLE and the wire waits on its signal.
type quietStore struct{ *mailstore.Store }

func (quietStore) Changes(string) <-chan struct{} { return make(chan struct{}) }

// FuzzIMAPWire feeds arbitrary octets to the IMAP machine through the wire's
// connection loop, literals included: the loop must end when the input
// does, feed the machine only what it asked for, and send whole CRLF lines.
func FuzzIMAPWire(f *testing.F) {
	f.Add([]byte("a LOGIN u p\r\nb SELECT INBOX\r\nc FETCH 1 BODY.PEEK[]<0.10>\r\nd LOGOUT\r\n"))
	f.Add([]byte("a LOGIN {1}\r\nu {1+}\r\np\r\nb APPEND INBOX {12}\r\nSubject: x\r\n\r\nc IDLE\r\nDONE\r\n"))
	f.Add([]byte("a LOGIN u p\r\nb APPEND INBOX {5+}\r\nab\r\nc)\r\nc APPEND INBOX {99999999999+}\r\nxx"))
	f.Add([]byte("a AUTHENTICATE PLAIN\r\nAHUAcA==\r\nb MOVE 1 X\r\nc UID MOVE 1:* INBOX\r\n{3}\r\n\n\r\n"))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		f.Fatal(err)
	}
	defer ln.Close()
	f.Fuzz(func(t *testing.T, in []byte) {
		store := mailstore.New("")
		store.AddUser("u", "p")
		if _, err := store.Deliver("u", imap.Inbox, []byte("Subject: hi\r\n\r\nbody\r\n"), time.Unix(0, 0), mailstore.Info{}); err != nil {
			t.Fatal(err)
		}
		proto := IMAP(func(Peer) imap.Config { return imap.Config{Store: quietStore{store}, MaxLiteral: 4096} })
		inner := proto.New
		proto.New = func(p Peer) machine.Server { return &checked{Server: inner(p), t: t} }
		s := &Server{proto: proto, opt: Options{IdleTimeout: 5 * time.Second, WriteTimeout: 5 * time.Second,
			Log: slog.New(slog.DiscardHandler)}, conns: map[*conn]struct{}{}, stop: make(chan struct{})}
		client, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer client.Close()
		nc, err := ln.Accept()
		if err != nil {
			t.Fatal(err)
		}
		s.wg.Add(1)
		go newConn(s, nc, Peer{ID: 1, Remote: nc.RemoteAddr()}).serve()
		out := make(chan []byte)
		go func() {
			b, _ := io.ReadAll(client)
			out <- b
		}()
		_, _ = client.Write(in)
		_ = client.(*net.TCPConn).CloseWrite() // the end of the input: the session must end
		var got []byte
		select {
		case got = <-out:
		case <-time.After(10 * time.Second):
			t.Fatal("the connection did not end")
		}
		s.wg.Wait()
		if len(got) > 0 && !bytes.HasSuffix(got, []byte("\r\n")) {
			t.Fatalf("output does not end with CRLF: %q", got[max(0, len(got)-40):])
		}
	})
}
