package smtp

import (
	"encoding/binary"
	"strings"
)

// messageLines splits a message into the text lines that travel after 354.
// CRLF ends a line, and so does a lone LF, because user agents and Go string
// literals often write "\n"; a stray CR not followed by LF stays inside its
// line. A last line without an ending gets one, since the final dot must
// follow a CRLF (RFC 5321 §4.1.1.4). The message "" has no lines. The
// slice has room for one more line, the final ".".
func messageLines(s string) []string {
	lines := make([]string, 0, strings.Count(s, "\n")+2)
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, s)
			break
		}
		line := s[:i]
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
		lines = append(lines, line)
		s = s[i+1:]
	}
	return lines
}

// stuff applies dot-stuffing (RFC 5321 §4.5.2): a line starting with "."
// gets a second one, so that no text line can look like the final ".".
func stuff(line string) string {
	if len(line) > 0 && line[0] == '.' {
		return "." + line
	}
	return line
}

// has8bit reports whether msg holds an octet above 127, which needs
// BODY=8BITMIME. It tests 32 and then eight octets at a time because the
// client asks it of every message.
func has8bit(msg []byte) bool {
	const high = 0x8080808080808080
	le := binary.LittleEndian
	i := 0
	for ; i+32 <= len(msg); i += 32 {
		if (le.Uint64(msg[i:])|le.Uint64(msg[i+8:])|le.Uint64(msg[i+16:])|le.Uint64(msg[i+24:]))&high != 0 {
			return true
		}
	}
	for ; i+8 <= len(msg); i += 8 {
		if le.Uint64(msg[i:])&high != 0 {
			return true
		}
	}
	for ; i < len(msg); i++ {
		if msg[i] >= 0x80 {
			return true
		}
	}
	return false
}

// wireSize is the size of the message as the server will count it: every
// line plus its CRLF, without stuffing. The client declares it with SIZE=.
func wireSize(lines []string) int64 {
	var n int64
	for _, l := range lines {
		n += int64(len(l)) + 2
	}
	return n
}
