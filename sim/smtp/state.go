package smtp

// State is a server state. The values are exactly the boxes of the SMTP state
// diagram the UI draws, so String gives stable names that events carry.
type State int

// The server states, in diagram order.
const (
	Connected State = iota // TCP open, greeting not yet sent
	Greeted                // 220 sent, waiting for HELO/EHLO (MAIL allowed too unless RequireHelo, as Postfix does: the lecture's transcript sends "mail from:" right after 220)
	Ready                  // HELO/EHLO accepted (or transaction finished/reset), waiting for MAIL
	MailFrom               // MAIL FROM accepted, waiting for RCPT
	RcptTo                 // at least one RCPT accepted, waiting for more RCPT or DATA
	Data                   // 354 sent, reading message text until <CRLF>.<CRLF>
	Closed                 // 221 or 421 sent; the connection ends
)

// States lists every server state in diagram order.
var States = []State{Connected, Greeted, Ready, MailFrom, RcptTo, Data, Closed}

var stateNames = [...]string{"Connected", "Greeted", "Ready", "MailFrom", "RcptTo", "Data", "Closed"}

// String returns the state's stable name, e.g. "MailFrom".
func (s State) String() string {
	if s < 0 || int(s) >= len(stateNames) {
		return "Invalid"
	}
	return stateNames[s]
}

// Key returns the explanation key "smtp.state.MailFrom".
func (s State) Key() string { return "smtp.state." + s.String() }

// ClientState is a client state: what the client has sent and is waiting
// for. These are the boxes of the client side of the state diagram.
type ClientState int

// The client states, in the order a successful transaction visits them.
const (
	WaitGreeting ClientState = iota // connected, waiting for the server's 220
	WaitHelo                        // HELO or EHLO sent
	WaitMail                        // MAIL FROM sent
	WaitRcpt                        // a RCPT TO sent
	WaitData                        // DATA sent, waiting for 354
	WaitDataEnd                     // message text and "." sent, waiting for the verdict
	WaitQuit                        // QUIT sent, waiting for 221
	Done                            // finished; the connection can be closed
)

// ClientStates lists every client state in diagram order.
var ClientStates = []ClientState{WaitGreeting, WaitHelo, WaitMail, WaitRcpt, WaitData, WaitDataEnd, WaitQuit, Done}

var clientStateNames = [...]string{"WaitGreeting", "WaitHelo", "WaitMail", "WaitRcpt", "WaitData", "WaitDataEnd", "WaitQuit", "Done"}

// String returns the state's stable name, e.g. "WaitRcpt".
func (s ClientState) String() string {
	if s < 0 || int(s) >= len(clientStateNames) {
		return "Invalid"
	}
	return clientStateNames[s]
}

// Key returns the explanation key "smtp.state.WaitRcpt".
func (s ClientState) Key() string { return "smtp.state." + s.String() }
