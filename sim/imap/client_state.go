package imap

// ClientState is what the client machine is waiting for. The client sends
// one command at a time, so each state names the answer it awaits.
type ClientState int

// The client states, in the order a session passes through them.
const (
	AwaitGreeting ClientState = iota // connected, waiting for "* OK"
	AwaitLogin                       // sent LOGIN
	AwaitSelect                      // sent SELECT
	AwaitSearch                      // sent UID SEARCH UNSEEN, collecting "* SEARCH"
	AwaitFetch                       // sent UID FETCH, collecting the message
	AwaitStore                       // sent UID STORE +FLAGS.SILENT (\Deleted)
	AwaitExpunge                     // sent EXPUNGE
	AwaitLogout                      // sent LOGOUT
	Done                             // the session ended as planned
	Failed                           // the session ended with an error (see Client.Err)
)

// ClientStates lists every client state, for the state diagram and tests.
var ClientStates = []ClientState{
	AwaitGreeting, AwaitLogin, AwaitSelect, AwaitSearch, AwaitFetch,
	AwaitStore, AwaitExpunge, AwaitLogout, Done, Failed,
}

// String returns the state's name, which is also the suffix of its
// explanation key.
func (s ClientState) String() string {
	switch s {
	case AwaitGreeting:
		return "AwaitGreeting"
	case AwaitLogin:
		return "AwaitLogin"
	case AwaitSelect:
		return "AwaitSelect"
	case AwaitSearch:
		return "AwaitSearch"
	case AwaitFetch:
		return "AwaitFetch"
	case AwaitStore:
		return "AwaitStore"
	case AwaitExpunge:
		return "AwaitExpunge"
	case AwaitLogout:
		return "AwaitLogout"
	case Done:
		return "Done"
	case Failed:
		return "Failed"
	}
	return "Invalid"
}

// Key returns the state's explanation key, "imap.state.<name>".
func (s ClientState) Key() string { return "imap.state." + s.String() }
