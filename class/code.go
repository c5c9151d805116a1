package class

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"strings"
)

// Alphabet is what a join code is made of: capitals and digits without the
// ones a student misreads from a projector or a phone (0 O, 1 I L, 5 S,
// 8 B, 2 Z, U V, Q), so that a code read aloud or typed is the code shown.
const Alphabet = "ACDEFGHJKMNPRTWXY34679"

// CodeLen is a join code's length: 22⁶ ≈ 113 million codes, against a few
// hundred classes at a time, each found only by guessing past the join
// rate limit.
const CodeLen = 6

// ErrBadCode is a typed code that cannot be one.
var ErrBadCode = errors.New("a class code is 6 letters and digits")

// newCode draws a code with crypto/rand, each character uniform over the
// alphabet: rand.Text-like rejection of the bytes past the last whole
// multiple of the alphabet's size.
func newCode() string {
	var b strings.Builder
	buf := make([]byte, 1)
	for b.Len() < CodeLen {
		rand.Read(buf)
		if int(buf[0]) >= 256/len(Alphabet)*len(Alphabet) {
			continue
		}
		b.WriteByte(Alphabet[int(buf[0])%len(Alphabet)])
	}
	return b.String()
}

// ParseCode reads a code as a student types it: any case, with spaces or
// dashes between groups ("ack-34x").
func ParseCode(s string) (string, error) {
	s = strings.ToUpper(strings.NewReplacer(" ", "", "-", "").Replace(strings.TrimSpace(s)))
	if len(s) != CodeLen {
		return "", ErrBadCode
	}
	for i := range len(s) {
		if strings.IndexByte(Alphabet, s[i]) < 0 {
			return "", ErrBadCode
		}
	}
	return s, nil
}

// secretLen is the instructor's secret in bytes: 128 bits, unguessable.
const secretLen = 16

// newSecret is a fresh instructor secret, as text for a cookie.
func newSecret() string {
	b := make([]byte, secretLen)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// same compares a presented secret with the class's in constant time.
func same(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}
