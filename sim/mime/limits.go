package mime

import (
	"fmt"
	"unicode/utf8"

	"mailsim/lang"
)

// MaxInput bounds the bytes a tracer takes. A trace records several cells per
// input byte, so 64 KiB already yields a few megabytes of JSON: enough for a
// small attachment, small enough to keep a page responsive.
const MaxInput = 64 << 10

// MaxText bounds the Base64 text a decode trace reads. Twice MaxInput leaves
// room for the wrapped Base64 of a MaxInput-byte file (88,534 characters)
// plus generous stray whitespace.
const MaxText = 2 * MaxInput

// Reason names why input was refused; it is the stable, machine-readable part
// of an Error.
type Reason string

// The reasons.
const (
	ReasonEmpty            Reason = "empty"
	ReasonTooLarge         Reason = "too-large"
	ReasonNotUTF8          Reason = "not-utf8"
	ReasonNotInAlphabet    Reason = "not-in-alphabet"
	ReasonMisplacedPadding Reason = "misplaced-padding"
	ReasonDataAfterPadding Reason = "data-after-padding"
	ReasonBadLength        Reason = "bad-length"
	ReasonBadName          Reason = "bad-name"
	ReasonBadKind          Reason = "bad-kind"
	ReasonExerciseSize     Reason = "exercise-size"
	ReasonPaddingRemainder Reason = "padding-remainder"
	ReasonNoParts          Reason = "no-parts"
	ReasonBadHeader        Reason = "bad-header"
	ReasonHeaderBreak      Reason = "header-break"
	ReasonBadType          Reason = "bad-type"
	ReasonBadEncoding      Reason = "bad-encoding"
	ReasonBinary           Reason = "binary"
	ReasonNUL              Reason = "nul"
	ReasonNot7bit          Reason = "not-7bit"
	ReasonLongLine         Reason = "long-line"
	ReasonMalformed        Reason = "malformed"
	ReasonTooDeep          Reason = "too-deep"
)

// Error is every refusal of this package. It says where (Offset, Char) and
// why (Reason, Text) so that the page can point at the offending character.
//
// JSON: {"reason":"not-in-alphabet","offset":5,"char":"\"!\"","text":{"ro":…,"en":…}}
type Error struct {
	Reason Reason    `json:"reason"`
	Offset int       `json:"offset"`         // byte offset in the input; -1 when the input as a whole is at fault
	Char   string    `json:"char,omitempty"` // the offending character, quoted as Go quotes it
	Text   lang.Text `json:"text"`           // the full explanation in both languages
}

// Error returns the English explanation; the page shows Text in the reader's language.
func (e *Error) Error() string { return e.Text.EN }

// wholeError is an Error about the input as a whole rather than one position.
func wholeError(r Reason, args ...any) *Error {
	return &Error{Reason: r, Offset: -1, Text: msg("err."+string(r), args...)}
}

// charError is an Error about the character at offset i of s; its message
// takes the quoted character and the offset.
func charError(r Reason, s string, i int) *Error {
	q := quoteAt(s, i)
	return &Error{Reason: r, Offset: i, Char: q, Text: msg("err."+string(r), q, i)}
}

// quoteAt quotes the character starting at offset i of s: the whole rune when
// it is valid UTF-8, so a student sees "é" rather than two stray bytes.
func quoteAt(s string, i int) string {
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size <= 1 {
		return fmt.Sprintf("%q", s[i:i+1])
	}
	return fmt.Sprintf("%q", string(r))
}

// CheckInput is the page's front door for bytes: it refuses empty input and
// input above MaxInput. The tracers themselves accept empty input, because
// the empty string has a perfectly good (empty) encoding.
func CheckInput(data []byte) error {
	return checkSize(len(data))
}

// CheckText is CheckInput for a page that expects text: it also refuses
// invalid UTF-8 and says at which byte it goes wrong. Binary input is fine for
// the tracers, but a text box that shows mojibake would teach the wrong thing.
func CheckText(s string) error {
	if err := checkSize(len(s)); err != nil {
		return err
	}
	if utf8.ValidString(s) {
		return nil
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			return &Error{Reason: ReasonNotUTF8, Offset: i, Char: quoteAt(s, i), Text: msg("err.not-utf8", i)}
		}
		i += size
	}
	return nil
}

func checkSize(n int) error {
	switch {
	case n == 0:
		return wholeError(ReasonEmpty)
	case n > MaxInput:
		return wholeError(ReasonTooLarge, n, MaxInput)
	}
	return nil
}

// tooLarge returns the error a tracer records for more than limit bytes, or nil.
func tooLarge(n, limit int) *Error {
	if n > limit {
		return wholeError(ReasonTooLarge, n, limit)
	}
	return nil
}
