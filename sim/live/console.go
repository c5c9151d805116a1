package live

import (
	"errors"
	"strconv"
	"sync"
	"time"

	"mailsim/sim"
	"mailsim/sim/machine"
	"mailsim/sim/wire"
)

// consoleNetwork is the network of a console session's peer address: the
// machine runs in this process and the lines come from a browser page, not
// from a socket.
const consoleNetwork = "console"

// consoleAddr is the peer address of console session n, "console:n", which
// names the client in events and in the Received line of its mail.
type consoleAddr uint64

func (a consoleAddr) Network() string { return consoleNetwork }
func (a consoleAddr) String() string  { return consoleNetwork + ":" + strconv.FormatUint(uint64(a), 10) }

// maxConsoles caps the console sessions open at once, as wire.Options
// caps a port's connections: each one holds a machine, and a POP3 one may
// hold a maildrop's lock.
const maxConsoles = 100

// Errors of Console.
var (
	ErrConsoleProto = errors.New(`lab: a console speaks "smtp" or "pop3"`)
	ErrConsoleBusy  = errors.New("live: too many console sessions open")
)

// Exchange is what one step of a console session did: the machine's
// answer, and the events the live lab published for it. The console shows
// its session as this view of the live stream, numbered in the lab's one
// sequence, so that a line typed in the browser is the same event on the
// page that typed it and on /live.
type Exchange struct {
	machine.Output
	Events []sim.Event
}

// ConsoleSession is one session with the lab's SMTP, POP3 or IMAP server typed
// in the browser instead of telnet. It runs the same machine on the same
// mailboxes as the real ports, and its lines reach the live lab's events as
// a real connection's do, with the client shown as "console:<n>". Its
// methods are safe for concurrent use.
type ConsoleSession struct {
	l    *Lab
	svc  *service
	peer wire.Peer

	mu      sync.Mutex
	sess    machine.Server
	closed  bool
	literal int // octets of an IMAP literal the machine waits for
}

// Console opens a session with the lab's server for proto, "smtp" or
// "pop3". Call Greet first and Close at the end.
func (l *Lab) Console(proto string) (*ConsoleSession, error) {
	svc, ok := l.consoles[proto]
	if !ok {
		return nil, ErrConsoleProto
	}
	if l.consoleCount.Add(1) > maxConsoles {
		l.consoleCount.Add(-1)
		return nil, ErrConsoleBusy
	}
	peer := wire.Peer{ID: l.consoleIDs.Add(1)}
	peer.Remote = consoleAddr(peer.ID)
	return &ConsoleSession{l: l, svc: svc, peer: peer, sess: svc.proto.New(peer)}, nil
}

// Client is the session's client agent ID in events, "console:3".
func (c *ConsoleSession) Client() string { return c.peer.Remote.String() }

// Server is the agent ID of the server it talks to, SMTPAgent or POP3Agent.
func (c *ConsoleSession) Server() string { return c.svc.agent }

// Proto is "smtp", "pop3" or "imap".
func (c *ConsoleSession) Proto() string { return c.svc.proto.Name }

// Idle is how long the session may wait for a line before the caller should
// end it with Timeout: the real port's idle timeout, so that a forgotten
// browser tab holds a POP3 maildrop no longer than telnet could.
func (c *ConsoleSession) Idle() time.Duration {
	if d := c.l.cfg.Wire.IdleTimeout; d > 0 {
		return d
	}
	return c.svc.proto.Idle
}

// State is the machine's state name, as its state diagram draws it.
func (c *ConsoleSession) State() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.sess.State()
}

// Closed reports whether the session has ended.
func (c *ConsoleSession) Closed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closed
}

// Greet returns the server's greeting.
func (c *ConsoleSession) Greet() Exchange {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return Exchange{Output: machine.Output{Close: true}}
	}
	r := c.sess.Greet()
	return Exchange{r, c.svc.record(wire.Observation{What: wire.Connected, Peer: c.peer, Proto: c.Proto(),
		Replies: r.Replies, State: c.sess.State()})}
}

// Feed hands the machine one typed line, without its ending, and returns
// its answer. A line over the machine's limit is cut as the real port's
// line reader cuts it, so that the machine refuses it with its own error.
// While an IMAP literal is pending the line (with its CRLF) is literal
// octets, as machine.FeedLine says, and the answers are joined. When the
// answer closes the session (QUIT, LOGOUT, too many errors) the session
// ends as a real connection would; later lines get an empty closing result.
func (c *ConsoleSession) Feed(line string) Exchange {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return Exchange{Output: machine.Output{Close: true}}
	}
	b := []byte(line)
	max, _ := c.sess.Limit()
	long := c.literal == 0 && len(b)+2 > max
	if long {
		b = b[:max-1]
	}
	var r Exchange
	for i, f := range machine.FeedLine(c.sess, b, c.literal) {
		r.Events = append(r.Events, c.svc.record(wire.Observation{What: wire.LineFed, Peer: c.peer, Proto: c.Proto(),
			Line: f.In, Long: long, Input: f.Out.Input, Key: f.Out.Key, Replies: f.Out.Replies, State: f.Out.State})...)
		if i == 0 {
			r.Input, r.Key = f.Out.Input, f.Out.Key
		}
		r.Replies = append(r.Replies, f.Out.Replies...)
		r.State, r.Literal, r.Close = f.Out.State, f.Out.Literal, f.Out.Close
	}
	c.literal = r.Literal
	if r.Close {
		r.Events = append(r.Events, c.end(wire.Ended, nil)...)
	}
	return r
}

// Timeout ends a session that stayed silent past Idle, with the machine's
// last words (SMTP's 421; POP3 says nothing and deletes nothing).
func (c *ConsoleSession) Timeout() Exchange {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return Exchange{Output: machine.Output{Close: true}}
	}
	r := c.sess.Timeout()
	return Exchange{r, c.end(wire.Timeout, r.Replies)}
}

// Close ends the session as a client that hangs up: an unfinished
// transaction is abandoned and nothing is deleted. It does nothing to a
// session that has already ended.
func (c *ConsoleSession) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.closed {
		c.end(wire.Hangup, nil)
	}
}

// end drops the machine and reports the disconnection, as the wire does
// when a connection ends, returning its events; c.mu is held.
func (c *ConsoleSession) end(why wire.Reason, last []machine.Reply) []sim.Event {
	c.closed = true
	c.sess.Drop()
	c.l.consoleCount.Add(-1)
	return c.svc.record(wire.Observation{What: wire.Disconnected, Peer: c.peer, Proto: c.Proto(), Replies: last,
		State: c.sess.State(), Reason: why})
}
