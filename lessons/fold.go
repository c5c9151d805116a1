package lessons

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold is s as search compares it: without diacritics and without case, so
// that "casuta", "CĂSUȚA" and the old cedilla spelling "căsuţa" are all
// "casuta". Marks are taken off by decomposing (NFD), dropping the
// non-spacing marks (ă is a and a breve, ș is s and a comma below, ş is s
// and a cedilla) and composing again; case goes by Unicode case folding.
func Fold(s string) string { return fold(s).text }

// folded is a text folded for search, with the place in the original of
// each of its bytes, so that a match found in it can be shown, and marked,
// in the text as written.
type folded struct {
	text       string
	start, end []int32 // for byte i of text, the original rune it came from is src[start[i]:end[i]]
}

// span is the original text's bytes that the folded bytes [i, j) came from.
func (f folded) span(i, j int) (int, int) { return int(f.start[i]), int(f.end[j-1]) }

// fold folds s a rune at a time, so that it knows where each folded byte
// came from. ASCII, most of any lesson, takes a short way, and the rest of
// the Latin letters a table; the other runes go through x/text's chain,
// one at a time. For Latin, Greek and Cyrillic text that is what folding
// the whole string gives, since once the marks are gone no rune composes
// with the next; where NFC would join two runes (Hangul jamo, a few
// spacing vowel signs) they stay apart, and as a query is folded the same
// way, it still finds them. Invalid UTF-8 becomes the replacement character.
func fold(s string) folded {
	var b strings.Builder
	b.Grow(len(s))
	f := folded{start: make([]int32, 0, len(s)), end: make([]int32, 0, len(s))}
	var t transform.Transformer
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		var out string
		switch {
		case r < utf8.RuneSelf:
			c := byte(r)
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			f.start, f.end = append(f.start, int32(i)), append(f.end, int32(i+n))
			i += n
			continue
		case unicode.Is(unicode.Mn, r):
			// a lone mark, from text already decomposed: nothing to fold
		case r < rune(len(latin)):
			out = latin[r]
		default:
			if t == nil {
				t = foldChain()
			}
			t.Reset()
			out, _, _ = transform.String(t, string(r))
		}
		b.WriteString(out)
		for range len(out) {
			f.start, f.end = append(f.start, int32(i)), append(f.end, int32(i+n))
		}
		i += n
	}
	f.text = b.String()
	return f
}

// latin is the fold of each rune of the Latin-1 and Latin Extended
// blocks, Romanian's letters among them, worked out once by the same chain:
// a lesson is mostly these, and the chain costs an allocation a rune.
var latin = func() (t [0x250]string) {
	c := foldChain()
	for r := range rune(len(t)) {
		c.Reset()
		t[r], _, _ = transform.String(c, string(r))
	}
	return t
}()

// foldChain is the transformation of one rune: decomposed, its marks
// dropped, composed again and case-folded. A chain keeps state, so each
// fold makes its own.
func foldChain() transform.Transformer {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC, cases.Fold())
}
