package pop3

import "strings"

// stuff returns a body line as it goes on the wire inside a multi-line
// response: a line that starts with "." gets one more "." in front, so that
// a line holding only "." can mean "end of the response" (RFC 1939 §3).
func stuff(line string) string {
	if strings.HasPrefix(line, ".") {
		return "." + line
	}
	return line
}

// unstuff is the receiving side of stuff: it removes the added ".".
// The terminating "." itself must be recognised before calling it.
func unstuff(line string) string {
	return strings.TrimPrefix(line, ".")
}
