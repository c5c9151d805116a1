package pop3

import (
	"strconv"
	"strings"
)

// transaction handles a command in the TRANSACTION state.
func (s *Server) transaction(verb, arg string) Output {
	args := strings.Fields(arg)
	switch verb {
	case "STAT":
		if len(args) != 0 {
			return errLine(verb, KeySyntax, "Usage: STAT")
		}
		n, size := s.dropSize()
		return okLine(verb, KeyStat, strconv.Itoa(n)+" "+strconv.Itoa(size))
	case "LIST":
		return s.listCmd(args)
	case "RETR":
		if len(args) != 1 {
			return errLine(verb, KeySyntax, "Usage: RETR msg")
		}
		_, m, fail := s.lookup(verb, args[0])
		if m == nil {
			return fail
		}
		return multiLine(verb, KeyRetr, strconv.Itoa(m.size)+" octets", m.lines)
	case "TOP":
		return s.topCmd(args)
	case "UIDL":
		return s.uidlCmd(args)
	case "DELE":
		if len(args) != 1 {
			return errLine(verb, KeySyntax, "Usage: DELE msg")
		}
		_, m, fail := s.lookup(verb, args[0])
		if m == nil {
			return fail
		}
		m.deleted = true
		s.mark(m.uid, true)
		return okLine(verb, KeyDele, "Message deleted")
	case "NOOP":
		if len(args) != 0 {
			return errLine(verb, KeySyntax, "Usage: NOOP")
		}
		return okLine(verb, KeyNoop, "")
	case "RSET":
		if len(args) != 0 {
			return errLine(verb, KeySyntax, "Usage: RSET")
		}
		s.unmark()
		return okLine(verb, KeyRset, "")
	case "CAPA":
		return s.capaCmd(arg)
	case "QUIT":
		if len(args) != 0 {
			return errLine(verb, KeySyntax, "Usage: QUIT")
		}
		return s.update()
	}
	return s.misplaced(verb)
}

// dropSize counts the messages not marked as deleted and their octets,
// which is what STAT and LIST report (RFC 1939 §5).
func (s *Server) dropSize() (n, size int) {
	for i := range s.msgs {
		if !s.msgs[i].deleted {
			n++
			size += s.msgs[i].size
		}
	}
	return n, size
}

// lookup resolves a message-number argument. A number that is not a
// message gets the lecture's "No such message"; a message marked by DELE
// may not be used again until RSET (RFC 1939 §5).
// The number comes back normalised ("02" gives 2) for echoing.
func (s *Server) lookup(verb, arg string) (int, *message, Output) {
	if !isDigits(arg) {
		return 0, nil, errLine(verb, KeySyntax, "Invalid message number: "+clip(arg))
	}
	n, err := strconv.Atoi(arg)
	if err != nil || n < 1 || n > len(s.msgs) {
		return 0, nil, errLine(verb, KeyNoSuchMessage, "No such message")
	}
	m := &s.msgs[n-1]
	if m.deleted {
		return 0, nil, errLine(verb, KeyDeleted, "message "+strconv.Itoa(n)+" already deleted")
	}
	return n, m, Output{}
}

// listCmd answers LIST and LIST n with message number and size.
func (s *Server) listCmd(args []string) Output {
	switch len(args) {
	case 0:
		n, size := s.dropSize()
		var body []string
		for i, m := range s.msgs {
			if !m.deleted {
				body = append(body, strconv.Itoa(i+1)+" "+strconv.Itoa(m.size))
			}
		}
		return multiLine("LIST", KeyList, strconv.Itoa(n)+" messages "+strconv.Itoa(size)+" octets", body)
	case 1:
		n, m, fail := s.lookup("LIST", args[0])
		if m == nil {
			return fail
		}
		return okLine("LIST", KeyListOne, strconv.Itoa(n)+" "+strconv.Itoa(m.size))
	}
	return errLine("LIST", KeySyntax, "Usage: LIST [msg]")
}

// uidlCmd answers UIDL and UIDL n with message number and unique id.
func (s *Server) uidlCmd(args []string) Output {
	switch len(args) {
	case 0:
		var body []string
		for i, m := range s.msgs {
			if !m.deleted {
				body = append(body, strconv.Itoa(i+1)+" "+m.uid)
			}
		}
		return multiLine("UIDL", KeyUIDL, "", body)
	case 1:
		n, m, fail := s.lookup("UIDL", args[0])
		if m == nil {
			return fail
		}
		return okLine("UIDL", KeyUIDLOne, strconv.Itoa(n)+" "+m.uid)
	}
	return errLine("UIDL", KeySyntax, "Usage: UIDL [msg]")
}

// topCmd answers "TOP msg n". Like the lecture, its status line gives the
// size of the whole message, not of the part that follows.
func (s *Server) topCmd(args []string) Output {
	if len(args) != 2 || !isDigits(args[1]) {
		return errLine("TOP", KeySyntax, "Usage: TOP msg n")
	}
	_, m, fail := s.lookup("TOP", args[0])
	if m == nil {
		return fail
	}
	n, err := strconv.Atoi(args[1])
	if err != nil {
		// More lines than an int holds is more than any message has.
		n = len(m.lines)
	}
	return multiLine("TOP", KeyTop, strconv.Itoa(m.size)+" octets", m.top(n))
}

// isDigits reports whether arg is a non-empty run of ASCII digits, the only
// form RFC 1939 gives message numbers and line counts; strconv alone would
// also take a sign.
func isDigits(arg string) bool {
	if arg == "" {
		return false
	}
	for i := 0; i < len(arg); i++ {
		if arg[i] < '0' || arg[i] > '9' {
			return false
		}
	}
	return true
}

// clip shortens an echoed argument so that the response line stays short.
func clip(arg string) string {
	if len(arg) > 40 {
		return arg[:40] + "..."
	}
	return arg
}
