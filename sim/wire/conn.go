package wire

import (
	"bufio"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"os"
	"runtime/debug"
	"sync/atomic"
	"time"

	"mailsim/sim/machine"
)

// Lingering close: how long and how much the server still reads after
// its last reply before it closes.
const (
	lingerTimeout = time.Second
	lingerMax     = 64 << 10
)

// conn is one served connection. Only its own goroutine touches it, except
// interrupt and the final Close that Shutdown may call.
type conn struct {
	s    *Server
	nc   net.Conn
	tc   *tls.Conn // the TLS over nc once STARTTLS or STLS succeeded, else nil
	peer Peer
	lr   *lineReader
	w    *bufio.Writer
	// armed says the read deadline is set for the line being read. It is
	// set at the line's first read of the socket, not for every line, so
	// that lines already in the buffer (most of a message's) cost no timer.
	armed bool
	// woken says that a waiting machine's news signal fired; the read it
	// interrupted resumes after the news is sent.
	woken atomic.Bool
}

func newConn(s *Server, nc net.Conn, peer Peer) *conn {
	c := &conn{s: s, nc: nc, peer: peer}
	c.w = bufio.NewWriter(deadlineWriter{nc, s.opt.WriteTimeout})
	c.lr = newLineReader(flushReader{c})
	return c
}

// interrupt wakes the goroutine from a blocked read so that it notices the
// shutdown. The goroutine checks for the shutdown after arming its own
// deadline, so it cannot miss it whatever the order.
func (c *conn) interrupt() { _ = c.nc.SetReadDeadline(time.Now()) }

// serve runs the session to its end. A panic in a machine ends this
// connection only, not every student's. The machine is dropped before the
// lingering close, so that a POP3 maildrop is unlocked at once.
func (c *conn) serve() {
	defer c.s.wg.Done()
	var sess machine.Server
	reason, last := Failed, []machine.Reply(nil)
	defer func() {
		if p := recover(); p != nil {
			c.s.opt.Log.Error("session panicked", "proto", c.s.proto.Name, "peer", c.peer.ID, "panic", p, "stack", string(debug.Stack()))
		}
		state := ""
		if sess != nil {
			sess.Drop()
			state = sess.State()
		}
		if reason == Ended || reason == Timeout || reason == Shutdown {
			c.linger()
		}
		_ = c.nc.Close()
		c.s.mu.Lock()
		delete(c.s.conns, c)
		c.s.mu.Unlock()
		c.s.observe(Observation{What: Disconnected, Peer: c.peer, Proto: c.s.proto.Name,
			Replies: last, State: state, Reason: reason, TLS: c.tc != nil})
	}()
	sess = c.s.proto.New(c.peer)
	reason, last = c.run(sess)
}

// run greets and then feeds lines, or literal octets when the machine
// asks for them, until the session or the connection ends. It returns why,
// and what the server said on the way out.
func (c *conn) run(sess machine.Server) (Reason, []machine.Reply) {
	if early := c.s.proto.Early; c.s.opt.Pregreet > 0 && len(early.Lines) > 0 {
		switch c.pregreet() {
		case talked:
			replies := []machine.Reply{early}
			c.s.observe(Observation{What: Connected, Peer: c.peer, Proto: c.s.proto.Name, Replies: replies, State: sess.State()})
			return c.leave(machine.Output{Replies: replies, Close: true}, Ended)
		case left:
			return Hangup, nil
		}
	}
	greet := sess.Greet()
	c.s.observe(Observation{What: Connected, Peer: c.peer, Proto: c.s.proto.Name, Replies: greet.Replies, State: greet.State})
	c.queue(greet.Replies)
	waiter, _ := sess.(machine.Waiter)
	literal := 0
	for {
		if c.s.stopping.Load() {
			return c.leave(sess.Shutdown(), Shutdown)
		}
		c.armed = false
		unwatch := c.watch(waiter)
		var in []byte
		var long bool
		var err error
		if literal > 0 {
			in, err = c.lr.raw(literal)
		} else {
			max, crlfOnly := sess.Limit()
			in, long, err = c.lr.next(max, crlfOnly)
		}
		unwatch()
		var werr writeError
		switch {
		case err == nil:
		case c.s.stopping.Load():
			return c.leave(sess.Shutdown(), Shutdown)
		case errors.As(err, &werr):
			return Failed, nil
		case (errors.Is(err, errWoken) || errors.Is(err, os.ErrDeadlineExceeded)) && c.woken.Swap(false):
			news := waiter.News()
			if len(news.Replies) > 0 {
				c.s.observe(Observation{What: News, Peer: c.peer, Proto: c.s.proto.Name, Replies: news.Replies, State: news.State, TLS: c.tc != nil})
			}
			c.queue(news.Replies)
			continue
		case errors.Is(err, os.ErrDeadlineExceeded):
			return c.leave(sess.Timeout(), Timeout)
		default: // EOF or reset: the client went away
			return Hangup, nil
		}
		res := sess.Feed(in)
		literal = res.Literal
		if c.s.opt.Observer != nil {
			c.s.opt.Observer(Observation{What: LineFed, Peer: c.peer, Proto: c.s.proto.Name, Line: in, Long: long,
				Input: res.Input, Key: res.Key, Replies: res.Replies, State: res.State, TLS: c.tc != nil})
		}
		if res.Delay > 0 {
			if c.w.Flush() != nil {
				return Failed, nil
			}
			c.s.pause(res.Delay)
		}
		c.queue(res.Replies)
		if res.Close {
			if c.w.Flush() != nil {
				return Failed, nil
			}
			return Ended, nil
		}
		if res.StartTLS {
			discarded, err := c.startTLS()
			if err != nil {
				c.s.opt.Log.Info("TLS handshake failed", "proto", c.s.proto.Name, "peer", c.peer.ID, "err", err)
				return Failed, nil
			}
			c.s.observe(Observation{What: TLSStarted, Peer: c.peer, Proto: c.s.proto.Name, State: res.State,
				Line: c.tlsSummary(), Key: KeyTLSStart, TLS: true, Discarded: discarded})
			literal = 0
		}
	}
}

// watch waits, beside the read, for a waiting machine's news signal, and
// interrupts the read when it comes. The returned function ends the wait.
func (c *conn) watch(w machine.Waiter) (unwatch func()) {
	if w == nil {
		return func() {}
	}
	wake := w.Wake()
	if wake == nil {
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		select {
		case <-wake:
			c.woken.Store(true)
			c.interrupt()
		case <-done:
		}
	}()
	return func() { close(done) }
}

// leave sends the session's last words and reports reason with them.
func (c *conn) leave(res machine.Output, reason Reason) (Reason, []machine.Reply) {
	c.queue(res.Replies)
	if c.w.Flush() != nil {
		return Failed, res.Replies
	}
	return reason, res.Replies
}

// queue buffers replies; they go out when the server next waits for input
// or closes, so pipelined commands are answered in one write. A write error
// is sticky in the buffer and surfaces at that flush.
func (c *conn) queue(replies []machine.Reply) {
	for _, r := range replies {
		for _, l := range r.Lines {
			_, _ = c.w.WriteString(l)
			_, _ = c.w.WriteString("\r\n")
		}
	}
}

// linger half-closes the connection and reads what the client still sends
// for a moment. Closing a socket with unread input resets the connection,
// and a reset can destroy the last reply (221, or the 421 of a timeout or
// shutdown) before the client has read it; a client that was still
// pipelining commands when the server decided to close is common.
func (c *conn) linger() {
	if c.tc != nil { // close_notify first, so the client sees TLS end cleanly
		_ = c.tc.CloseWrite()
	}
	tc, ok := c.nc.(interface{ CloseWrite() error })
	if !ok || tc.CloseWrite() != nil {
		return
	}
	_ = c.nc.SetReadDeadline(time.Now().Add(lingerTimeout))
	_, _ = io.CopyN(io.Discard, c.nc, lingerMax)
}

// flushReader sends the buffered replies before every read of the socket:
// bufio asks for more input only when it has no whole line left, which is
// exactly when the client may be waiting for our answer. It also arms the
// idle timeout for the line being read.
type flushReader struct{ c *conn }

func (f flushReader) Read(p []byte) (int, error) {
	c := f.c
	if c.w.Buffered() > 0 {
		if err := c.w.Flush(); err != nil {
			return 0, writeError{err}
		}
	}
	if !c.armed {
		_ = c.nc.SetReadDeadline(time.Now().Add(c.s.opt.IdleTimeout))
		c.armed = true
		if c.s.stopping.Load() {
			return 0, errStopping
		}
		if c.woken.Load() {
			return 0, errWoken
		}
	}
	return c.rw().Read(p)
}

// errStopping ends a read that would begin after Shutdown, and errWoken
// one that would begin after a waiting machine's news signal.
var (
	errStopping = errors.New("wire: server stopping")
	errWoken    = errors.New("wire: news to send")
	errNoTLS    = errors.New("wire: the machine asked for TLS but the server has no TLS configuration")
)

// writeError marks a failed flush that surfaced inside a read, so that a
// write timeout is not taken for an idle client.
type writeError struct{ err error }

func (e writeError) Error() string { return "write: " + e.err.Error() }
func (e writeError) Unwrap() error { return e.err }

// deadlineWriter gives every write to the socket its own deadline.
type deadlineWriter struct {
	nc      net.Conn
	timeout time.Duration
}

func (d deadlineWriter) Write(p []byte) (int, error) {
	_ = d.nc.SetWriteDeadline(time.Now().Add(d.timeout))
	return d.nc.Write(p)
}
