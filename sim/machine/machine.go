// Package machine is the one shape of mailsim's protocol server machines:
// SMTP, POP3 and IMAP each implement Server, so that the real-socket adapter
// (sim/wire), the browser console and tests drive any of them the same way.
// It is a leaf: it imports nothing of mailsim, so that every protocol
// package can import it without reaching the world, the web or the lab.
package machine

import "time"

// Server is one session's server machine. A machine never touches a
// socket, a goroutine or a clock; its owner calls these methods from one
// goroutine at a time.
type Server interface {
	// Greet starts the session and returns the greeting.
	Greet() Output
	// Feed takes one input without its line ending: a line, or, while the
	// last Output asked for a literal, up to that many literal octets.
	// The machine keeps nothing of in after it returns.
	Feed(in []byte) Output
	// Limit is the longest line the machine accepts in its current state,
	// ending included, and whether only CRLF may end that line.
	Limit() (max int, crlfOnly bool)
	// Timeout is what to say when the client has been silent too long.
	Timeout() Output
	// Shutdown is what to say when the server stops with the session open.
	Shutdown() Output
	// Drop tells the machine that the connection is gone, whatever the
	// reason: an unfinished transaction is abandoned, nothing is deleted.
	Drop()
	// State is the machine's state name, as its state diagram draws it.
	State() string
}

// Waiter is a Server that may have news to tell while it waits for the
// client, as IMAP does in IDLE (RFC 2177): Wake returns a channel that is
// closed when there may be news, or nil when the machine is not waiting,
// and News returns what to send then. The owner calls Wake after every
// Output, and News (from its own goroutine) after the channel closes.
type Waiter interface {
	Server
	Wake() <-chan struct{}
	News() Output
}

// Input says what a fed input was to the machine.
type Input int

// The kinds of input.
const (
	Command Input = iota // a command, or a SASL response line
	Text                 // a line of SMTP message text, answered by nothing
	TextEnd              // the "." that ends SMTP message text, answered by the verdict
	Literal              // octets of an IMAP literal
)

// Reply is one reply of a machine, as it goes on the wire.
type Reply struct {
	Lines  []string // the lines without CRLF; a POP3 multi-line answer ends with ".", an IMAP literal's octets are among them
	Code   int      // SMTP reply code; 0 for POP3 and IMAP
	Status string   // POP3's "+OK" or "-ERR", IMAP's tagged "OK", "NO", "BAD" (or "+" for a continuation, "BYE"); "" for SMTP
	Key    string   // explanation key of the situation, such as "smtp.reply.250" or "pop3.ok.retr"
}

// Output is a machine's answer to one input or one event.
type Output struct {
	Input   Input   // what the fed input was; Command for Greet, Timeout, Shutdown and News
	Key     string  // explanation key of the fed input; "" for Greet, Timeout, Shutdown and News
	Replies []Reply // what to send, in order
	State   string  // the machine's state after the input
	Literal int     // octets of an IMAP literal to read next, fed raw; 0 otherwise
	Close   bool    // close the connection once Replies are sent
	// StartTLS asks the adapter to send Replies in clear and then start
	// TLS as the server on the same connection (SMTP's STARTTLS, RFC 3207;
	// POP3's STLS and IMAP's STARTTLS, RFC 2595). Whatever the client sent
	// after the command and before the handshake is discarded, never fed:
	// a server that kept such bytes would answer, inside TLS, commands
	// injected in clear (CVE-2011-0411). The machine takes the upgrade as
	// done and goes on as a new, encrypted session; when the handshake
	// fails the adapter closes the connection and drops the machine. An
	// owner that cannot upgrade (the browser console) never configures a
	// machine to offer TLS, so it never sees this set.
	StartTLS bool

	// Delay asks the owner to wait this long before it sends Replies, as
	// after a failed login; the machine has no clock, its owner does.
	Delay time.Duration
}
