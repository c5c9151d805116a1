package mime

import (
	"strings"

	"mailsim/lang"
)

// QPAction is what the quoted-printable encoder did at one step.
type QPAction string

// The actions.
const (
	QPLiteral   QPAction = "literal"    // a byte copied as it is
	QPEscape    QPAction = "escape"     // a byte written as =XX
	QPHardBreak QPAction = "hard-break" // a line break of the text, written as CRLF
	QPSoftBreak QPAction = "soft-break" // "=" CRLF inserted to keep lines within 76 characters
)

// QPReason says why a byte was escaped.
type QPReason string

// The reasons for an escape.
const (
	QPNonASCII      QPReason = "non-ascii"      // 0x80 and above
	QPEquals        QPReason = "equals"         // '=' introduces escapes, so it is escaped itself
	QPControl       QPReason = "control"        // 0x00-0x1F other than a line break, and 0x7F
	QPTrailingSpace QPReason = "trailing-space" // space or tab right before a line break or the end
)

// QPStep is one thing the encoder did. Key names the explanation in the
// trace's Explain catalog (and in Catalog).
//
// JSON: {"offset":4,"size":1,"byte":Byte,"action":"escape","reason":"non-ascii","key":"qp.non-ascii","output":"=C3","line":0}
type QPStep struct {
	Offset int      `json:"offset"`        // input offset of the byte; for a soft break, of the byte that follows it
	Size   int      `json:"size"`          // input bytes consumed: 1, 2 for CRLF, 0 for a soft break
	Byte   Byte     `json:"byte,omitzero"` // the byte, for literals and escapes; absent for breaks
	Action QPAction `json:"action"`
	Reason QPReason `json:"reason,omitempty"` // only for escapes
	Key    string   `json:"key"`
	Output string   `json:"output"` // what was written: "a", "=3D", "\r\n" or "=\r\n"
	Line   int      `json:"line"`   // 0-based output line written to (a break ends that line)
}

// QPCounts tally the steps by action, and the sizes.
//
// JSON: {"literal":10,"escaped":2,"soft":0,"hard":1,"input":13,"output":19,"ratio":1.46…}
type QPCounts struct {
	Literal int     `json:"literal"`
	Escaped int     `json:"escaped"`
	Soft    int     `json:"soft"`
	Hard    int     `json:"hard"`
	Input   int     `json:"input"`  // input bytes
	Output  int     `json:"output"` // output bytes, CRLFs included
	Ratio   float64 `json:"ratio"`  // Output/Input, 0 for empty input
}

// QPTrace is some text encoded as quoted-printable (RFC 2045 §6.7), step by
// step. The input is treated as text, as mime/quotedprintable.Writer treats
// it unless Binary is set: CRLF, a lone LF and a lone CR are each one line
// break and become CRLF. No CRLF is added after the last line.
//
// Output equals mime/quotedprintable.Writer's (Binary false) byte for byte
// with one documented exception: that writer drops the LF of a CRLF when only
// escaped bytes stand between the CR and the LF ("a\r\x01\nb" gives
// "a\r\n=01b", losing a line break); here that LF is a line break of its own.
//
// When the input exceeds MaxInput, Error is set and nothing is traced.
//
// JSON: {"steps":[QPStep…],"output":"…","lines":["…"],"counts":QPCounts,"explain":{"qp.literal":lang.Text,…},"error":Error?}
type QPTrace struct {
	Steps   []QPStep     `json:"steps"`
	Output  string       `json:"output"`
	Lines   []string     `json:"lines"` // Output split at CRLF
	Counts  QPCounts     `json:"counts"`
	Explain lang.Catalog `json:"explain"` // the explanations the steps' keys name, once each
	Error   *Error       `json:"error,omitempty"`
}

// qpEscapes is each byte's "=XX", made once rather than for every byte of
// every trace.
var qpEscapes = func() (t [256]string) {
	for c := range t {
		t[c] = "=" + byteCells[c].Hex
	}
	return t
}()

// qpMax is the last column a character may take before a soft break is
// needed: the soft break's "=" must still fit within LineLength.
const qpMax = LineLength - 1

// TraceQP encodes data as quoted-printable text and records every step.
func TraceQP(data []byte) QPTrace {
	t := QPTrace{Steps: []QPStep{}, Lines: []string{}, Explain: lang.Catalog{}}
	if t.Error = tooLarge(len(data), MaxInput); t.Error != nil {
		return t
	}
	// One step a byte, and a soft break at most every 25 bytes (a line of
	// escapes): sized once, so that 64 KiB is not copied over and over as
	// the list grows.
	t.Steps = make([]QPStep, 0, len(data)+len(data)/25+1)
	e := qpEncoder{t: &t}
	e.out.Grow(3 * len(data))
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == '\r' || c == '\n':
			size := 1
			if c == '\r' && i+1 < len(data) && data[i+1] == '\n' {
				size = 2
			}
			e.lineBreak(QPHardBreak, i, size, crlf)
			i += size
			continue
		case c == ' ' || c == '\t':
			if i+1 == len(data) || data[i+1] == '\r' || data[i+1] == '\n' {
				e.escape(i, c, QPTrailingSpace)
			} else {
				e.literal(i, c)
			}
		case c >= '!' && c <= '~' && c != '=':
			e.literal(i, c)
		case c == '=':
			e.escape(i, c, QPEquals)
		case c >= 0x80:
			e.escape(i, c, QPNonASCII)
		default:
			e.escape(i, c, QPControl)
		}
		i++
	}
	t.Output = e.out.String()
	if t.Output != "" {
		t.Lines = strings.Split(t.Output, crlf)
	}
	t.Counts.Input = len(data)
	t.Counts.Output = len(t.Output)
	t.Counts.Ratio = ratio(len(t.Output), len(data))
	return t
}

// qpEncoder tracks the output column, which decides where soft breaks fall.
type qpEncoder struct {
	t    *QPTrace
	out  strings.Builder
	col  int // characters on the current output line
	line int
}

func (e *qpEncoder) literal(i int, c byte) {
	if e.col == qpMax {
		e.lineBreak(QPSoftBreak, i, 0, "="+crlf)
	}
	e.add(QPStep{Offset: i, Size: 1, Byte: byteCells[c], Action: QPLiteral, Key: "qp.literal", Output: string(rune(c))})
	e.t.Counts.Literal++
}

// escape writes =XX; it needs three columns before the soft-break limit.
func (e *qpEncoder) escape(i int, c byte, why QPReason) {
	if e.col > qpMax-3 {
		e.lineBreak(QPSoftBreak, i, 0, "="+crlf)
	}
	e.add(QPStep{Offset: i, Size: 1, Byte: byteCells[c], Action: QPEscape, Reason: why, Key: "qp." + string(why), Output: qpEscapes[c]})
	e.t.Counts.Escaped++
}

func (e *qpEncoder) lineBreak(a QPAction, i, size int, out string) {
	e.add(QPStep{Offset: i, Size: size, Action: a, Key: "qp." + string(a), Output: out})
	if a == QPSoftBreak {
		e.t.Counts.Soft++
	} else {
		e.t.Counts.Hard++
	}
	e.line++
	e.col = 0
}

func (e *qpEncoder) add(s QPStep) {
	s.Line = e.line
	e.t.Steps = append(e.t.Steps, s)
	e.t.Explain[s.Key] = Catalog[s.Key]
	e.out.WriteString(s.Output)
	if s.Action == QPLiteral || s.Action == QPEscape {
		e.col += len(s.Output)
	}
}
