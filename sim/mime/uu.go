package mime

import "strings"

// uuencode is the scheme mail used for binary data before MIME: the same
// 3 bytes -> four 6-bit groups, but each value v is written as the character
// v+32 (a backquote instead of the space for 0, so that no line ends in
// spaces a mailer might strip), and each line starts with a character giving
// how many bytes it carries.

// UULineBytes is how many input bytes a full uuencoded line carries; the
// line is then 1 + 60 characters long.
const UULineBytes = 45

// UUMode is the Unix file mode written on the begin line.
const UUMode = "644"

// uuChar is the uuencode character for a value from 0 to 63.
func uuChar(v int) byte {
	if v == 0 {
		return '`'
	}
	return byte(v + 32)
}

// UUSextet is one 6-bit group with its uuencode character and, for
// comparison, the Base64 character the same value selects.
//
// JSON: {"bits":"010000","value":16,"char":"0","base64":"Q"}
type UUSextet struct {
	Bits   string `json:"bits"`
	Value  int    `json:"value"`
	Char   string `json:"char"`   // the uuencode character: value+32, backquote for 0
	Base64 string `json:"base64"` // the Base64 character for the same value
}

// UUGroup is one 3-byte group of a uuencoded line. uuencode has no padding
// characters: a short final group is completed with zero bytes (Fill) and
// the line's length character tells the decoder how many bytes are real.
//
// JSON: {"bytes":[Byte…],"fill":0,"bits":"…","sextets":[UUSextet×4],"output":"0V%T"}
type UUGroup struct {
	Bytes   []Byte     `json:"bytes"` // the real bytes, 1 to 3
	Fill    int        `json:"fill"`  // zero bytes added to make 3
	Bits    string     `json:"bits"`  // 24 binary digits, zero bytes included
	Sextets []UUSextet `json:"sextets"`
	Output  string     `json:"output"`
}

// UULine is one encoded line: the length character, then the groups.
//
// JSON: {"offset":0,"count":3,"lengthChar":"#","groups":[UUGroup…],"text":"#0V%T"}
type UULine struct {
	Offset     int       `json:"offset"` // input offset of the line's first byte
	Count      int       `json:"count"`  // bytes on the line, 1 to UULineBytes
	LengthChar string    `json:"lengthChar"`
	Groups     []UUGroup `json:"groups"`
	Text       string    `json:"text"`
}

// UUSizes compares the size of the uuencoded file with the Base64 body of
// the same bytes.
//
// JSON: {"input":3,"output":29,"base64":4}
type UUSizes struct {
	Input  int `json:"input"`  // input bytes
	Output int `json:"output"` // uuencoded bytes, begin and end lines included
	Base64 int `json:"base64"` // Base64 bytes, wrapped at 76 with CRLF
}

// UUTrace is a file uuencoded step by step. Lines end with LF, as the Unix
// uuencode tool writes them; Output is the whole file, begin and end lines
// included. When the input exceeds MaxInput or the name is unusable, Error
// is set and nothing is traced.
//
// JSON: {"header":"begin 644 cat.txt","lines":[UULine…],"trailer":["`","end"],"output":"…","sizes":UUSizes,"error":Error?}
type UUTrace struct {
	Header  string   `json:"header"`
	Lines   []UULine `json:"lines"`
	Trailer []string `json:"trailer"` // the zero-length line and "end"
	Output  string   `json:"output"`
	Sizes   UUSizes  `json:"sizes"`
	Error   *Error   `json:"error,omitempty"`
}

// TraceUU uuencodes data as file name and records every step.
func TraceUU(data []byte, name string) UUTrace {
	t := UUTrace{Lines: []UULine{}, Trailer: []string{"`", "end"}}
	if t.Error = tooLarge(len(data), MaxInput); t.Error != nil {
		return t
	}
	if !validName(name) {
		t.Error = wholeError(ReasonBadName)
		return t
	}
	t.Header = "begin " + UUMode + " " + name
	var out strings.Builder
	out.WriteString(t.Header + "\n")
	for off := 0; off < len(data); off += UULineBytes {
		line := uuLine(data[off:min(off+UULineBytes, len(data))], off)
		t.Lines = append(t.Lines, line)
		out.WriteString(line.Text + "\n")
	}
	for _, l := range t.Trailer {
		out.WriteString(l + "\n")
	}
	t.Output = out.String()
	t.Sizes = UUSizes{Input: len(data), Output: len(t.Output), Base64: encodedSizes(len(data)).Wrapped}
	return t
}

// uuLine encodes the bytes of one line, which start at input offset off.
func uuLine(b []byte, off int) UULine {
	l := UULine{Offset: off, Count: len(b), LengthChar: string(rune(len(b) + 32))}
	text := []byte(l.LengthChar)
	for i := 0; i < len(b); i += 3 {
		k := min(3, len(b)-i)
		var v uint32
		for j := range k {
			v |= uint32(b[i+j]) << (16 - 8*j)
		}
		g := UUGroup{Fill: 3 - k, Bits: string(appendBits(nil, v, 24)), Sextets: make([]UUSextet, 4)}
		for j := range k {
			g.Bytes = append(g.Bytes, byteCells[b[i+j]])
		}
		out := make([]byte, 4)
		for s := range 4 {
			idx := int(v>>(18-6*s)) & 63
			out[s] = uuChar(idx)
			g.Sextets[s] = UUSextet{Bits: sextetBits[idx], Value: idx, Char: string(out[s : s+1]), Base64: Alphabet[idx : idx+1]}
		}
		g.Output = string(out)
		text = append(text, out...)
		l.Groups = append(l.Groups, g)
	}
	l.Text = string(text)
	return l
}

// validName reports whether name can stand on the begin line: non-empty,
// at most 255 bytes, and no control characters that would break the line.
func validName(name string) bool {
	if name == "" || len(name) > 255 {
		return false
	}
	for i := 0; i < len(name); i++ {
		if name[i] < 0x20 || name[i] == 0x7F {
			return false
		}
	}
	return true
}
