package mime

import "mailsim/lang"

// EncodeGroup is one 3-byte group of a Base64 encoding, every step of it: the
// input bytes, their 24 bits (zero-filled when fewer than 3 bytes are left),
// the four 6-bit groups with their indices and characters, and the padding.
//
// JSON:
//
//	{"offset":0,"bytes":[Byte…],"bits":"010011010110000101101110",
//	 "bitKinds":"dddddddddddddddddddddddd","sextets":[Sextet×4],
//	 "output":"TWFu","pad":0,"line":0}
//
// "rule" (a lang.Text) is present on a final group that needed padding.
type EncodeGroup struct {
	Offset   int        `json:"offset"`         // input offset of the first byte
	Bytes    []Byte     `json:"bytes"`          // 1 to 3 bytes
	Bits     string     `json:"bits"`           // 24 binary digits; bits of missing bytes shown as 0
	BitKinds string     `json:"bitKinds"`       // 24 letters, see BitData, BitFill, BitPad
	Sextets  []Sextet   `json:"sextets"`        // always 4
	Output   string     `json:"output"`         // the 4 output characters
	Pad      int        `json:"pad"`            // how many of them are '=' (0, 1 or 2)
	Rule     *lang.Text `json:"rule,omitempty"` // why that many '=' (only when Pad > 0)
	Line     int        `json:"line"`           // 0-based line of the wrapped output the group lands on
}

// Sizes are the figures a student compares: how much bigger Base64 makes
// data, raw and once wrapped for MIME.
//
// JSON: {"input":3,"groups":1,"padding":0,"raw":4,"lines":1,"wrapped":4,"rawRatio":1.333…,"ratio":1.333…}
type Sizes struct {
	Input    int     `json:"input"`    // input bytes n
	Groups   int     `json:"groups"`   // ceil(n/3)
	Padding  int     `json:"padding"`  // '=' characters at the end
	Raw      int     `json:"raw"`      // 4*ceil(n/3) characters
	Lines    int     `json:"lines"`    // lines of at most LineLength characters
	Wrapped  int     `json:"wrapped"`  // Raw plus 2 bytes for each CRLF between lines
	RawRatio float64 `json:"rawRatio"` // Raw/Input (0 for empty input): tends to 4/3
	Ratio    float64 `json:"ratio"`    // Wrapped/Input (0 for empty input): the overhead on the wire
}

// EncodeTrace is the whole Base64 encoding of some bytes, step by step.
// Output always equals encoding/base64.StdEncoding's, and Wrapped is Output
// broken after every LineLength characters with CRLF. A message body would
// also end its last line with CRLF; Wrapped leaves that to the message, so
// Sizes.Wrapped counts only the breaks between lines.
//
// When the input exceeds MaxInput, Error is set, Sizes still tell how big the
// encoding would be, and nothing is traced.
//
// JSON: {"groups":[EncodeGroup…],"output":"…","wrapped":"…","lines":["…"],"breaks":[76,…],"sizes":Sizes,"error":Error?}
type EncodeTrace struct {
	Groups  []EncodeGroup `json:"groups"`
	Output  string        `json:"output"`
	Wrapped string        `json:"wrapped"`
	Lines   []string      `json:"lines"`  // the wrapped lines without their CRLF
	Breaks  []int         `json:"breaks"` // offsets in Output before which a CRLF goes
	Sizes   Sizes         `json:"sizes"`
	Error   *Error        `json:"error,omitempty"`
}

// TraceEncode encodes data in Base64 and records every step.
func TraceEncode(data []byte) EncodeTrace {
	t := EncodeTrace{Groups: []EncodeGroup{}, Lines: []string{}, Breaks: []int{}, Sizes: encodedSizes(len(data))}
	if t.Error = tooLarge(len(data), MaxInput); t.Error != nil {
		return t
	}
	n := len(data)
	groups := t.Sizes.Groups
	// One backing array per kind of cell keeps a 64 KiB trace to a handful
	// of allocations; each group takes a slice of them.
	out := make([]byte, 4*groups)
	bits := make([]byte, 0, 24*groups)
	cells := make([]Byte, n)
	sextets := make([]Sextet, 4*groups)
	t.Groups = make([]EncodeGroup, groups)
	for g := range groups {
		i := 3 * g
		k := min(3, n-i)
		var v uint32
		for j := range k {
			v |= uint32(data[i+j]) << (16 - 8*j)
			cells[i+j] = byteCells[data[i+j]]
		}
		bits = appendBits(bits, v, 24)
		pad := 3 - k
		for s := range 4 {
			if s >= 4-pad {
				sextets[4*g+s] = padSextet
				out[4*g+s] = Pad
				continue
			}
			idx := int(v>>(18-6*s)) & 63
			sextets[4*g+s] = dataSextet(idx)
			out[4*g+s] = Alphabet[idx]
		}
		t.Groups[g] = EncodeGroup{
			Offset:   i,
			Bytes:    cells[i : i+k : i+k],
			BitKinds: groupKinds[pad],
			Sextets:  sextets[4*g : 4*g+4 : 4*g+4],
			Pad:      pad,
			Rule:     padRule(pad),
			Line:     4 * g / LineLength,
		}
	}
	t.Output = string(out)
	bitText := string(bits)
	for g := range t.Groups {
		t.Groups[g].Bits = bitText[24*g : 24*g+24]
		t.Groups[g].Output = t.Output[4*g : 4*g+4]
	}
	t.Wrapped, t.Lines, t.Breaks = wrap(t.Output)
	return t
}

// padRule explains a final group's padding; nil for a full group.
func padRule(pad int) *lang.Text {
	switch pad {
	case 1:
		return ref("rule.pad-one")
	case 2:
		return ref("rule.pad-two")
	}
	return nil
}

// encodedSizes computes Sizes from the input length alone, so that even a
// refused input can be told how large its encoding would be.
func encodedSizes(n int) Sizes {
	s := Sizes{Input: n, Groups: (n + 2) / 3}
	s.Raw = 4 * s.Groups
	s.Padding = (3 - n%3) % 3
	s.Lines = (s.Raw + LineLength - 1) / LineLength
	s.Wrapped = s.Raw
	if s.Lines > 1 {
		s.Wrapped += 2 * (s.Lines - 1)
	}
	s.RawRatio = ratio(s.Raw, n)
	s.Ratio = ratio(s.Wrapped, n)
	return s
}
