package smtp

import "bytes"

// received starts the header line that each hop adds (RFC 5321 §4.4).
var received = []byte("received:")

// maxTextLine is the longest text line including its CRLF, not counting a
// dot added for transparency (RFC 5321 §4.5.3.1.6).
const maxTextLine = 1000

// MaxHops is how many Received lines a message may carry. One more and the
// server refuses it with TooManyHops: every relay adds one, so a message
// that has passed this many servers is going round in a loop. RFC 5321 §6.3
// asks for a threshold of "at least 100".
const MaxHops = 100

// dataReader collects the message text between 354 and the final dot. It
// undoes dot-stuffing and enforces the limits while reading, so that an
// oversized message never grows the buffer beyond MaxSize: the verdict is
// given at the final dot, because the server may not answer before it.
type dataReader struct {
	buf      []byte
	size     int64 // octets received so far, CRLFs included
	max      int64
	tooBig   bool // size went over max; buf stopped growing
	longLine bool // a line was over maxTextLine
	bare     byte // the first lone CR or LF in the text ('\r' or '\n'); 0 when none
	nul      bool // the text holds a NUL octet
	body     bool // the empty line that ends the header has passed
	hops     int  // Received lines in the header
}

// reset starts a new message; hint is the size the client declared with
// SIZE= (0 if none), used only to size the buffer once.
func (d *dataReader) reset(max, hint int64) {
	if hint <= 0 || hint > max {
		hint = 4096
		if max < hint {
			hint = max
		}
	}
	*d = dataReader{buf: make([]byte, 0, hint+2), max: max}
}

// add takes one text line without its CRLF. Only the adapter's CRLF split
// ends a line and only a line that is exactly "." ends the message, so a
// bare LF can never smuggle in an end of data. A line that still holds a
// lone CR or LF, or a NUL, marks the message for refusal at the final dot:
// stored as it came, a bare LF would become a line end when POP3 sends the
// message on, and the message would change on its way.
func (d *dataReader) add(line []byte) {
	if len(line) > 0 && line[0] == '.' {
		line = line[1:]
	}
	n := int64(len(line)) + 2
	if n > maxTextLine {
		d.longLine = true
	}
	if d.bare == 0 {
		if i := bytes.IndexAny(line, "\r\n"); i >= 0 {
			d.bare = line[i]
		}
	}
	if !d.nul && bytes.IndexByte(line, 0) >= 0 {
		d.nul = true
	}
	d.size += n
	if !d.body {
		d.body = len(line) == 0
		if len(line) >= 9 && bytes.EqualFold(line[:9], received) {
			d.hops++
		}
	}
	if d.size > d.max {
		d.tooBig = true
		d.buf = nil
	}
	if d.tooBig {
		return
	}
	d.buf = append(d.buf, line...)
	d.buf = append(d.buf, '\r', '\n')
}
