package imap

// State is an IMAP server state as RFC 3501 §3 names them, plus the moment
// before the greeting. These are exactly the states the UI's state diagram
// draws.
type State int

// The server states, in the order a session passes through them.
const (
	// Connected: the TCP connection is open and the greeting not yet sent.
	Connected State = iota
	// NotAuthenticated: the client must log in (LOGIN, AUTHENTICATE).
	NotAuthenticated
	// Authenticated: the client works on folders (LIST, CREATE, STATUS,
	// APPEND...) and must SELECT one before touching its messages.
	Authenticated
	// Selected: a folder is open; FETCH, STORE, SEARCH, COPY and EXPUNGE
	// work on its messages.
	Selected
	// Logout: the session has ended (LOGOUT, a fatal error, or the
	// connection is gone); the machine accepts nothing more.
	Logout
)

// States lists every server state, for the state diagram and for tests.
var States = []State{Connected, NotAuthenticated, Authenticated, Selected, Logout}

// String returns the state's name, which is also the suffix of its
// explanation key.
func (s State) String() string {
	switch s {
	case Connected:
		return "Connected"
	case NotAuthenticated:
		return "NotAuthenticated"
	case Authenticated:
		return "Authenticated"
	case Selected:
		return "Selected"
	case Logout:
		return "Logout"
	}
	return "Invalid"
}

// Key returns the state's explanation key, "imap.state.<name>".
func (s State) Key() string { return "imap.state." + s.String() }
