package livelab

import (
	"bufio"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"net"
	"net/http/httptest"
	"net/smtp"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"mailsim/sim"
	"mailsim/sim/live"
	"mailsim/web/webtest"
)

// soakUsers is how many sessions of each protocol the soak test opens at
// once: one SMTP, one POP3 and one IMAP session for each of as many users,
// within the 100 connections each port serves.
const soakUsers = 100

// TestSoak opens 100 SMTP, 100 POP3 and 100 IMAP sessions at once against
// the live lab on loopback while a /live websocket follows. Each SMTP
// session sends one message of about 4 KB to its own user; that user's
// POP3 and IMAP sessions, connected from the start, read it back once it is
// stored. Every message must be stored once, in its user's mailbox only,
// and come back over both protocols with the octets that were sent (SHA-256
// after the lab's Return-Path and Received lines). The /live page, which
// the server drops when it falls behind and which reconnects as live.js
// does, must be shown every store; the lab keeps history enough for that.
// It reports messages per second, the process's RSS and the drops.
func TestSoak(t *testing.T) {
	if testing.Short() {
		t.Skip("a soak test; run without -short")
	}
	accts := make([]live.Account, soakUsers)
	for i := range accts {
		accts[i] = live.Account{Address: fmt.Sprintf("u%03d@mailsim.test", i), Password: "pw" + strconv.Itoa(i)}
	}
	l, err := live.Start(live.Config{SMTPAddr: "127.0.0.1:0", POP3Addr: "127.0.0.1:0", IMAPAddr: "127.0.0.1:0",
		Accounts: accts, History: 100 * soakUsers}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	srv := httptest.NewServer(serve(webtest.Shipped(t), l))
	defer srv.Close()

	f := follow(t, srv)
	defer f.stop()

	msgs := make([][]byte, soakUsers)
	stored := make([]chan struct{}, soakUsers)
	for i := range msgs {
		body := make([]byte, 3000)
		rand.Read(body)
		text := base64.StdEncoding.EncodeToString(body)
		var b strings.Builder
		fmt.Fprintf(&b, "From: soak@mailsim.test\r\nTo: %s\r\nSubject: soak %d\r\n\r\n", accts[i].Address, i)
		for len(text) > 76 {
			b.WriteString(text[:76] + "\r\n")
			text = text[76:]
		}
		b.WriteString(text + "\r\n")
		msgs[i] = []byte(b.String())
		stored[i] = make(chan struct{})
	}

	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, 3*soakUsers)
	run := func(f func(int) error, i int) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := f(i); err != nil {
				errs <- err
			}
		}()
	}
	for i := range soakUsers {
		run(func(i int) error {
			defer close(stored[i])
			return smtp.SendMail(l.SMTPAddr().String(), nil, "soak@mailsim.test", []string{accts[i].Address}, msgs[i])
		}, i)
		run(func(i int) error { return soakPOP3(l.POP3Addr(), accts[i], stored[i], msgs[i]) }, i)
		run(func(i int) error { return soakIMAP(l.IMAPAddr(), accts[i], stored[i], msgs[i]) }, i)
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	for _, b := range l.Mailboxes() {
		if len(b.Messages) != 1 {
			t.Errorf("%s holds %d messages, want 1", b.Address, len(b.Messages))
		}
	}
	stores, drops := f.wait(soakUsers)
	if stores != soakUsers {
		t.Errorf("the /live socket saw %d stores, want %d", stores, soakUsers)
	}
	t.Logf("%d messages through SMTP, POP3 and IMAP, 300 sessions at once: %v, %.0f messages/s; RSS %s; the /live socket was dropped as too slow %d times and came back",
		soakUsers, elapsed.Round(time.Millisecond), float64(soakUsers)/elapsed.Seconds(), rss(), drops)
}

// follower is a /live page: it counts the stores it is shown, once each,
// and, as live.js does, reconnects when the server drops it for falling
// behind, saying the last event it saw, to be sent what it missed.
type follower struct {
	mu     sync.Mutex
	stores map[int]bool // the Seq of each store seen
	drops  int
	done   chan struct{}
	ended  chan struct{}
}

func follow(t *testing.T, srv *httptest.Server) *follower {
	f := &follower{stores: map[int]bool{}, done: make(chan struct{}), ended: make(chan struct{})}
	url := "ws" + strings.TrimPrefix(srv.URL, "http") + "/ws/live?lang=en"
	first := make(chan error, 1)
	go func() {
		defer close(f.ended)
		last := -1
		for n := 0; ; n++ {
			at := url
			if last >= 0 {
				at += "&since=" + strconv.Itoa(last)
			}
			conn, _, err := websocket.DefaultDialer.Dial(at, nil)
			if n == 0 {
				first <- err
			}
			if err != nil {
				return
			}
			go func() { <-f.done; conn.Close() }()
			for {
				var frame wireLiveFrame
				if err := conn.ReadJSON(&frame); err != nil {
					break
				}
				f.mu.Lock()
				for _, e := range frame.Events {
					if e.Kind == sim.KindStore {
						f.stores[e.Seq] = true
					}
					last = max(last, e.Seq)
				}
				f.mu.Unlock()
			}
			conn.Close()
			select {
			case <-f.done:
				return
			default:
			}
			f.mu.Lock()
			f.drops++
			f.mu.Unlock()
		}
	}()
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	return f
}

// wait gives the follower up to ten seconds to see n stores, and returns
// how many it saw and how often it was dropped.
func (f *follower) wait(n int) (stores, drops int) {
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		f.mu.Lock()
		stores, drops = len(f.stores), f.drops
		f.mu.Unlock()
		if stores >= n {
			break
		}
	}
	return stores, drops
}

func (f *follower) stop() {
	close(f.done)
	<-f.ended
}

// soakPOP3 connects at once, logs in when the message is stored (POP3 sees
// the maildrop as it was at login) and retrieves it.
func soakPOP3(addr net.Addr, a live.Account, stored <-chan struct{}, want []byte) error {
	c, err := soakDial(addr)
	if err != nil {
		return err
	}
	defer c.Close()
	if _, err := c.expect("+OK"); err != nil {
		return err
	}
	<-stored
	fmt.Fprintf(c, "USER %s\r\nPASS %s\r\nRETR 1\r\n", a.Address, a.Password)
	for _, want := range []string{"+OK", "+OK 1 messages", "+OK"} {
		if _, err := c.expect(want); err != nil {
			return fmt.Errorf("pop3 %s: %w", a.Address, err)
		}
	}
	var got strings.Builder
	for {
		l, err := c.ReadString('\n')
		if err != nil {
			return fmt.Errorf("pop3 %s: %w", a.Address, err)
		}
		if l == ".\r\n" {
			break
		}
		got.WriteString(strings.TrimPrefix(l, "."))
	}
	fmt.Fprintf(c, "QUIT\r\n")
	return sameMessage("pop3 "+a.Address, got.String(), want)
}

// soakIMAP connects and logs in at once, and fetches the message once it is
// stored.
func soakIMAP(addr net.Addr, a live.Account, stored <-chan struct{}, want []byte) error {
	c, err := soakDial(addr)
	if err != nil {
		return err
	}
	defer c.Close()
	if _, err := c.expect("* OK"); err != nil {
		return err
	}
	fmt.Fprintf(c, "a1 LOGIN %s %s\r\n", a.Address, a.Password)
	if _, err := c.expect("a1 OK"); err != nil {
		return fmt.Errorf("imap %s: %w", a.Address, err)
	}
	<-stored
	fmt.Fprintf(c, "a2 SELECT INBOX\r\na3 FETCH 1 BODY[]\r\n")
	for {
		l, err := c.ReadString('\n')
		if err != nil {
			return fmt.Errorf("imap %s: %w", a.Address, err)
		}
		if strings.HasPrefix(l, "a2 ") {
			break
		}
	}
	head, err := c.expect("* 1 FETCH (BODY[] {")
	if err != nil {
		return fmt.Errorf("imap %s: %w", a.Address, err)
	}
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(head[strings.IndexByte(head, '{')+1:]), "}"))
	if err != nil {
		return fmt.Errorf("imap %s: %q: %w", a.Address, head, err)
	}
	got := make([]byte, n)
	if _, err := io.ReadFull(c, got); err != nil {
		return fmt.Errorf("imap %s: %w", a.Address, err)
	}
	fmt.Fprintf(c, "a4 LOGOUT\r\n")
	return sameMessage("imap "+a.Address, string(got), want)
}

// sameMessage checks that got is want after the lab's trace lines.
func sameMessage(who, got string, want []byte) error {
	i := strings.Index(got, "\r\nFrom: soak@")
	if !strings.HasPrefix(got, "Return-Path: <soak@mailsim.test>\r\nReceived: ") || i < 0 {
		return fmt.Errorf("%s: not the lab's trace and then the message: %.200q", who, got)
	}
	if sha256.Sum256([]byte(got[i+2:])) != sha256.Sum256(want) {
		return fmt.Errorf("%s: the message's octets changed on the way", who)
	}
	return nil
}

// soakConn is one raw session of the soak test.
type soakConn struct {
	net.Conn
	*bufio.Reader
}

func soakDial(addr net.Addr) (soakConn, error) {
	c, err := net.Dial("tcp", addr.String())
	if err != nil {
		return soakConn{}, err
	}
	_ = c.SetDeadline(time.Now().Add(time.Minute))
	return soakConn{c, bufio.NewReader(c)}, nil
}

func (c soakConn) Read(p []byte) (int, error) { return c.Reader.Read(p) }

// expect reads a line and checks its start.
func (c soakConn) expect(prefix string) (string, error) {
	l, err := c.ReadString('\n')
	if err != nil {
		return l, err
	}
	if !strings.HasPrefix(l, prefix) {
		return l, fmt.Errorf("got %q, want %q", l, prefix)
	}
	return l, nil
}

// rss is the process's resident set size, from /proc/self/status.
func rss() string {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
