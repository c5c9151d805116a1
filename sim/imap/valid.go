package imap

import "slices"

// verbOrder lists every command the server handles in the order a
// console's hint line shows them: the usual next step first, then the
// rest, the commands valid in every state last.
var verbOrder = []string{
	"LOGIN", "AUTHENTICATE", "STARTTLS",
	"FETCH", "SEARCH", "STORE", "COPY", "MOVE", "EXPUNGE", "UID", "CLOSE", "CHECK",
	"SELECT", "EXAMINE", "LIST", "STATUS", "CREATE", "RENAME", "DELETE", "APPEND",
	"SUBSCRIBE", "UNSUBSCRIBE", "LSUB", "IDLE", "ENABLE",
	"CAPABILITY", "NOOP", "LOGOUT",
}

// Commands returns the verbs valid in state s, in the order a console's
// hint line shows them. It returns none before the greeting and once the
// session has ended.
func Commands(s State) []string {
	var out []string
	for _, v := range verbOrder {
		if slices.Contains(handlers[v].states, s) {
			out = append(out, v)
		}
	}
	return out
}
