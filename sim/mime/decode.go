package mime

import (
	"unicode/utf8"

	"mailsim/lang"
)

// DecodeGroup is one group of four Base64 characters decoded step by step:
// each character's index and six bits, the 24 bits together, and the bytes
// cut from them.
//
// JSON:
//
//	{"offsets":[0,1,2,3],"sextets":[Sextet×4],"bits":"010011010110000101101110",
//	 "bitKinds":"dddddddddddddddddddddddd","bytes":[Byte…],"pad":0}
//
// "note" (a lang.Text) is present when the bits dropped before the padding
// are not all zero.
type DecodeGroup struct {
	Offsets  []int      `json:"offsets"`        // byte offsets of the 4 characters in the text
	Sextets  []Sextet   `json:"sextets"`        // always 4
	Bits     string     `json:"bits"`           // 24 binary digits; padding positions shown as 0
	BitKinds string     `json:"bitKinds"`       // d: bits of a byte, z: left over and dropped, p: padding
	Bytes    []Byte     `json:"bytes"`          // 1 to 3 bytes
	Pad      int        `json:"pad"`            // '=' characters in the group (0, 1 or 2)
	Note     *lang.Text `json:"note,omitempty"` // set when the dropped bits are not all zero
}

// DecodeTrace is a Base64 text decoded step by step. Whitespace (space, tab,
// CR, LF) anywhere is skipped, as MIME decoders skip line breaks; any other
// character outside the alphabet stops the trace with an Error naming the
// offset and the character. Groups then hold what was decoded before it.
//
// Validity and bytes agree with encoding/base64.StdEncoding.DecodeString on
// the text with that whitespace removed. Like that decoder, non-zero bits
// dropped before padding are accepted (and noted in the group).
//
// JSON: {"groups":[DecodeGroup…],"skipped":[76,77,…],"chars":8,"hex":"4D616E","text":"Man","error":Error?}
type DecodeTrace struct {
	Groups  []DecodeGroup `json:"groups"`
	Skipped []int         `json:"skipped"`        // offsets of the whitespace bytes ignored
	Chars   int           `json:"chars"`          // Base64 characters read, padding included
	Output  []byte        `json:"-"`              // the decoded bytes
	Hex     string        `json:"hex"`            // Output in hexadecimal, upper case
	Text    string        `json:"text,omitempty"` // Output as text, when it is valid UTF-8
	Error   *Error        `json:"error,omitempty"`
}

// isSpace reports whether c is whitespace a MIME decoder skips between
// characters of a Base64 body.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n'
}

// TraceDecode decodes Base64 text and records every step. The error, when
// not nil, is the *Error also stored in the trace.
func TraceDecode(text string) (DecodeTrace, error) {
	t := DecodeTrace{Groups: []DecodeGroup{}, Skipped: []int{}}
	if t.Error = tooLarge(len(text), MaxText); t.Error != nil {
		return t, t.Error
	}
	d := newDecoder(len(text))
	for i := 0; i < len(text); i++ {
		c := text[i]
		if isSpace(c) {
			t.Skipped = append(t.Skipped, i)
			continue
		}
		if t.Error = d.take(text, i); t.Error != nil {
			break
		}
	}
	if t.Error == nil && d.n > 0 {
		start := d.offsets[len(d.offsets)-d.n]
		t.Error = &Error{Reason: ReasonBadLength, Offset: start, Char: quoteAt(text, start),
			Text: msg("err.bad-length", d.chars, start, d.n)}
	}
	t.Groups, t.Output = d.finish()
	t.Chars = d.chars
	t.Hex = upperHex(t.Output)
	if utf8.Valid(t.Output) {
		t.Text = string(t.Output)
	}
	if t.Error != nil {
		return t, t.Error
	}
	return t, nil
}

// decoder holds the state of one decode trace. Its backing arrays are sized
// for the most groups the text can hold (one per four bytes), so the slices
// handed to groups are never moved by a later append.
type decoder struct {
	groups  []DecodeGroup
	offsets []int
	sextets []Sextet
	cells   []Byte
	bits    []byte
	out     []byte
	vals    [4]int // indices of the current group; -1 at padding
	n       int    // characters in the current group
	pad     int    // '=' in the current group
	done    bool   // a padded group has ended the data
	chars   int    // significant characters so far
}

func newDecoder(textLen int) *decoder {
	g := textLen / 4
	return &decoder{
		groups:  make([]DecodeGroup, 0, g),
		offsets: make([]int, 0, 4*g),
		sextets: make([]Sextet, 0, 4*g),
		cells:   make([]Byte, 0, 3*g),
		bits:    make([]byte, 0, 24*g),
		out:     make([]byte, 0, 3*g),
	}
}

// take reads the significant character at offset i of text, or says why it
// cannot be there.
func (d *decoder) take(text string, i int) *Error {
	c := text[i]
	v, ok := Index(c)
	switch {
	case c != Pad && !ok:
		return charError(ReasonNotInAlphabet, text, i)
	case d.done || (c != Pad && d.pad > 0):
		return charError(ReasonDataAfterPadding, text, i)
	case c == Pad && d.n < 2:
		return charError(ReasonMisplacedPadding, text, i)
	case c == Pad:
		v = -1
		d.pad++
	}
	d.vals[d.n] = v
	d.offsets = append(d.offsets, i)
	d.n++
	d.chars++
	if d.n == 4 {
		d.emit()
	}
	return nil
}

// emit turns the four characters read into a group.
func (d *decoder) emit() {
	var v24 uint32
	s0 := len(d.sextets)
	for s, v := range d.vals {
		if v < 0 {
			d.sextets = append(d.sextets, padSextet)
			continue
		}
		d.sextets = append(d.sextets, dataSextet(v))
		v24 |= uint32(v) << (18 - 6*s)
	}
	d.bits = appendBits(d.bits, v24, 24)
	k := 3 - d.pad
	c0 := len(d.cells)
	for j := range k {
		b := byte(v24 >> (16 - 8*j))
		d.out = append(d.out, b)
		d.cells = append(d.cells, byteCells[b])
	}
	o0 := len(d.offsets) - 4
	g := DecodeGroup{
		Offsets:  d.offsets[o0 : o0+4 : o0+4],
		Sextets:  d.sextets[s0 : s0+4 : s0+4],
		BitKinds: groupKinds[d.pad],
		Bytes:    d.cells[c0 : c0+k : c0+k],
		Pad:      d.pad,
	}
	if dropped := v24 >> (6 * d.pad) & (1<<(2*d.pad) - 1); dropped != 0 {
		g.Note = ref("note.nonzero-discarded")
	}
	d.groups = append(d.groups, g)
	d.done = d.pad > 0
	d.n, d.pad = 0, 0
}

// finish fills in the groups' bit strings from one shared string and
// returns the groups and the decoded bytes.
func (d *decoder) finish() ([]DecodeGroup, []byte) {
	bitText := string(d.bits)
	for g := range d.groups {
		d.groups[g].Bits = bitText[24*g : 24*g+24]
	}
	return d.groups, d.out
}
