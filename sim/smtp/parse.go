package smtp

import (
	"strings"
)

// maxCommandLine is the longest command line including its CRLF (RFC 5321
// §4.5.3.1.4); maxPath the longest reverse- or forward-path (§4.5.3.1.3).
const (
	maxCommandLine = 512
	maxPath        = 256
)

// splitCommand splits a command line into its verb, upper-cased, and the
// rest. Historic two-word commands ("SEND FROM:") keep "FROM:" in the
// argument, like "MAIL FROM:", so the verb alone selects the handler.
func splitCommand(line string) (verb, arg string) {
	line = strings.TrimRight(line, " \t")
	verb, arg, _ = strings.Cut(line, " ")
	return strings.ToUpper(verb), strings.TrimLeft(arg, " \t")
}

// parsePath reads the argument of MAIL or RCPT: prefix ("FROM:" or "TO:"),
// then a path, then ESMTP parameters. Like Postfix it accepts spaces after
// the colon and a bare address without angle brackets, which is what a
// person types in telnet ("mail from: ms@elcom.pub.ro"). ok is false when
// the shape is wrong (a 501 syntax error); the path itself is checked later.
func parsePath(arg, prefix string) (path string, params []string, ok bool) {
	if len(arg) < len(prefix) || !strings.EqualFold(arg[:len(prefix)], prefix) {
		return "", nil, false
	}
	rest := strings.TrimLeft(arg[len(prefix):], " \t")
	if rest == "" {
		return "", nil, false
	}
	var after string
	if rest[0] == '<' {
		end := closingBracket(rest)
		if end < 0 {
			return "", nil, false
		}
		path, after = rest[1:end], rest[end+1:]
		if after != "" && after[0] != ' ' {
			return "", nil, false
		}
	} else {
		path, after, _ = strings.Cut(rest, " ")
	}
	return path, strings.Fields(after), true
}

// closingBracket returns the index of the '>' that closes the '<' at s[0],
// skipping a quoted local part in which '>' may legally appear; -1 if none.
func closingBracket(s string) int {
	quoted := false
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case quoted && c == '\\':
			i++
		case c == '"':
			quoted = !quoted
		case !quoted && c == '>':
			return i
		}
	}
	return -1
}

// stripRoute drops an RFC 821 source route ("@a,@b:user@c" -> "user@c"):
// RFC 5321 §F.2 says servers must accept the syntax and should ignore the
// route. ok is false when the route has no ':'.
func stripRoute(path string) (string, bool) {
	if !strings.HasPrefix(path, "@") {
		return path, true
	}
	_, mailbox, ok := strings.Cut(path, ":")
	return mailbox, ok
}

// param is one ESMTP parameter of MAIL or RCPT, "SIZE=1024" or "KEY".
type param struct {
	key, value string
}

func parseParam(s string) param {
	k, v, _ := strings.Cut(s, "=")
	return param{key: strings.ToUpper(k), value: v}
}
