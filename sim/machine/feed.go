package machine

// Fed is one input a machine was fed and its answer.
type Fed struct {
	In  []byte
	Out Output
}

// FeedLine feeds one typed line, given without its ending, to a machine,
// for owners that get lines rather than a byte stream (the browser
// console); pending is the Literal of the machine's last Output. While the
// machine waits for literal octets, the line and its CRLF are literal
// octets as far as the literal goes, and what is left after the literal's
// end is a line of its own, as on the wire. It returns every input fed and
// its Output, in order.
func FeedLine(m Server, line []byte, pending int) []Fed {
	if pending == 0 {
		return []Fed{{line, m.Feed(line)}}
	}
	in := append(line[:len(line):len(line)], '\r', '\n')
	var fed []Fed
	for pending > 0 && len(in) > 0 {
		n := min(pending, len(in))
		out := m.Feed(in[:n])
		fed = append(fed, Fed{in[:n], out})
		in, pending = in[n:], out.Literal
		if out.Close {
			return fed
		}
	}
	if len(in) > 0 { // the rest of the line after the literal, without its ending
		rest := in[:len(in)-1]
		if len(rest) > 0 && rest[len(rest)-1] == '\r' {
			rest = rest[:len(rest)-1]
		}
		fed = append(fed, Fed{rest, m.Feed(rest)})
	}
	return fed
}
