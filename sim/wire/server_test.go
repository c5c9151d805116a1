package wire

import (
	"bufio"
	"context"
	"io"
	"net"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"mailsim/sim/imap"
	"mailsim/sim/machine"
	"mailsim/sim/pop3"
	"mailsim/sim/smtp"
)

// sink is a Backend that accepts everyone and remembers what it stored.
type sink struct {
	mu     sync.Mutex
	stored [][]byte
}

func (s *sink) Recipient(string) *smtp.Reply { return nil }

func (s *sink) Deliver(_ smtp.Envelope, data []byte) smtp.Reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stored = append(s.stored, append([]byte(nil), data...))
	return smtp.Queued("Q1")
}

func (s *sink) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.stored)
}

// recorder keeps every observation, with the line copied.
type recorder struct {
	mu  sync.Mutex
	obs []Observation
}

func (r *recorder) observe(o Observation) {
	o.Line = append([]byte(nil), o.Line...)
	r.mu.Lock()
	r.obs = append(r.obs, o)
	r.mu.Unlock()
}

func (r *recorder) all() []Observation {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Observation(nil), r.obs...)
}

func startSMTP(t *testing.T, b smtp.Backend, opt Options) *Server {
	t.Helper()
	s, err := Listen("127.0.0.1:0", SMTP(func(Peer) smtp.Config {
		return smtp.Config{Hostname: "test.example", Backend: b}
	}), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// client is a raw socket with a line reader, as telnet is.
type client struct {
	t  *testing.T
	c  net.Conn
	br *bufio.Reader
}

func dial(t *testing.T, s *Server) *client {
	t.Helper()
	c, err := net.Dial("tcp", s.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	return &client{t: t, c: c, br: bufio.NewReader(c)}
}

func (c *client) send(s string) {
	c.t.Helper()
	if _, err := io.WriteString(c.c, s); err != nil {
		c.t.Fatal(err)
	}
}

func (c *client) line() string {
	c.t.Helper()
	l, err := c.br.ReadString('\n')
	if err != nil {
		c.t.Fatalf("read: %v (got %q)", err, l)
	}
	return strings.TrimSuffix(l, "\r\n")
}

// expect reads one line and checks its start.
func (c *client) expect(prefix string) string {
	c.t.Helper()
	l := c.line()
	if !strings.HasPrefix(l, prefix) {
		c.t.Fatalf("got %q, want %q...", l, prefix)
	}
	return l
}

// closed checks that the server closed the connection, and closes it on
// this side too, as telnet does.
func (c *client) closed() {
	c.t.Helper()
	if l, err := c.br.ReadString('\n'); err != io.EOF {
		c.t.Fatalf("connection still open: %q %v", l, err)
	}
	c.c.Close()
}

func TestOverlongCommandLine(t *testing.T) {
	s := startSMTP(t, &sink{}, Options{})
	c := dial(t, s)
	c.expect("220 ")
	c.send("NOOP " + strings.Repeat("x", 100000) + "\r\n")
	c.expect("500 5.5.0 Line too long")
	c.send(strings.Repeat("y", 510) + "\r\n") // 512 with CRLF: a line, just an unknown one
	c.expect("500 5.5.2 ")
	c.send("NOOP\r\n")
	c.expect("250 ")
}

func TestOverlongTextLine(t *testing.T) {
	b := &sink{}
	s := startSMTP(t, b, Options{})
	c := dial(t, s)
	c.expect("220 ")
	c.send("MAIL FROM:<a@x.example>\r\nRCPT TO:<b@x.example>\r\nDATA\r\n")
	c.expect("250 ")
	c.expect("250 ")
	c.expect("354 ")
	c.send("Subject: long\r\n\r\n" + strings.Repeat("z", 50000) + "\r\n.\r\n")
	c.expect("552 5.6.0 ")
	c.send("QUIT\r\n")
	c.expect("221 ")
	c.closed()
	if b.count() != 0 {
		t.Fatal("a message with an overlong line was stored")
	}
}

// TestBareLFNeverEndsData sends the smuggling pattern "\n.\n": the message
// goes on, and only CRLF.CRLF ends it; then the whole message is refused for
// its bare LFs (as Postfix's smtpd_forbid_bare_newline does), nothing is
// stored, and the session goes on.
func TestBareLFNeverEndsData(t *testing.T) {
	b := &sink{}
	s := startSMTP(t, b, Options{})
	c := dial(t, s)
	c.expect("220 ")
	c.send("MAIL FROM:<a@x.example>\nRCPT TO:<b@x.example>\nDATA\n")
	c.expect("250 ")
	c.expect("250 ")
	c.expect("354 ")
	c.send("one\n.\nMAIL FROM:<evil@x.example>\r\n.\r\n")
	c.expect("554 5.5.2 Error: bare <LF> received in message text")
	c.send("NOOP\r\n")
	c.expect("250 ")
	if b.count() != 0 {
		t.Fatalf("stored %q", b.stored)
	}
}

func TestIdleTimeout(t *testing.T) {
	s := startSMTP(t, &sink{}, Options{IdleTimeout: 200 * time.Millisecond})
	c := dial(t, s)
	c.expect("220 ")
	c.expect("421 4.4.2 ")
	c.closed()
}

func TestPOP3IdleTimeoutSaysNothing(t *testing.T) {
	rec := &recorder{}
	s, err := Listen("127.0.0.1:0", POP3(func(Peer) pop3.Config { return pop3.Config{} }),
		Options{IdleTimeout: 200 * time.Millisecond, Observer: rec.observe})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := dial(t, s)
	c.expect("+OK ")
	c.closed()
	s.Close()
	obs := rec.all()
	if last := obs[len(obs)-1]; last.What != Disconnected || last.Reason != Timeout || last.State != "Closed" {
		t.Fatalf("last observation %+v", last)
	}
}

func TestConnectionCap(t *testing.T) {
	rec := &recorder{}
	s := startSMTP(t, &sink{}, Options{Observer: rec.observe})
	var open []*client
	for range 100 {
		c := dial(t, s)
		c.expect("220 ")
		open = append(open, c)
	}
	extra := dial(t, s)
	extra.expect("421 4.7.0 Too many connections")
	extra.closed()
	// A place frees up when one session ends.
	open[0].send("QUIT\r\n")
	open[0].expect("221 ")
	open[0].closed()
	deadline := time.Now().Add(5 * time.Second)
	for {
		c := dial(t, s)
		if l := c.line(); strings.HasPrefix(l, "220 ") {
			break
		} else if time.Now().After(deadline) {
			t.Fatalf("still refused: %q", l)
		}
		time.Sleep(10 * time.Millisecond)
	}
	refused := 0
	for _, o := range rec.all() {
		if o.Refused && o.What == Disconnected && o.Reason == Refused {
			refused++
		}
	}
	if refused == 0 {
		t.Fatal("the refusal was not observed")
	}
}

func TestPOP3Refusal(t *testing.T) {
	s, err := Listen("127.0.0.1:0", POP3(func(Peer) pop3.Config { return pop3.Config{} }), Options{MaxConns: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	first := dial(t, s)
	first.expect("+OK ")
	second := dial(t, s)
	second.expect("-ERR [SYS/TEMP] too many connections")
	second.closed()
	first.c.Close()
}

func TestShutdownSays421(t *testing.T) {
	b := &sink{}
	s := startSMTP(t, b, Options{})
	c := dial(t, s)
	c.expect("220 ")
	c.send("MAIL FROM:<a@x.example>\r\nRCPT TO:<b@x.example>\r\nDATA\r\n")
	c.expect("250 ")
	c.expect("250 ")
	c.expect("354 ")
	c.send("half a message\r\n")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	stopped := make(chan error)
	go func() { stopped <- s.Shutdown(ctx) }()
	c.expect("421 4.3.2 ")
	c.closed()
	if err := <-stopped; err != nil {
		t.Fatal(err)
	}
	if b.count() != 0 {
		t.Fatal("a partial message was stored")
	}
	if _, err := net.Dial("tcp", s.Addr().String()); err == nil {
		t.Fatal("still accepting after Shutdown")
	}
}

// TestShutdownCutsStuckClients: a client that never reads a long answer
// cannot hold Shutdown past its context.
func TestShutdownCutsStuckClients(t *testing.T) {
	s := startSMTP(t, &sink{}, Options{})
	c := dial(t, s)
	c.expect("220 ")
	go func() { // pipelined HELPs fill the socket buffers; nobody reads
		for range 100000 {
			if _, err := io.WriteString(c.c, "HELP\r\n"); err != nil {
				return
			}
		}
	}()
	time.Sleep(200 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	if err := s.Shutdown(ctx); err != context.DeadlineExceeded {
		t.Logf("Shutdown: %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("Shutdown took %v", d)
	}
}

func TestListenError(t *testing.T) {
	s := startSMTP(t, &sink{}, Options{})
	if _, err := Listen(s.Addr().String(), SMTP(func(Peer) smtp.Config { return smtp.Config{} }), Options{}); err == nil {
		t.Fatal("a taken port gave no error")
	}
}

// TestObserver checks the order and content of what a session reports.
func TestObserver(t *testing.T) {
	rec := &recorder{}
	s := startSMTP(t, &sink{}, Options{Observer: rec.observe})
	c := dial(t, s)
	c.expect("220 ")
	c.send("EHLO me\r\nMAIL FROM:<a@x.example>\r\nRCPT TO:<b@x.example>\r\nDATA\r\n")
	for range 9 { // EHLO's eight lines and MAIL's
		c.line()
	}
	c.expect("250 ")
	c.expect("354 ")
	c.send("Hi\r\n.\r\nQUIT\r\n")
	c.expect("250 ")
	c.expect("221 ")
	c.closed()
	s.Close()
	type seen struct {
		what  Happening
		input machine.Input
		key   string
		line  string
		state string
		codes string
	}
	var got []seen
	for _, o := range rec.all() {
		var codes []string
		for _, r := range o.Replies {
			codes = append(codes, strings.Fields(r.Lines[len(r.Lines)-1])[0])
		}
		got = append(got, seen{o.What, o.Input, o.Key, string(o.Line), o.State, strings.Join(codes, ",")})
	}
	want := []seen{
		{Connected, machine.Command, "", "", "Greeted", "220"},
		{LineFed, machine.Command, "smtp.cmd.EHLO", "EHLO me", "Ready", "250"},
		{LineFed, machine.Command, "smtp.cmd.MAIL", "MAIL FROM:<a@x.example>", "MailFrom", "250"},
		{LineFed, machine.Command, "smtp.cmd.RCPT", "RCPT TO:<b@x.example>", "RcptTo", "250"},
		{LineFed, machine.Command, "smtp.cmd.DATA", "DATA", "Data", "354"},
		{LineFed, machine.Text, "smtp.cmd.DATA-LINE", "Hi", "Data", ""},
		{LineFed, machine.TextEnd, "smtp.cmd.DATA-END", ".", "Ready", "250"},
		{LineFed, machine.Command, "smtp.cmd.QUIT", "QUIT", "Closed", "221"},
		{Disconnected, machine.Command, "", "", "Closed", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d observations: %+v", len(got), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("observation %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if last := rec.all()[len(got)-1]; last.Reason != Ended || last.Peer.ID != 1 || last.Proto != "smtp" {
		t.Errorf("disconnect %+v", last)
	}
}

// TestNoGoroutineLeak: once Close returns, no goroutine of the server is
// left, whatever state its sessions were in.
func TestNoGoroutineLeak(t *testing.T) {
	before := runtime.NumGoroutine()
	s, err := Listen("127.0.0.1:0", SMTP(func(Peer) smtp.Config { return smtp.Config{Backend: &sink{}} }), Options{MaxConns: 5})
	if err != nil {
		t.Fatal(err)
	}
	var conns []net.Conn
	for i := range 8 { // three beyond the cap
		c, err := net.Dial("tcp", s.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		switch i % 3 {
		case 0: // idle after the greeting
		case 1: // in the middle of DATA
			io.WriteString(c, "MAIL FROM:<a@x.example>\r\nRCPT TO:<b@x.example>\r\nDATA\r\nhalf\r\n")
		case 2: // half a command line
			io.WriteString(c, "NOO")
		}
	}
	time.Sleep(100 * time.Millisecond)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, c := range conns {
		c.Close()
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines before, %d after Close", before, runtime.NumGoroutine())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// panicky is a Protocol whose machine panics on its first line.
var panicky = Protocol{Name: "panicky", Refusal: machine.Reply{Lines: []string{"busy"}}, Idle: time.Minute,
	New: func(Peer) machine.Server { return panickyMachine{} }}

type panickyMachine struct{}

func (panickyMachine) Greet() machine.Output {
	return machine.Output{Replies: []machine.Reply{{Lines: []string{"hello"}}}}
}
func (panickyMachine) Feed([]byte) machine.Output { panic("machine bug") }
func (panickyMachine) Limit() (int, bool)         { return 100, false }
func (panickyMachine) Timeout() machine.Output    { return machine.Output{Close: true} }
func (panickyMachine) Shutdown() machine.Output   { return machine.Output{Close: true} }
func (panickyMachine) Drop()                      {}
func (panickyMachine) State() string              { return "Open" }

// TestPanicEndsOneConnection: a machine that panics loses its own
// connection; the server goes on serving the others.
func TestPanicEndsOneConnection(t *testing.T) {
	rec := &recorder{}
	s, err := Listen("127.0.0.1:0", panicky, Options{Observer: rec.observe})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := dial(t, s)
	c.expect("hello")
	c.send("boom\r\n")
	c.closed()
	again := dial(t, s)
	again.expect("hello")
	again.c.Close()
	s.Close()
	for _, o := range rec.all() {
		if o.What == Disconnected && o.Peer.ID == 1 && o.Reason != Failed {
			t.Errorf("the panicked connection ended as %v", o.Reason)
		}
	}
}

// TestIMAPRefusal: beyond MaxConns an IMAP client gets BYE instead of the
// greeting (RFC 3501 §7.1.5) and the connection closes.
func TestIMAPRefusal(t *testing.T) {
	s, err := Listen("127.0.0.1:0", IMAP(func(Peer) imap.Config { return imap.Config{} }), Options{MaxConns: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	first := dial(t, s)
	first.expect("* OK [CAPABILITY IMAP4rev1")
	second := dial(t, s)
	second.expect("* BYE [UNAVAILABLE] Too many connections")
	second.closed()
	first.c.Close()
}
