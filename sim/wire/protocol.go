package wire

import (
	"net"
	"time"

	"mailsim/sim/machine"
)

// Protocol is a server protocol that Server can put on a socket: any of
// mailsim's server machines, with what the socket adds to it. SMTP, POP3
// and IMAP make one each.
type Protocol struct {
	// Name is the protocol's short name, "smtp", "pop3" or "imap", as
	// events carry it.
	Name string
	// New starts the machine for one accepted connection.
	New func(Peer) machine.Server
	// Refusal is the reply sent instead of a greeting when the server
	// already holds Options.MaxConns connections.
	Refusal machine.Reply
	// Idle is how long the server waits for a line by default.
	Idle time.Duration
	// Early is the reply to a client that talks before the greeting, when
	// Options.Pregreet listens for one; none (no lines): no pregreet test.
	Early machine.Reply
}

// Peer identifies one accepted connection.
type Peer struct {
	ID     uint64   // 1, 2, 3, ... in the order the server accepted them
	Remote net.Addr // the client's address
}
