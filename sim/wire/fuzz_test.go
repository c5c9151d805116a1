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
	"mailsim/sim/pop3"
	"mailsim/sim/smtp"
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
		got := serveOnce(t, ln, proto, Options{}, in)
		if len(got) > 0 && !bytes.HasSuffix(got, []byte("\r\n")) {
			t.Fatalf("output does not end with CRLF: %q", got[max(0, len(got)-40):])
		}
	})
}

// serveOnce serves one connection of proto on ln, writes in to it as a
// client, half-closes, and returns all the server sent. The session must
// end when the input does.
func serveOnce(t *testing.T, ln net.Listener, proto Protocol, opt Options, in []byte) []byte {
	t.Helper()
	opt.IdleTimeout, opt.WriteTimeout, opt.Log = 5*time.Second, 5*time.Second, slog.New(slog.DiscardHandler)
	s := &Server{proto: proto, opt: opt, conns: map[*conn]struct{}{}, stop: make(chan struct{})}
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
	return got
}

// sealed wraps a machine and fails the test when it is fed anything after
// it asked for TLS: without a handshake nothing may reach it, whatever
// came after the command.
type sealed struct {
	machine.Server
	t      *testing.T
	upTold bool
}

func (m *sealed) Feed(in []byte) machine.Output {
	if m.upTold {
		m.t.Errorf("fed %q after the machine asked for TLS", in)
	}
	out := m.Server.Feed(in)
	m.upTold = out.StartTLS
	return out
}

// FuzzTLSUpgrade sends each protocol's TLS command followed, in the same
// write, by arbitrary octets, and no handshake: the go-ahead is the last
// thing the machine answers, nothing after the command is ever fed to it,
// and the connection ends.
func FuzzTLSUpgrade(f *testing.F) {
	f.Add(byte(0), []byte("RSET\r\nMAIL FROM:<evil@x.example>\r\n"))
	f.Add(byte(1), []byte("USER ana\r\nPASS parola\r\n"))
	f.Add(byte(2), []byte("b LOGIN ana parola\r\n\x16\x03\x01\x00\x05hello"))
	f.Add(byte(0), []byte("\x16\x03\x01"))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		f.Fatal(err)
	}
	defer ln.Close()
	cert, err := SelfSigned("lab.example", time.Now())
	if err != nil {
		f.Fatal(err)
	}
	opt := Options{TLS: ServerTLS(cert)}
	protos := []struct {
		proto   Protocol
		command string
		goAhead string
	}{
		{SMTP(func(Peer) smtp.Config { return smtp.Config{TLS: true} }), "EHLO x\r\nSTARTTLS\r\n", "220 2.0.0 Ready to start TLS\r\n"},
		{POP3(func(Peer) pop3.Config { return pop3.Config{TLS: true} }), "STLS\r\n", "+OK Begin TLS negotiation\r\n"},
		{IMAP(func(Peer) imap.Config { return imap.Config{TLS: true} }), "a STARTTLS\r\n", "a OK Begin TLS negotiation now\r\n"},
	}
	f.Fuzz(func(t *testing.T, which byte, after []byte) {
		p := protos[int(which)%len(protos)]
		proto := p.proto
		inner := proto.New
		proto.New = func(peer Peer) machine.Server { return &sealed{Server: inner(peer), t: t} }
		got := serveOnce(t, ln, proto, opt, append([]byte(p.command), after...))
		if !bytes.HasSuffix(got, []byte(p.goAhead)) {
			t.Fatalf("the go-ahead is not the last thing said in clear: %q", got)
		}
	})
}
