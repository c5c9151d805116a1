package pop3

// ClientState is what the client machine is waiting for. The client sends
// one command at a time, so each state names the answer it awaits.
type ClientState int

// The client states, in the order a session passes through them.
const (
	AwaitGreeting ClientState = iota // connected, waiting for the server's greeting
	AwaitUser                        // sent USER
	AwaitPass                        // sent PASS
	AwaitAPOP                        // sent APOP
	AwaitStat                        // sent STAT
	AwaitList                        // sent LIST, reading the scan listing
	AwaitRetr                        // sent RETR, reading the message
	AwaitDele                        // sent DELE
	AwaitQuit                        // sent QUIT
	Done                             // the session ended as planned
	Failed                           // the session ended with an error (see Client.Err)
)

// ClientStates lists every client state, for the state diagram and tests.
var ClientStates = []ClientState{
	AwaitGreeting, AwaitUser, AwaitPass, AwaitAPOP, AwaitStat, AwaitList,
	AwaitRetr, AwaitDele, AwaitQuit, Done, Failed,
}

// String returns the state's name, which is also the suffix of its
// explanation key "pop3.state.<name>".
func (s ClientState) String() string {
	switch s {
	case AwaitGreeting:
		return "AwaitGreeting"
	case AwaitUser:
		return "AwaitUser"
	case AwaitPass:
		return "AwaitPass"
	case AwaitAPOP:
		return "AwaitAPOP"
	case AwaitStat:
		return "AwaitStat"
	case AwaitList:
		return "AwaitList"
	case AwaitRetr:
		return "AwaitRetr"
	case AwaitDele:
		return "AwaitDele"
	case AwaitQuit:
		return "AwaitQuit"
	case Done:
		return "Done"
	case Failed:
		return "Failed"
	}
	return "Invalid"
}
