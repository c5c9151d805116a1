package imap

import (
	"strconv"
	"strings"
)

// quote writes s as an IMAP string: quoted when it can be, otherwise a
// literal ("{n}", CRLF, the octets). Quoted strings may not hold CR, LF,
// NUL or 8-bit octets (RFC 3501 §4.3), and very long ones are clearer to
// a reader as literals.
func quote(s string) string {
	if len(s) > 1024 {
		return literal(s)
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == 0 || c == '\r' || c == '\n' || c >= 0x80:
			return literal(s)
		case c == '"' || c == '\\':
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	b.WriteByte('"')
	return b.String()
}

// literal writes s as a literal.
func literal(s string) string {
	return "{" + strconv.Itoa(len(s)) + "}\r\n" + s
}

// nstring writes NIL for a missing value, else the quoted string.
func nstring(s string, present bool) string {
	if !present {
		return "NIL"
	}
	return quote(s)
}

// astring writes s as an atom when every octet may appear in one and it
// cannot be mistaken for NIL; otherwise as a string. Folder names in LIST
// answers read as in RFC 3501's examples this way.
func astring(s string) string {
	if s == "" || strings.EqualFold(s, "NIL") {
		return quote(s)
	}
	for i := 0; i < len(s); i++ {
		if !isAstringChar(s[i]) {
			return quote(s)
		}
	}
	return s
}
