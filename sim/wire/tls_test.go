package wire

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"mailsim/sim/imap"
	"mailsim/sim/pop3"
	"mailsim/sim/smtp"
	mailstore "mailsim/sim/store"
)

var (
	testCertOnce sync.Once
	testCert     tls.Certificate
)

// labCert is one self-signed certificate for every test of the package.
func labCert(t testing.TB) tls.Certificate {
	t.Helper()
	testCertOnce.Do(func() {
		var err error
		if testCert, err = SelfSigned("lab.example", time.Now()); err != nil {
			panic(err)
		}
	})
	return testCert
}

// trusting is a client configuration that trusts only the lab's
// certificate, as a student's client does once told to.
func trusting(t testing.TB) *tls.Config {
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(PEM(labCert(t))) {
		t.Fatal("the lab's PEM does not parse")
	}
	return &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}
}

// upgrade runs the client's side of the handshake on c and goes on over it.
func (c *client) upgrade(cfg *tls.Config) *tls.Conn {
	c.t.Helper()
	if n := c.br.Buffered(); n > 0 {
		c.t.Fatalf("%d octets in clear after the go-ahead", n)
	}
	tc := tls.Client(c.c, cfg)
	if err := tc.Handshake(); err != nil {
		c.t.Fatalf("handshake: %v", err)
	}
	c.c, c.br = tc, bufio.NewReader(tc)
	return tc
}

func startTLSSMTP(t testing.TB, rec *recorder) *Server {
	t.Helper()
	opt := Options{TLS: ServerTLS(labCert(t))}
	if rec != nil {
		opt.Observer = rec.observe
	}
	s, err := Listen("127.0.0.1:0", SMTP(func(Peer) smtp.Config {
		return smtp.Config{Hostname: "test.example", Backend: &sink{}, TLS: true}
	}), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// readEHLO reads a multi-line EHLO answer and returns its extensions.
func (c *client) readEHLO() []string {
	c.t.Helper()
	var ext []string
	for {
		l := c.expect("250")
		ext = append(ext, l[4:])
		if l[3] == ' ' {
			return ext
		}
	}
}

// TestSTARTTLSDiscardsInjectedCommands sends, in clear and in the same
// packet as STARTTLS, the commands a man in the middle would add
// (CVE-2011-0411). The server must answer none of them inside TLS: the
// first answer over TLS is to the client's own EHLO, and the machine was
// never fed the injected lines.
func TestSTARTTLSDiscardsInjectedCommands(t *testing.T) {
	rec := &recorder{}
	s := startTLSSMTP(t, rec)
	c := dial(t, s)
	c.expect("220 ")
	c.send("EHLO client.example\r\n")
	if ext := c.readEHLO(); !strings.Contains(strings.Join(ext, ","), "STARTTLS") {
		t.Fatalf("EHLO in clear lacks STARTTLS: %q", ext)
	}
	injected := "RSET\r\nMAIL FROM:<evil@x.example>\r\n"
	c.send("STARTTLS\r\n" + injected)
	c.expect("220 2.0.0 Ready to start TLS")
	tc := c.upgrade(trusting(t))
	if v := tc.ConnectionState().Version; v < tls.VersionTLS12 {
		t.Errorf("TLS version %x", v)
	}
	c.send("EHLO client.example\r\n")
	ext := c.readEHLO()
	if ext[0] != "test.example" || strings.Contains(strings.Join(ext, ","), "STARTTLS") {
		t.Errorf("EHLO inside TLS: %q", ext)
	}
	c.send("QUIT\r\n")
	c.expect("221 ")
	c.closed()
	s.Close()

	inTLS := false
	for _, o := range rec.all() {
		if o.What == LineFed && (strings.HasPrefix(string(o.Line), "RSET") || strings.HasPrefix(string(o.Line), "MAIL")) {
			t.Errorf("injected line fed to the machine: %q", o.Line)
		}
		if o.What == TLSStarted {
			inTLS = true
			if o.Discarded != len(injected) || o.Key != KeyTLSStart || !strings.HasPrefix(string(o.Line), "TLS 1.") {
				t.Errorf("TLS start: %d octets discarded, key %q; want %d", o.Discarded, o.Key, len(injected))
			}
		}
		if o.TLS != inTLS {
			t.Errorf("%v %q: TLS %v, want %v", o.What, o.Line, o.TLS, inTLS)
		}
	}
	if !inTLS {
		t.Error("no TLSStarted observation")
	}
}

// TestNoOldTLS: a client that speaks at most TLS 1.1 cannot connect.
func TestNoOldTLS(t *testing.T) {
	s := startTLSSMTP(t, nil)
	c := dial(t, s)
	c.expect("220 ")
	c.send("STARTTLS\r\n")
	c.expect("220 2.0.0 ")
	cfg := trusting(t)
	cfg.MinVersion, cfg.MaxVersion = tls.VersionTLS10, tls.VersionTLS11
	if err := tls.Client(c.c, cfg).Handshake(); err == nil {
		t.Fatal("a TLS 1.1 handshake succeeded")
	}
}

// TestHandshakeGarbageCloses: bytes that are no handshake end the
// connection instead of reaching the machine.
func TestHandshakeGarbageCloses(t *testing.T) {
	rec := &recorder{}
	s := startTLSSMTP(t, rec)
	c := dial(t, s)
	c.expect("220 ")
	c.send("STARTTLS\r\n")
	c.expect("220 2.0.0 ")
	c.send("QUIT\r\nQUIT\r\nQUIT\r\n")
	c.closed()
	s.Close()
	obs := rec.all()
	if last := obs[len(obs)-1]; last.What != Disconnected || last.Reason != Failed {
		t.Errorf("last observation %+v", last)
	}
}

func TestSTLS(t *testing.T) {
	store := pop3.NewStoreDrop()
	store.AddUser("ana", "parola")
	s, err := Listen("127.0.0.1:0", POP3(func(Peer) pop3.Config { return pop3.Config{Maildrop: store, TLS: true} }),
		Options{TLS: ServerTLS(labCert(t))})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := dial(t, s)
	c.expect("+OK ")
	c.send("STLS\r\nUSER ana\r\n")
	c.expect("+OK Begin TLS negotiation")
	c.upgrade(trusting(t))
	c.send("PASS parola\r\n") // the USER in clear was discarded, so PASS has none
	c.expect("-ERR ")
	c.send("USER ana\r\nPASS parola\r\nQUIT\r\n")
	c.expect("+OK ana")
	c.expect("+OK ")
	c.expect("+OK ")
	c.closed()
}

func TestIMAPStartTLS(t *testing.T) {
	store := mailstore.New("")
	store.AddUser("ana", "parola")
	s, err := Listen("127.0.0.1:0", IMAP(func(Peer) imap.Config { return imap.Config{Store: store, TLS: true} }),
		Options{TLS: ServerTLS(labCert(t))})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := dial(t, s)
	if g := c.expect("* OK "); !strings.Contains(g, "STARTTLS") {
		t.Fatalf("greeting %q", g)
	}
	c.send("a STARTTLS\r\nb LOGIN ana parola\r\n")
	c.expect("a OK Begin TLS negotiation now")
	c.upgrade(trusting(t))
	c.send("c NOOP\r\n") // b was discarded: the first answer is c's
	c.expect("c OK ")
	c.send("d LOGIN ana parola\r\ne LOGOUT\r\n")
	c.expect("d OK ")
	c.expect("* BYE")
	c.expect("e OK ")
	c.closed()
}

// BenchmarkSTARTTLSSession is one whole SMTP session over TLS: greeting,
// EHLO, STARTTLS, the handshake (ECDSA P-256), EHLO again and QUIT.
func BenchmarkSTARTTLSSession(b *testing.B) {
	s := startTLSSMTP(b, nil)
	cfg := trusting(b)
	b.ReportAllocs()
	for b.Loop() {
		nc, err := net.Dial("tcp", s.Addr().String())
		if err != nil {
			b.Fatal(err)
		}
		br := bufio.NewReader(nc)
		read := func(prefix string) {
			for {
				l, err := br.ReadString('\n')
				if err != nil || !strings.HasPrefix(l, prefix) {
					b.Fatalf("%q %v, want %s", l, err, prefix)
				}
				if len(l) > 3 && l[3] == ' ' {
					return
				}
			}
		}
		read("220")
		_, _ = nc.Write([]byte("EHLO bench\r\nSTARTTLS\r\n"))
		read("250")
		read("220")
		tc := tls.Client(nc, cfg)
		br = bufio.NewReader(tc)
		nc = tc
		_, _ = tc.Write([]byte("EHLO bench\r\nQUIT\r\n"))
		read("250")
		read("221")
		nc.Close()
	}
}
