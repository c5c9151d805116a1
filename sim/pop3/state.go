package pop3

// State is a POP3 server state as RFC 1939 names them, plus the moments
// before the greeting and after the connection is gone. These are exactly
// the states the UI's state diagram draws.
type State int

// The server states, in the order a session passes through them.
const (
	// Connected: the TCP connection is open and the greeting not yet sent.
	Connected State = iota
	// Authorization: the client must identify itself (USER/PASS, APOP, AUTH).
	Authorization
	// Transaction: the maildrop is locked and the client works on its messages.
	Transaction
	// Update: after QUIT from Transaction the server has removed the messages
	// marked as deleted and released the lock; it stays here until the
	// connection is closed (Drop), so that the diagram can show this phase.
	Update
	// Closed: the connection is gone; the machine accepts nothing more.
	Closed
)

// States lists every server state, for the state diagram and for tests.
var States = []State{Connected, Authorization, Transaction, Update, Closed}

// String returns the state's name, which is also the suffix of its
// explanation key "pop3.state.<name>".
func (s State) String() string {
	switch s {
	case Connected:
		return "Connected"
	case Authorization:
		return "Authorization"
	case Transaction:
		return "Transaction"
	case Update:
		return "Update"
	case Closed:
		return "Closed"
	}
	return "Invalid"
}
