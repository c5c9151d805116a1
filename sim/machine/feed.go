package machine

// FeedLine feeds one typed line, given without its ending, to a machine,
// for owners that get lines rather than a byte stream (the browser
// console). While the machine waits for literal octets, the line and its
// CRLF are literal octets as far as the literal goes, and what is left
// after the literal's end is a line of its own, as on the wire. It returns
// every Output, in order.
func FeedLine(m Server, line []byte, pending int) []Output {
	if pending == 0 {
		return []Output{m.Feed(line)}
	}
	in := append(line[:len(line):len(line)], '\r', '\n')
	var outs []Output
	for pending > 0 && len(in) > 0 {
		n := min(pending, len(in))
		out := m.Feed(in[:n])
		outs = append(outs, out)
		in, pending = in[n:], out.Literal
		if out.Close {
			return outs
		}
	}
	if len(in) > 0 { // the rest of the line after the literal, without its ending
		rest := in[:len(in)-1]
		if len(rest) > 0 && rest[len(rest)-1] == '\r' {
			rest = rest[:len(rest)-1]
		}
		outs = append(outs, m.Feed(rest))
	}
	return outs
}
