// Package sasl holds the pieces of SASL mechanisms (RFC 4422) that more
// than one of mailsim's servers checks: the PLAIN message (RFC 4616) and
// the CRAM-MD5 digest (RFC 2195). The exchanges themselves, with their
// prompts and replies, belong to each protocol's machine.
package sasl

import (
	"bytes"
	"crypto/hmac"
	"crypto/md5"
	"crypto/subtle"
	"encoding/hex"
)

// Plain splits a decoded PLAIN response, "authzid NUL authcid NUL
// password"; ok is false for anything else.
func Plain(data []byte) (authz, user, pass string, ok bool) {
	parts := bytes.Split(data, []byte{0})
	if len(parts) != 3 {
		return "", "", "", false
	}
	return string(parts[0]), string(parts[1]), string(parts[2]), true
}

// CRAMDigest returns the CRAM-MD5 digest of a challenge and a shared
// secret, in lower-case hex as the client's response carries it.
func CRAMDigest(challenge, secret string) string {
	mac := hmac.New(md5.New, []byte(secret))
	mac.Write([]byte(challenge))
	return hex.EncodeToString(mac.Sum(nil))
}

// Equal compares two secrets in constant time, so that the time of a
// failure does not tell how much of a guess was right.
func Equal(given, want string) bool {
	return subtle.ConstantTimeCompare([]byte(given), []byte(want)) == 1
}
