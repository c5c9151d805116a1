package wire

import (
	"net"
	"time"
)

// Protocol is a line-based server protocol that Server can put on a socket.
// The adapters SMTP and POP3 make one from each of mailsim's server machines.
type Protocol interface {
	// Name is the protocol's short name, "smtp" or "pop3", as events carry it.
	Name() string
	// NewSession starts the machine for one accepted connection.
	NewSession(p Peer) Session
	// Refusal is the reply sent instead of a greeting when the server
	// already holds Options.MaxConns connections.
	Refusal() Reply
	// IdleTimeout is how long the server waits for a line by default.
	IdleTimeout() time.Duration
}

// Session is one connection's server machine, seen the same way whatever
// the protocol. Its methods are only ever called from the connection's own
// goroutine.
type Session interface {
	Greet() Result
	// Feed takes one line without its ending; the session keeps nothing of it.
	Feed(line []byte) Result
	// Limit is the longest line the machine accepts in its current state,
	// ending included, and whether only CRLF may end that line.
	Limit() (max int, crlfOnly bool)
	// Timeout is what to say when the client has been silent too long.
	Timeout() Result
	// Shutdown is what to say when the server stops with the session open.
	Shutdown() Result
	// Drop tells the machine that the connection is gone, whatever the
	// reason: an unfinished transaction is abandoned, nothing is deleted.
	Drop()
	// State is the machine's state name, as its state diagram draws it.
	State() string
}

// Peer identifies one accepted connection.
type Peer struct {
	ID     uint64   // 1, 2, 3, ... in the order the server accepted them
	Remote net.Addr // the client's address
}

// Reply is one reply of a machine, as it goes on the wire.
type Reply struct {
	Lines []string // the lines without CRLF; a POP3 multi-line answer ends with "."
	Code  int      // SMTP reply code; 0 for POP3
	Key   string   // explanation key, such as "smtp.reply.250" or "pop3.ok.retr"
}

// LineKind says what an input line was to the machine.
type LineKind int

// The kinds of input line.
const (
	Command LineKind = iota // a command, or a SASL response line
	Text                    // a line of SMTP message text, answered by nothing
	TextEnd                 // the "." that ends SMTP message text, answered by the verdict
)

// Result is a session's answer to one input line or one event.
type Result struct {
	Input   LineKind // what the fed line was; Command for Greet, Timeout and Shutdown
	Key     string   // explanation key of the fed line; "" for Greet, Timeout and Shutdown
	Replies []Reply  // what to send, in order
	Close   bool     // close the connection once Replies are sent
}
