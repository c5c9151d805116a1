package mime

import (
	"bytes"
	"encoding/base64"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// stripSpace removes the whitespace TraceDecode skips, so the rest can be
// handed to encoding/base64 (which itself skips only CR and LF).
func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\r' || r == '\n' {
			return -1
		}
		return r
	}, s)
}

// checkDecodeAgrees holds TraceDecode to encoding/base64 on validity and bytes.
func checkDecodeAgrees(t *testing.T, text string) {
	t.Helper()
	tr, err := TraceDecode(text)
	want, stdErr := base64.StdEncoding.DecodeString(stripSpace(text))
	if (err == nil) != (stdErr == nil) {
		t.Fatalf("TraceDecode(%q): error %v, encoding/base64: %v", text, err, stdErr)
	}
	if err != nil {
		var e *Error
		if !errors.As(err, &e) || e != tr.Error || e.Offset < 0 || e.Offset > len(text) {
			t.Fatalf("TraceDecode(%q): error %#v not located in the trace", text, err)
		}
		return
	}
	if !bytes.Equal(tr.Output, want) {
		t.Fatalf("TraceDecode(%q) = %x, want %x", text, tr.Output, want)
	}
	var joined []byte
	for _, g := range tr.Groups {
		for _, b := range g.Bytes {
			joined = append(joined, byte(b.Value))
		}
	}
	if !bytes.Equal(joined, want) {
		t.Fatalf("TraceDecode(%q): group bytes %x, want %x", text, joined, want)
	}
}

func TestDecodeRFC4648Vectors(t *testing.T) {
	for want, in := range map[string]string{
		"": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v",
		"foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy",
	} {
		tr, err := TraceDecode(in)
		if err != nil || string(tr.Output) != want || tr.Text != want {
			t.Errorf("TraceDecode(%q) = %q, %v; want %q", in, tr.Output, err, want)
		}
	}
}

func TestDecodeMan(t *testing.T) {
	tr, err := TraceDecode("TWFu")
	if err != nil {
		t.Fatal(err)
	}
	g := tr.Groups[0]
	idx := []int{19, 22, 5, 46}
	for i, s := range g.Sextets {
		if s.Index != idx[i] || s.Char != "TWFu"[i:i+1] || s.Bits != sextetBits[idx[i]] {
			t.Errorf("sextet %d = %+v", i, s)
		}
	}
	if g.Bits != "010011010110000101101110" || len(g.Bytes) != 3 || g.Bytes[0].Bits != "01001101" || g.Bytes[2].Char != "n" {
		t.Errorf("group %+v", g)
	}
	if tr.Hex != "4D616E" || tr.Text != "Man" || tr.Chars != 4 {
		t.Errorf("hex %s text %q chars %d", tr.Hex, tr.Text, tr.Chars)
	}
}

func TestDecodeSkipsWhitespace(t *testing.T) {
	tr, err := TraceDecode("TW\r\nFu \tTQ==\r\n")
	if err != nil || string(tr.Output) != "ManM" {
		t.Fatalf("got %q, %v", tr.Output, err)
	}
	if want := []int{2, 3, 6, 7, 12, 13}; !slices.Equal(tr.Skipped, want) {
		t.Errorf("skipped %v, want %v", tr.Skipped, want)
	}
	if want := []int{0, 1, 4, 5}; !slices.Equal(tr.Groups[0].Offsets, want) {
		t.Errorf("offsets %v, want %v", tr.Groups[0].Offsets, want)
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, c := range []struct {
		in     string
		reason Reason
		offset int
		char   string
		groups int
	}{
		{"TWFu!WFu", ReasonNotInAlphabet, 4, `"!"`, 1},
		{"TWFuTé==", ReasonNotInAlphabet, 5, `"é"`, 1},
		{"TWFu-_==", ReasonNotInAlphabet, 4, `"-"`, 1}, // the URL alphabet is not MIME's
		{"=WFu", ReasonMisplacedPadding, 0, `"="`, 0},
		{"T===", ReasonMisplacedPadding, 1, `"="`, 0},
		{"TQ==TWFu", ReasonDataAfterPadding, 4, `"T"`, 1},
		{"TQ=A", ReasonDataAfterPadding, 3, `"A"`, 0},
		{"TQ==\r\n=", ReasonDataAfterPadding, 6, `"="`, 1},
		{"TWFuTW", ReasonBadLength, 4, `"T"`, 1},
		{"TWFuT\r\nW=", ReasonBadLength, 4, `"T"`, 1},
	} {
		tr, err := TraceDecode(c.in)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%q: error %v, want *Error", c.in, err)
			continue
		}
		if e.Reason != c.reason || e.Offset != c.offset || e.Char != c.char || len(tr.Groups) != c.groups {
			t.Errorf("%q: %s at %d %s with %d groups; want %s at %d %s with %d", c.in, e.Reason, e.Offset, e.Char, len(tr.Groups), c.reason, c.offset, c.char, c.groups)
		}
		if !e.Text.Complete() || !strings.Contains(e.Text.EN, "offset") || !strings.Contains(e.Text.RO, "poziția") {
			t.Errorf("%q: message %+v does not say where", c.in, e.Text)
		}
		checkDecodeAgrees(t, c.in)
	}
}

func TestDecodeNonZeroDroppedBits(t *testing.T) {
	// "TR==" carries the bits 0100 1101 0001: the last four are dropped.
	tr, err := TraceDecode("TR==")
	if err != nil || string(tr.Output) != "M" || tr.Groups[0].Note == nil {
		t.Fatalf("got %q, %v, note %v", tr.Output, err, tr.Groups[0].Note)
	}
	if tr.Groups[0].BitKinds != "ddddddddzzzzpppppppppppp" {
		t.Errorf("kinds %s", tr.Groups[0].BitKinds)
	}
	if tr, _ := TraceDecode("TQ=="); tr.Groups[0].Note != nil {
		t.Errorf("zero dropped bits noted")
	}
	checkDecodeAgrees(t, "TR==")
}

func TestDecodeAgreesWithStd(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n <= 300; n++ {
		data := randomBytes(rng, n)
		enc := base64.StdEncoding.EncodeToString(data)
		checkDecodeAgrees(t, enc)
		checkDecodeAgrees(t, stdWrapped(data))
		// One character replaced, inserted or removed: valid or not, both
		// decoders must say the same.
		if n > 0 {
			i := rng.IntN(len(enc))
			c := string("A=+/!\n "[rng.IntN(7)])
			checkDecodeAgrees(t, enc[:i]+c+enc[i+1:])
			checkDecodeAgrees(t, enc[:i]+c+enc[i:])
			checkDecodeAgrees(t, enc[:i]+enc[i+1:])
		}
	}
	for range 2000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = "AQgw=+/ \r\n!"[rng.IntN(11)]
		}
		checkDecodeAgrees(t, string(b))
	}
}

func TestDecodeTooLarge(t *testing.T) {
	_, err := TraceDecode(strings.Repeat("A", MaxText+4))
	var e *Error
	if !errors.As(err, &e) || e.Reason != ReasonTooLarge {
		t.Fatalf("error %v, want too-large", err)
	}
	// The wrapped encoding of a MaxInput-byte file fits.
	if _, err := TraceDecode(stdWrapped(make([]byte, MaxInput))); err != nil {
		t.Fatalf("wrapped MaxInput bytes refused: %v", err)
	}
}
