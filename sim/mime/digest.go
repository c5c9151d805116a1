package mime

import (
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"unicode/utf8"

	"mailsim/lang"
)

// The digests below are the two challenge-response logins of the lecture's
// protocols: POP3's APOP (RFC 1939 §7) and CRAM-MD5 (RFC 2195), shown step
// by step so that a student sees the secret never crosses the wire. MD5 is
// long broken; it is traced here because these protocols use it.

// Forms of a step's value.
const (
	FormText   = "text"
	FormHex    = "hex"
	FormBase64 = "base64"
)

// DigestStep is one intermediate value of a digest computation.
//
// JSON: {"key":"md5-input","label":lang.Text,"value":"<1896.697170952@dbc.mtview.ca.us>tanstaaf","form":"text"}
type DigestStep struct {
	Key   string    `json:"key"` // stable name of the step, see TraceAPOP and TraceCRAMMD5
	Label lang.Text `json:"label"`
	Value string    `json:"value"`
	Form  string    `json:"form"` // FormText, FormHex or FormBase64
}

// DigestTrace is a login digest computed step by step. Response is what the
// client sends: the hex digest for APOP, the Base64 line for CRAM-MD5.
//
// JSON: {"mechanism":"APOP","steps":[DigestStep…],"response":"c4c9…","error":Error?}
type DigestTrace struct {
	Mechanism string       `json:"mechanism"` // "APOP" or "CRAM-MD5"
	Steps     []DigestStep `json:"steps"`
	Response  string       `json:"response"`
	Error     *Error       `json:"error,omitempty"`
}

// Step returns the step with the given key.
func (t DigestTrace) Step(key string) (DigestStep, bool) {
	for _, s := range t.Steps {
		if s.Key == key {
			return s, true
		}
	}
	return DigestStep{}, false
}

func (t *DigestTrace) add(key, value, form string) {
	t.Steps = append(t.Steps, DigestStep{Key: key, Label: Catalog["digest."+key], Value: value, Form: form})
}

// textOrHex shows b as text when it is UTF-8, else in hexadecimal.
func textOrHex(b []byte) (string, string) {
	if utf8.Valid(b) {
		return string(b), FormText
	}
	return hex.EncodeToString(b), FormHex
}

// The lecture's APOP example ("Autentificare 2: APOP"). Its slide says that
// client and server share the password "mypass", but the digest it prints
// is MD5 of the timestamp followed by "cfugDemo123", the password of the
// same account (cfugDemo@evoch.com) on its USER/PASS slide: the example was
// taken from a real session, and the prose names another password. The
// pages run both, so a student sees which one the digest comes from.
const (
	LectureAPOPUser      = "cfugDemo@evoch.com"
	LectureAPOPTimestamp = "<20040818150527@email02.mywebmailserver.com>"
	LectureAPOPDigest    = "786b5c12203b391c9a903b515ce65a12"
	LectureAPOPSaid      = "mypass"      // the password the slide names
	LectureAPOPSecret    = "cfugDemo123" // the password its digest was made with
)

// TraceAPOP computes the APOP digest: MD5 of the server greeting's timestamp
// (angle brackets included) followed by the shared secret. Steps: timestamp,
// secret, md5-input, digest. Inputs longer than MaxInput together set Error.
func TraceAPOP(timestamp, secret string) DigestTrace {
	t := DigestTrace{Mechanism: "APOP", Steps: []DigestStep{}}
	if t.Error = tooLarge(len(timestamp)+len(secret), MaxInput); t.Error != nil {
		return t
	}
	input := timestamp + secret
	sum := md5.Sum([]byte(input))
	t.add("timestamp", timestamp, FormText)
	t.add("secret", secret, FormText)
	t.add("md5-input", input, FormText)
	t.Response = hex.EncodeToString(sum[:])
	t.add("digest", t.Response, FormHex)
	return t
}

// HMAC-MD5 constants (RFC 2104): MD5's block size and the two pad bytes.
const (
	hmacBlock = 64
	ipad      = 0x36
	opad      = 0x5c
)

// TraceCRAMMD5 computes the CRAM-MD5 response to a Base64 challenge:
// HMAC-MD5 keyed with the secret over the decoded challenge, written out by
// hand so every step shows, then "user hexdigest" in Base64. Steps:
// challenge, challenge-decoded, key, key-md5 (only for a key over 64
// bytes), key-block, ipad-key, opad-key, inner-hash, outer-hash,
// response-plain, response. A challenge that is not valid Base64 gives the
// decode error, which names the offending offset.
func TraceCRAMMD5(challenge, user, secret string) (DigestTrace, error) {
	t := DigestTrace{Mechanism: "CRAM-MD5", Steps: []DigestStep{}}
	if t.Error = tooLarge(len(user)+len(secret), MaxInput); t.Error != nil {
		return t, t.Error
	}
	t.add("challenge", challenge, FormBase64)
	dec, err := TraceDecode(challenge)
	if err != nil {
		t.Error = dec.Error
		return t, err
	}
	v, form := textOrHex(dec.Output)
	t.add("challenge-decoded", v, form)
	t.add("key", secret, FormText)

	key := []byte(secret)
	if len(key) > hmacBlock {
		sum := md5.Sum(key)
		key = sum[:]
		t.add("key-md5", hex.EncodeToString(key), FormHex)
	}
	block := make([]byte, hmacBlock)
	copy(block, key)
	t.add("key-block", hex.EncodeToString(block), FormHex)
	inner := make([]byte, hmacBlock, hmacBlock+len(dec.Output))
	outer := make([]byte, hmacBlock, hmacBlock+md5.Size)
	for i, b := range block {
		inner[i] = b ^ ipad
		outer[i] = b ^ opad
	}
	t.add("ipad-key", hex.EncodeToString(inner), FormHex)
	t.add("opad-key", hex.EncodeToString(outer), FormHex)
	innerSum := md5.Sum(append(inner, dec.Output...))
	t.add("inner-hash", hex.EncodeToString(innerSum[:]), FormHex)
	outerSum := md5.Sum(append(outer, innerSum[:]...))
	digest := hex.EncodeToString(outerSum[:])
	t.add("outer-hash", digest, FormHex)
	plain := user + " " + digest
	t.add("response-plain", plain, FormText)
	t.Response = base64.StdEncoding.EncodeToString([]byte(plain))
	t.add("response", t.Response, FormBase64)
	return t, nil
}
