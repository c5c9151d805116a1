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
	// A read that failed in the middle of a line (a deadline that woke the
	// connection for news) leaves the line so far here, and the next call
	// goes on with it: part says there is such a line, n and lastCR are
	// next's counters for it.
	part   bool
	n      int
	lastCR bool
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
// the end of the stream next returns the reader's error; after any other
// error the octets read so far are kept for the next call.
func (lr *lineReader) next(max int, crlfOnly bool) (line []byte, long bool, err error) {
	keep := max - 1
	n := 0          // octets of the line so far, a final CR included
	lastCR := false // the last octet so far was a CR
	if lr.part {
		n, lastCR, lr.part = lr.n, lr.lastCR, false
	} else {
		if cap(lr.line) < keep {
			lr.line = make([]byte, 0, keep)
		}
		lr.line = lr.line[:0]
	}
	for {
		chunk, err := lr.r.ReadSlice('\n')
		if err != nil && err != bufio.ErrBufferFull {
			if len(chunk) > 0 {
				lr.add(chunk, keep)
				n += len(chunk)
				lastCR = chunk[len(chunk)-1] == '\r'
			}
			lr.part, lr.n, lr.lastCR = n > 0, n, lastCR
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

// raw returns up to n octets as they arrive, at most a read buffer's worth,
// valid until the next call: the octets of a literal, which are not lines.
func (lr *lineReader) raw(n int) ([]byte, error) {
	if cap(lr.line) < readBuffer {
		lr.line = make([]byte, 0, readBuffer)
	}
	buf := lr.line[:min(n, readBuffer)]
	for {
		k, err := lr.r.Read(buf)
		if k > 0 {
			return buf[:k], nil
		}
		if err != nil {
			return nil, err
		}
	}
}
