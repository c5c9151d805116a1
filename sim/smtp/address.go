package smtp

import "strings"

// Length limits of RFC 5321 §4.5.3.1.
const (
	maxLocalPart = 64
	maxDomain    = 255
	maxLabel     = 63
)

// validMailbox reports whether s is a Mailbox of RFC 5321 §4.1.2
// (Local-part "@" Domain-or-address-literal) within the length limits.
// When s has no "@" it is a bare local part and local is true: the server
// then qualifies it with its own name, as Postfix's append_at_myorigin does.
func validMailbox(s string) (ok, local bool) {
	at := localPartEnd(s)
	if at < 0 || at > maxLocalPart {
		return false, false
	}
	if at == len(s) {
		return true, true
	}
	if s[at] != '@' {
		return false, false
	}
	return validDomain(s[at+1:]), false
}

// localPartEnd returns the length of the Dot-string or Quoted-string at the
// start of s, or -1 when s does not start with one.
func localPartEnd(s string) int {
	if strings.HasPrefix(s, `"`) {
		for i := 1; i < len(s); i++ {
			switch c := s[i]; {
			case c == '\\':
				if i+1 >= len(s) || s[i+1] < 32 || s[i+1] > 126 {
					return -1
				}
				i++
			case c == '"':
				return i + 1
			case c < 32 || c > 126:
				return -1
			}
		}
		return -1
	}
	i, atom := 0, 0
	for ; i < len(s) && s[i] != '@'; i++ {
		switch {
		case s[i] == '.':
			if atom == 0 {
				return -1
			}
			atom = 0
		case isAtext(s[i]):
			atom++
		default:
			return -1
		}
	}
	if atom == 0 {
		return -1
	}
	return i
}

// validDomain accepts a Domain of LDH labels or an address literal "[...]".
func validDomain(d string) bool {
	if d == "" || len(d) > maxDomain {
		return false
	}
	if d[0] == '[' {
		inner, ok := strings.CutSuffix(d[1:], "]")
		if !ok || inner == "" {
			return false
		}
		for i := 0; i < len(inner); i++ {
			if c := inner[i]; c < 33 || c > 126 || c == '[' || c == ']' || c == '\\' {
				return false
			}
		}
		return true
	}
	for label := range strings.SplitSeq(d, ".") {
		if label == "" || len(label) > maxLabel || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			if c := label[i]; !isLetter(c) && !isDigit(c) && c != '-' {
				return false
			}
		}
	}
	return true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// isAtext reports the atext characters of RFC 5322 §3.2.3.
func isAtext(c byte) bool {
	return isLetter(c) || isDigit(c) || strings.IndexByte("!#$%&'*+-/=?^_`{|}~", c) >= 0
}
