package smtp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Length limits of RFC 5321 §4.5.3.1.
const (
	maxLocalPart = 64
	maxDomain    = 255
	maxLabel     = 63
)

// Address is a Mailbox of RFC 5321 §4.1.2, or of RFC 6531 §3.3, which lets
// a local part and the labels of a domain (U-labels) hold UTF-8 too, split at the "@" that ends its
// local part: in "\"victim@gmail.com\"@mailsim.test" that is the last one,
// because an "@" inside a quoted local part is just a character of it.
type Address struct {
	Local  string // as written, quotes and backslashes included
	Domain string // as written; "" for a bare local part ("postmaster")
}

// ParseAddress reads a Mailbox (Local-part "@" Domain-or-address-literal)
// within the length limits, or a bare local part, which a server qualifies
// with its own name as Postfix's append_at_myorigin does. Non-ASCII
// characters are accepted where RFC 6531 puts them (a server refuses them
// unless the client asked for SMTPUTF8; see ASCII), counted in octets, as the
// limits are. ok is false for anything else, and for text that is not UTF-8
// or holds an invisible format character such as a right-to-left override.
func ParseAddress(s string) (a Address, ok bool) {
	if !isASCII(s) && !validUTF8(s) {
		return a, false
	}
	at := localPartEnd(s)
	if at < 0 || at > maxLocalPart {
		return a, false
	}
	if at == len(s) {
		return Address{Local: s}, true
	}
	if s[at] != '@' || !validDomain(s[at+1:]) {
		return a, false
	}
	return Address{Local: s[:at], Domain: s[at+1:]}, true
}

// ASCII reports an address that needs no SMTPUTF8 (RFC 6531 §3.2).
func (a Address) ASCII() bool { return isASCII(a.Local) && isASCII(a.Domain) }

// String is the address as written, "local@domain", or the bare local part.
func (a Address) String() string {
	if a.Domain == "" {
		return a.Local
	}
	return a.Local + "@" + a.Domain
}

// Canonical is the form a directory files an address under: all in lower
// case, and a quoted local part without its quotes when it does not need
// them ("Bob"@X and bob@x are one mailbox). Domains are not case sensitive
// (RFC 5321 §2.4); local parts may be, at the receiving host's choice, and
// mailsim chooses as Postfix's default lookups do.
func (a Address) Canonical() string {
	local := lower(a.Local)
	if text, quoted := unquote(local); quoted {
		local = text
		if localPartEnd(text) != len(text) {
			local = quote(text)
		}
	}
	if a.Domain == "" {
		return local
	}
	return local + "@" + lower(a.Domain)
}

// lower maps s to lower case, rune by rune, keeping every rune whose lower
// case has another length in UTF-8 ("İ"), so that a canonical address is
// never longer than the address it files, and fits the same limits.
func lower(s string) string {
	return strings.Map(func(r rune) rune {
		if l := unicode.ToLower(r); utf8.RuneLen(l) == utf8.RuneLen(r) {
			return l
		}
		return r
	}, s)
}

// Postmaster reports the reserved local part "postmaster", in any case,
// quoted or not (RFC 5321 §4.5.1).
func (a Address) Postmaster() bool {
	text, _ := unquote(a.Local)
	return strings.EqualFold(text, "postmaster")
}

// unquote returns the text of a Quoted-string with its backslashes undone;
// quoted is false, and s returned, for a Dot-string.
func unquote(s string) (text string, quoted bool) {
	if len(s) < 2 || s[0] != '"' {
		return s, false
	}
	var b strings.Builder
	for i := 1; i < len(s)-1; i++ {
		if s[i] == '\\' {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String(), true
}

// quote writes text as a Quoted-string.
func quote(text string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(text); i++ {
		if text[i] == '"' || text[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(text[i])
	}
	b.WriteByte('"')
	return b.String()
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
			case c < 32 || c == 127:
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
		case isAtext(s[i]) || s[i] >= utf8.RuneSelf:
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

// validDomain accepts a Domain of LDH labels, U-labels among them, or an
// address literal "[...]".
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
			if c := label[i]; !isLetter(c) && !isDigit(c) && c != '-' && c < utf8.RuneSelf {
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

// isASCII reports text of US-ASCII only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// validUTF8 accepts UTF-8 whose non-ASCII characters are visible: letters,
// marks, digits, punctuation and symbols (RFC 6531 §3.3 takes any UTF-8, but
// an address that shows other than it is, with a right-to-left override or
// a zero-width space, is a trap, so the lab, like many servers, refuses it).
func validUTF8(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r >= utf8.RuneSelf && (!unicode.IsGraphic(r) || unicode.IsSpace(r)) {
			return false
		}
	}
	return true
}
