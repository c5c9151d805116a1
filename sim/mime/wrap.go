package mime

import "strings"

// LineLength is the longest encoded line MIME allows (RFC 2045 §6.8 for
// Base64, §6.7 rule 5 for quoted-printable), not counting the CRLF.
const LineLength = 76

// crlf ends every line of a mail message (RFC 5322 §2.1).
const crlf = "\r\n"

// wrap breaks s after every LineLength characters with CRLF, as MIME wants
// for Base64 bodies. It returns the wrapped text, the lines (substrings of
// s), and the offsets in s before which a break goes.
func wrap(s string) (wrapped string, lines []string, breaks []int) {
	lines = []string{}
	breaks = []int{}
	var b strings.Builder
	b.Grow(len(s) + len(s)/LineLength*len(crlf))
	for i := 0; i < len(s); i += LineLength {
		if i > 0 {
			b.WriteString(crlf)
			breaks = append(breaks, i)
		}
		line := s[i:min(i+LineLength, len(s))]
		b.WriteString(line)
		lines = append(lines, line)
	}
	return b.String(), lines, breaks
}
