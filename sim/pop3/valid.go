package pop3

// validCommands are the verbs the server handles in each state (RFC 1939
// §4 and §5, with CAPA, APOP, AUTH and STLS), the usual next step first. A known
// verb left out here is answered "not valid in this state".
var validCommands = map[State][]string{
	Authorization: {"USER", "PASS", "APOP", "AUTH", "CAPA", "STLS", "UTF8", "QUIT"},
	Transaction:   {"STAT", "LIST", "RETR", "DELE", "TOP", "UIDL", "NOOP", "RSET", "CAPA", "QUIT"},
}

// Commands returns the verbs valid in state s, in the order a console's
// hint line shows them. It returns none before the greeting and once the
// session has ended (Update, Closed), where every line gets -ERR.
func Commands(s State) []string {
	return append([]string(nil), validCommands[s]...)
}
