package wire

import "mailsim/sim/machine"

// Observer is told everything that happens on a server's connections, so
// that a live world can show it. It is called synchronously from the
// connection's goroutine (the accept loop's for a refused connection), so the
// calls of one connection come in order; it must be safe for concurrent use
// by many connections, and must return quickly, because the connection waits.
type Observer func(Observation)

// Happening says which moment of a connection an Observation reports.
type Happening int

// The moments of a connection.
const (
	// Connected: the connection was accepted and greeted; Replies holds the
	// greeting, or the refusal when Refused.
	Connected Happening = iota
	// LineFed: a line (or literal octets) was fed to the machine; Line,
	// Input and Key describe it and Replies holds the answer (none for a
	// text line).
	LineFed
	// News: the machine told the client of news unasked (IMAP's EXISTS
	// during IDLE); Replies holds it.
	News
	// Disconnected: the connection is closed and the machine dropped;
	// Replies holds what was said on the way out (SMTP's 421 on a timeout
	// or shutdown), Reason says why.
	Disconnected
	// TLSStarted: the TLS handshake after STARTTLS (or STLS) succeeded;
	// Line names the version and cipher suite agreed ("TLS 1.3
	// TLS_AES_128_GCM_SHA256"), Key is KeyTLSStart, Discarded counts the octets the client had
	// sent after the command, forgotten unread. From here on every
	// Observation of the connection has TLS set.
	TLSStarted
)

// Observation is one moment of one connection.
type Observation struct {
	What    Happening
	Peer    Peer
	Proto   string          // the Protocol's Name
	Line    []byte          // LineFed: the line as fed, valid only during the call
	Long    bool            // LineFed: the line was over the limit and Line holds its start
	Input   machine.Input   // LineFed: what the line was to the machine
	Key     string          // LineFed: explanation key of the line
	Replies []machine.Reply // what the server sent at this moment
	State   string          // the machine's state afterwards; "" for a refused connection
	Refused bool            // Connected and Disconnected: turned away beyond MaxConns
	Reason  Reason          // Disconnected: why the connection ended
	// TLS says the moment happened inside TLS: what the line or reply
	// shows is what the server decrypted, while the wire carried records
	// no eavesdropper can read.
	TLS       bool
	Discarded int // TLSStarted: octets sent after STARTTLS, never fed to the machine
}

// Reason says why a connection ended.
type Reason int

// The reasons a connection ends.
const (
	Ended    Reason = iota // the machine closed after its reply (QUIT, too many errors)
	Hangup                 // the client closed the connection first
	Timeout                // the client stayed silent past the idle timeout
	Shutdown               // the server stopped
	Refused                // beyond MaxConns, never served
	Failed                 // a read or write failed (a reset, a client that stopped reading)
)

var reasonNames = [...]string{"ended", "hangup", "timeout", "shutdown", "refused", "failed"}

// String returns the reason's stable name, e.g. "timeout".
func (r Reason) String() string {
	if r < 0 || int(r) >= len(reasonNames) {
		return "invalid"
	}
	return reasonNames[r]
}
