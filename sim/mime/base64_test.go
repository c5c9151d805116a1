package mime

import (
	"encoding/base64"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// randomBytes returns n bytes from a seeded generator, so failures reproduce.
func randomBytes(rng *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return b
}

// stdWrapped is encoding/base64's output broken at 76 with CRLF, built
// independently of wrap.
func stdWrapped(data []byte) string {
	s := base64.StdEncoding.EncodeToString(data)
	var lines []string
	for len(s) > 76 {
		lines = append(lines, s[:76])
		s = s[76:]
	}
	if s != "" {
		lines = append(lines, s)
	}
	return strings.Join(lines, "\r\n")
}

// checkEncode holds one trace to encoding/base64 and to its own invariants.
func checkEncode(t *testing.T, data []byte) {
	t.Helper()
	tr := TraceEncode(data)
	if want := base64.StdEncoding.EncodeToString(data); tr.Output != want {
		t.Fatalf("len %d: output %q, want %q", len(data), tr.Output, want)
	}
	if want := stdWrapped(data); tr.Wrapped != want {
		t.Fatalf("len %d: wrapped output differs from std broken at 76", len(data))
	}
	var joined strings.Builder
	var in []byte
	for g, grp := range tr.Groups {
		joined.WriteString(grp.Output)
		if grp.Offset != 3*g || len(grp.Bits) != 24 || len(grp.BitKinds) != 24 || len(grp.Sextets) != 4 {
			t.Fatalf("len %d group %d malformed: %+v", len(data), g, grp)
		}
		var bits strings.Builder
		for _, b := range grp.Bytes {
			in = append(in, byte(b.Value))
			bits.WriteString(b.Bits)
		}
		if !strings.HasPrefix(grp.Bits, bits.String()) {
			t.Fatalf("group %d: 24 bits %s do not start with the bytes' bits %s", g, grp.Bits, bits.String())
		}
		for s, x := range grp.Sextets {
			if x.Pad {
				continue
			}
			if x.Bits != grp.Bits[6*s:6*s+6] || Alphabet[x.Index] != x.Char[0] {
				t.Fatalf("group %d sextet %d inconsistent: %+v in %s", g, s, x, grp.Bits)
			}
		}
	}
	if joined.String() != tr.Output || string(in) != string(data) {
		t.Fatalf("len %d: groups do not join to the output and input", len(data))
	}
	if tr.Sizes.Raw != len(tr.Output) || tr.Sizes.Wrapped != len(tr.Wrapped) || tr.Sizes.Lines != len(tr.Lines) {
		t.Fatalf("len %d: sizes %+v disagree with output (%d, %d, %d lines)", len(data), tr.Sizes, len(tr.Output), len(tr.Wrapped), len(tr.Lines))
	}
}

func TestEncodeRFC4648Vectors(t *testing.T) {
	// RFC 4648 §10.
	for in, want := range map[string]string{
		"": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v",
		"foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy",
	} {
		if got := TraceEncode([]byte(in)).Output; got != want {
			t.Errorf("TraceEncode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEncodeEveryLengthAndRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n <= 300; n++ {
		checkEncode(t, randomBytes(rng, n))
	}
	for range 50 {
		checkEncode(t, randomBytes(rng, rng.IntN(5000)))
	}
	checkEncode(t, randomBytes(rng, MaxInput))
}

// TestEncodeMan is the lecture's worked example, checked cell by cell.
func TestEncodeMan(t *testing.T) {
	tr := TraceEncode([]byte("Man"))
	if len(tr.Groups) != 1 {
		t.Fatalf("groups = %d, want 1", len(tr.Groups))
	}
	g := tr.Groups[0]
	wantBytes := []Byte{
		{Value: 77, Hex: "4D", Bits: "01001101", Char: "M"},
		{Value: 97, Hex: "61", Bits: "01100001", Char: "a"},
		{Value: 110, Hex: "6E", Bits: "01101110", Char: "n"},
	}
	for i, w := range wantBytes {
		if g.Bytes[i] != w {
			t.Errorf("byte %d = %+v, want %+v", i, g.Bytes[i], w)
		}
	}
	if g.Bits != "010011010110000101101110" || g.BitKinds != strings.Repeat("d", 24) {
		t.Errorf("bits %s kinds %s", g.Bits, g.BitKinds)
	}
	wantSextets := []Sextet{
		{Bits: "010011", Index: 19, Char: "T"},
		{Bits: "010110", Index: 22, Char: "W"},
		{Bits: "000101", Index: 5, Char: "F"},
		{Bits: "101110", Index: 46, Char: "u"},
	}
	for i, w := range wantSextets {
		if g.Sextets[i] != w {
			t.Errorf("sextet %d = %+v, want %+v", i, g.Sextets[i], w)
		}
	}
	if g.Output != "TWFu" || g.Pad != 0 || g.Rule != nil {
		t.Errorf("output %q pad %d rule %v", g.Output, g.Pad, g.Rule)
	}
}

func TestEncodePaddingGroups(t *testing.T) {
	one := TraceEncode([]byte("M")).Groups[0]
	if one.Bits != "010011010000000000000000" || one.BitKinds != "ddddddddzzzzpppppppppppp" {
		t.Errorf("1 byte: bits %s kinds %s", one.Bits, one.BitKinds)
	}
	if one.Output != "TQ==" || one.Pad != 2 || !one.Sextets[2].Pad || !one.Sextets[3].Pad || one.Sextets[1].Bits != "010000" {
		t.Errorf("1 byte: %+v", one)
	}
	if one.Rule == nil || *one.Rule != Catalog["rule.pad-two"] {
		t.Errorf("1 byte: rule %v", one.Rule)
	}
	two := TraceEncode([]byte("Ma")).Groups[0]
	if two.BitKinds != "ddddddddddddddddzzpppppp" || two.Output != "TWE=" || two.Pad != 1 || two.Sextets[3] != padSextet {
		t.Errorf("2 bytes: %+v", two)
	}
	if two.Rule == nil || *two.Rule != Catalog["rule.pad-one"] {
		t.Errorf("2 bytes: rule %v", two.Rule)
	}
}

func TestEncodeWrapping(t *testing.T) {
	// 57 bytes make exactly one 76-character line; 58 start a second.
	for _, c := range []struct{ n, lines, wrapped int }{
		{0, 0, 0}, {57, 1, 76}, {58, 2, 76 + 2 + 4}, {114, 2, 152 + 2},
	} {
		tr := TraceEncode(make([]byte, c.n))
		if tr.Sizes.Lines != c.lines || tr.Sizes.Wrapped != c.wrapped {
			t.Errorf("n=%d: sizes %+v, want %d lines, %d wrapped", c.n, tr.Sizes, c.lines, c.wrapped)
		}
		for _, b := range tr.Breaks {
			if b%76 != 0 {
				t.Errorf("n=%d: break at %d", c.n, b)
			}
		}
	}
	tr := TraceEncode(make([]byte, 58))
	if len(tr.Breaks) != 1 || tr.Breaks[0] != 76 || tr.Groups[19].Line != 1 || tr.Groups[18].Line != 0 {
		t.Errorf("breaks %v, group 18 line %d, group 19 line %d", tr.Breaks, tr.Groups[18].Line, tr.Groups[19].Line)
	}
}

func TestEncodeSizes(t *testing.T) {
	s := TraceEncode([]byte("foob")).Sizes
	want := Sizes{Input: 4, Groups: 2, Padding: 2, Raw: 8, Lines: 1, Wrapped: 8, RawRatio: 2, Ratio: 2}
	if s != want {
		t.Errorf("sizes %+v, want %+v", s, want)
	}
	if s := TraceEncode(nil).Sizes; s.RawRatio != 0 || s.Ratio != 0 {
		t.Errorf("empty input ratios %+v, want 0 (JSON has no NaN)", s)
	}
	if _, err := json.Marshal(TraceEncode(nil)); err != nil {
		t.Errorf("empty trace does not marshal: %v", err)
	}
}

func TestEncodeTooLarge(t *testing.T) {
	tr := TraceEncode(make([]byte, MaxInput+1))
	if tr.Error == nil || tr.Error.Reason != ReasonTooLarge || len(tr.Groups) != 0 || tr.Output != "" {
		t.Fatalf("over the limit: error %v, %d groups", tr.Error, len(tr.Groups))
	}
	if tr.Sizes.Raw != 4*((MaxInput+1+2)/3) {
		t.Errorf("refused input still reports its size: %+v", tr.Sizes)
	}
	if !strings.Contains(tr.Error.Text.RO, "65537") || !strings.Contains(tr.Error.Text.EN, "65536") {
		t.Errorf("message does not give the figures: %+v", tr.Error.Text)
	}
}

func TestEncodeJSONShape(t *testing.T) {
	b, err := json.Marshal(TraceEncode([]byte("Ma")))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"groups":[{"offset":0,"bytes":[{"value":77,"hex":"4D","bits":"01001101","char":"M"}`,
		`{"bits":"","index":-1,"char":"=","pad":true}`,
		`"output":"TWE=","pad":1,"rule":{"ro":`,
		`"breaks":[]`,
		`"sizes":{"input":2,"groups":1,"padding":1,"raw":4,"lines":1,"wrapped":4,"rawRatio":2,"ratio":2}`,
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s\n%s", want, b)
		}
	}
	if strings.Contains(string(b), `"error"`) {
		t.Errorf("JSON has an error field on success: %s", b)
	}
}
