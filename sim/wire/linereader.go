package wire

import (
	"bufio"
	"io"
)

// readBuffer is the size of a connection's read buffer: large enough that a
// typical 4 KB message arrives in one or two system calls, fixed so that an
// endless line cannot grow it.
const readBuffer = 4096

// lineReader splits a byte stream into lines of bounded length. It never
// holds more than its read buffer and one line's limit, however long the
// line a peer sends.
type lineReader struct {
	r    *bufio.Reader
	line []byte
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, readBuffer)}
}

// next returns the next line without its ending, valid until the next call.
//
// max is the longest line allowed in octets, its ending counted as the two
// octets of CRLF even when it was a bare LF. A longer line is read to its end
// and returned as its first max-1 octets with long set: one octet more than
// fits, so that a machine's own length check (len(line)+2 > max) rejects it
// exactly as it would the whole line, and no more than that is ever kept.
//
// With crlfOnly only CRLF ends a line and a bare LF is part of the line;
// otherwise a bare LF ends a line too. In both cases the CR of a CRLF is not
// part of the line. Bytes after the last line ending are never returned: at
// the end of the stream next returns the reader's error.
func (lr *lineReader) next(max int, crlfOnly bool) (line []byte, long bool, err error) {
	keep := max - 1
	if cap(lr.line) < keep {
		lr.line = make([]byte, 0, keep)
	}
	lr.line = lr.line[:0]
	n := 0          // octets of the line so far, a final CR included
	lastCR := false // the last octet so far was a CR
	for {
		chunk, err := lr.r.ReadSlice('\n')
		if err != nil && err != bufio.ErrBufferFull {
			return nil, false, err
		}
		body := chunk
		if err == nil {
			body = chunk[:len(chunk)-1] // drop the LF
		}
		if len(body) > 0 {
			lr.add(body, keep)
			n += len(body)
			lastCR = body[len(body)-1] == '\r'
		}
		if err != nil { // a full buffer without an LF: the line goes on
			continue
		}
		if crlfOnly && !lastCR { // a bare LF is text in this mode
			lr.add([]byte{'\n'}, keep)
			n++
			lastCR = false
			continue
		}
		if lastCR {
			if n <= keep { // the CR was kept
				lr.line = lr.line[:len(lr.line)-1]
			}
			n--
		}
		return lr.line, n+2 > max, nil
	}
}

// add appends b to the line, keeping at most keep octets.
func (lr *lineReader) add(b []byte, keep int) {
	if room := keep - len(lr.line); room > 0 {
		lr.line = append(lr.line, b[:min(room, len(b))]...)
	}
}
