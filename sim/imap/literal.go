package imap

import "strconv"

// joiner re-joins the lines a literal spans. The machines are fed lines,
// but a literal's octets may hold CRLFs and may end in the middle of a
// line, after which the command (or response) goes on. The joiner puts
// the CRLFs back, so that the unit it builds is byte for byte what
// crossed the wire.
type joiner struct {
	buf []byte
	// need is the number of literal octets still expected.
	need int
}

// push adds one line. When a literal is open the line's octets (and its
// CRLF) go into it; frag is then the text after the literal's end, if the
// literal ended inside this line. Otherwise the whole line is a fragment.
// ok is false for a literal whose last octet would be the CR of a CRLF,
// which lines cannot express.
func (j *joiner) push(line []byte) (frag []byte, isFrag, ok bool) {
	if j.need == 0 {
		j.buf = append(j.buf, line...)
		return line, true, true
	}
	if len(line)+2 <= j.need {
		j.buf = append(append(j.buf, line...), '\r', '\n')
		j.need -= len(line) + 2
		return nil, false, true
	}
	if j.need == len(line)+1 {
		return nil, false, false
	}
	j.buf = append(j.buf, line...)
	frag, j.need = line[j.need:], 0
	return frag, true, true
}

// open records that the fragment just pushed announced a literal of n
// octets: its CRLF belongs to the unit, and n octets follow.
func (j *joiner) open(n int) {
	j.buf = append(j.buf, '\r', '\n')
	j.need = n
}

// take returns the finished unit and starts a new one.
func (j *joiner) take() string {
	s := string(j.buf)
	j.reset()
	return s
}

// reset forgets the unit being built.
func (j *joiner) reset() {
	j.buf, j.need = j.buf[:0], 0
}

// literalMarker reads the "{n}" or "{n+}" that ends a fragment announcing
// a literal. ok is false when the fragment ends otherwise; n is -1 when
// the number is too large to be a literal anyone would accept.
func literalMarker(frag []byte) (n int, plus, ok bool) {
	if len(frag) < 3 || frag[len(frag)-1] != '}' {
		return 0, false, false
	}
	end := len(frag) - 1
	if frag[end-1] == '+' {
		plus = true
		end--
	}
	start := end
	for start > 0 && isDigit(frag[start-1]) {
		start--
	}
	if start == end || start == 0 || frag[start-1] != '{' {
		return 0, false, false
	}
	n, err := strconv.Atoi(string(frag[start:end]))
	if err != nil || end-start > 10 {
		n = -1
	}
	return n, plus, true
}
