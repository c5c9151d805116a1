package imap

import (
	"mailsim/sim/store"

	"strconv"
	"strings"
)

// parser reads the arguments of one command, literals included: the
// command arrives whole, its fragments and literal octets re-joined with
// CRLF exactly as they crossed the wire. Every method returns false
// without consuming anything useful when the input does not match, and
// the caller answers BAD.
type parser struct {
	s   string
	pos int
}

// end reports whether every octet has been read.
func (p *parser) end() bool { return p.pos == len(p.s) }

// peek returns the next octet, or 0 at the end.
func (p *parser) peek() byte {
	if p.end() {
		return 0
	}
	return p.s[p.pos]
}

// byte consumes c if it comes next.
func (p *parser) byte(c byte) bool {
	if p.peek() != c || p.end() {
		return false
	}
	p.pos++
	return true
}

// sp consumes the single space that separates arguments.
func (p *parser) sp() bool { return p.byte(' ') }

// isAtomChar reports whether c may appear in an atom (RFC 3501 §9,
// ATOM-CHAR): any CHAR except atom-specials.
func isAtomChar(c byte) bool {
	return c > 0x20 && c < 0x7f && !strings.ContainsRune(`(){%*"\]`, rune(c))
}

// span consumes the longest run of octets that ok accepts.
func (p *parser) span(ok func(byte) bool) string {
	start := p.pos
	for !p.end() && ok(p.s[p.pos]) {
		p.pos++
	}
	return p.s[start:p.pos]
}

// atom reads 1*ATOM-CHAR.
func (p *parser) atom() (string, bool) {
	a := p.span(isAtomChar)
	return a, a != ""
}

// isAstringChar adds "]" to the atom characters (ASTRING-CHAR).
func isAstringChar(c byte) bool { return isAtomChar(c) || c == ']' }

// astring reads an atom (with "]" allowed), a quoted string or a literal.
func (p *parser) astring() (string, bool) {
	if c := p.peek(); c == '"' || c == '{' {
		return p.str()
	}
	a := p.span(isAstringChar)
	return a, a != ""
}

// str reads a quoted string or a literal.
func (p *parser) str() (string, bool) {
	switch p.peek() {
	case '"':
		return p.quoted()
	case '{':
		return p.literal()
	}
	return "", false
}

// quoted reads a quoted string, undoing the \" and \\ escapes. Octets
// above 0x7F are accepted, because students type UTF-8 in telnet.
func (p *parser) quoted() (string, bool) {
	if !p.byte('"') {
		return "", false
	}
	var b strings.Builder
	for !p.end() {
		c := p.s[p.pos]
		p.pos++
		switch c {
		case '"':
			return b.String(), true
		case '\\':
			if p.end() || (p.s[p.pos] != '"' && p.s[p.pos] != '\\') {
				return "", false
			}
			b.WriteByte(p.s[p.pos])
			p.pos++
		case '\r', '\n', 0:
			return "", false
		default:
			b.WriteByte(c)
		}
	}
	return "", false
}

// literal reads "{n}" or "{n+}", CRLF and the n octets after them.
func (p *parser) literal() (string, bool) {
	if !p.byte('{') {
		return "", false
	}
	digits := p.span(isDigit)
	n, err := strconv.Atoi(digits)
	if err != nil || len(digits) > 10 {
		return "", false
	}
	p.byte('+')
	if !p.byte('}') || !p.byte('\r') || !p.byte('\n') || len(p.s)-p.pos < n {
		return "", false
	}
	s := p.s[p.pos : p.pos+n]
	p.pos += n
	return s, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// number reads a non-negative 32-bit number.
func (p *parser) number() (uint32, bool) {
	digits := p.span(isDigit)
	n, err := strconv.ParseUint(digits, 10, 32)
	return uint32(n), err == nil
}

// list reads "(" item *(SP item) ")" or "()", calling item for each
// element; item reads one element and reports success.
func (p *parser) list(item func() bool) bool {
	if !p.byte('(') {
		return false
	}
	if p.byte(')') {
		return true
	}
	for {
		if !item() {
			return false
		}
		if p.byte(')') {
			return true
		}
		if !p.sp() {
			return false
		}
	}
}

// flag reads a flag: "\" atom for system flags, or a keyword atom. The
// system flags are returned in their canonical spelling.
func (p *parser) flag() (string, bool) {
	backslash := p.byte('\\')
	a, ok := p.atom()
	if !ok {
		return "", false
	}
	if !backslash {
		return a, true
	}
	return canonicalFlag(`\` + a), true
}

// flagList reads a parenthesised list of flags.
func (p *parser) flagList() ([]string, bool) {
	var flags []string
	ok := p.list(func() bool {
		f, ok := p.flag()
		flags = append(flags, f)
		return ok
	})
	return flags, ok
}

// isListChar accepts the LIST wildcards as well as atom characters.
func isListChar(c byte) bool { return isAstringChar(c) || c == '%' || c == '*' }

// listMailbox reads a LIST pattern: wildcards allowed unquoted.
func (p *parser) listMailbox() (string, bool) {
	if c := p.peek(); c == '"' || c == '{' {
		return p.str()
	}
	a := p.span(isListChar)
	return a, a != ""
}

// mailbox reads a folder name, with INBOX in any case made canonical.
func (p *parser) mailbox() (string, bool) {
	name, ok := p.astring()
	return store.Canonical(name), ok
}

// seqRange is a range of a sequence set; 0 stands for "*", the largest
// number in use.
type seqRange struct{ lo, hi uint32 }

// seqSet is a sequence set (RFC 3501 §9, sequence-set), of message
// sequence numbers or of UIDs depending on the command.
type seqSet []seqRange

// seqSet reads a sequence set such as "1:3,5,7:*".
func (p *parser) seqSet() (seqSet, bool) {
	var set seqSet
	for {
		lo, ok := p.seqNumber()
		if !ok {
			return nil, false
		}
		hi := lo
		if p.byte(':') {
			if hi, ok = p.seqNumber(); !ok {
				return nil, false
			}
		}
		set = append(set, seqRange{lo, hi})
		if !p.byte(',') {
			return set, true
		}
	}
}

// seqNumber reads a non-zero number or "*" (returned as 0).
func (p *parser) seqNumber() (uint32, bool) {
	if p.byte('*') {
		return 0, true
	}
	n, ok := p.number()
	return n, ok && n > 0
}

// contains reports whether the set holds n, "*" standing for star.
func (set seqSet) contains(n, star uint32) bool {
	for _, r := range set {
		lo, hi := r.lo, r.hi
		if lo == 0 {
			lo = star
		}
		if hi == 0 {
			hi = star
		}
		if lo > hi {
			lo, hi = hi, lo
		}
		if n >= lo && n <= hi {
			return true
		}
	}
	return false
}

// maxNumber returns the largest number the set names explicitly, 0 when
// every number is "*".
func (set seqSet) maxNumber() uint32 {
	var m uint32
	for _, r := range set {
		m = max(m, r.lo, r.hi)
	}
	return m
}
