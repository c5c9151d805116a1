package smtp

// validCommands are the verbs a client may send to good effect in each
// state, the step forward first, then the ones that reset, ask or leave. A
// console's hint line shows them, so that a student typing by hand sees
// what the server expects next. Known verbs left out here are answered 503
// in that state (bad sequence) or 502 in every state (not offered).
var validCommands = map[State][]string{
	// MAIL straight after the greeting, as Postfix allows it and the
	// lecture's telnet session does; a server with RequireHelo says 503.
	Greeted:  {"HELO", "EHLO", "MAIL", "RSET", "NOOP", "VRFY", "EXPN", "HELP", "QUIT"},
	Ready:    {"MAIL", "HELO", "EHLO", "RSET", "NOOP", "VRFY", "EXPN", "HELP", "QUIT"},
	MailFrom: {"RCPT", "RSET", "HELO", "EHLO", "NOOP", "VRFY", "EXPN", "HELP", "QUIT"},
	RcptTo:   {"RCPT", "DATA", "RSET", "HELO", "EHLO", "NOOP", "VRFY", "EXPN", "HELP", "QUIT"},
}

// Commands returns the verbs valid in state s, in the order a hint shows
// them. It returns none before the greeting, while the message text is read
// (Data: every line is text until the lone ".") and once the session is
// closed.
func Commands(s State) []string {
	return append([]string(nil), validCommands[s]...)
}
