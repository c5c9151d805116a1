package imap

import (
	"bytes"
	"crypto/subtle"
	"encoding/base64"
	"strings"
)

// authFailedText answers every failed login alike, so that a failure does
// not tell an attacker which user names exist.
const authFailedText = "[AUTHENTICATIONFAILED] Invalid credentials"

// login answers "LOGIN user password". The password crosses the network
// in clear text, as with POP3's PASS.
func (s *Server) login(c *command) Output {
	p := c.p
	var user, pass string
	ok := p.sp()
	if ok {
		user, ok = p.astring()
	}
	if ok && p.sp() {
		pass, ok = p.astring()
	} else {
		ok = false
	}
	if !ok || !c.end() {
		return c.syntax("LOGIN user password")
	}
	return s.authenticated(c, KeyLogin, user, pass)
}

// authenticated checks the credentials and, when they are right, enters
// the Authenticated state. The OK carries the capabilities, which change
// at login, so that the client need not ask again.
func (s *Server) authenticated(c *command, key, user, pass string) Output {
	if !s.cfg.Store.Login(user, pass) {
		return c.no(KeyAuthFailed, authFailedText)
	}
	s.user = user
	s.state = Authenticated
	done := "LOGIN completed"
	if key == KeyAuthenticate {
		done = "AUTHENTICATE completed"
	}
	return c.ok(key, "[CAPABILITY "+s.capabilities()+"] "+done)
}

// authenticate answers "AUTHENTICATE PLAIN [initial-response]". Without an
// initial response (SASL-IR, RFC 4959) the server sends an empty "+ "
// challenge and the next line is the client's response.
func (s *Server) authenticate(c *command) Output {
	p := c.p
	var mech string
	ok := p.sp()
	if ok {
		mech, ok = p.atom()
	}
	if !ok {
		return c.syntax("AUTHENTICATE mechanism [initial-response]")
	}
	if !strings.EqualFold(mech, "PLAIN") {
		return c.no(KeyMechanism, "Unsupported authentication mechanism; this server offers PLAIN")
	}
	if p.sp() {
		initial, ok := p.atom()
		if !ok || !c.end() {
			return c.syntax("AUTHENTICATE PLAIN [initial-response]")
		}
		if initial == "=" {
			initial = ""
		}
		return s.plain(c, initial)
	}
	if !c.end() {
		return c.syntax("AUTHENTICATE PLAIN [initial-response]")
	}
	s.saslTag = c.tag
	return Output{Lines: []string{"+ "}, Command: c.verb, Key: KeyContAuth}
}

// saslResponse handles the line that answers the "+ " challenge.
func (s *Server) saslResponse(line string) Output {
	c := &command{s: s, tag: s.saslTag, p: &parser{}}
	s.saslTag = ""
	if line == "*" {
		return c.bad(KeyAuthCancelled, "AUTHENTICATE cancelled")
	}
	return s.plain(c, line)
}

// plain checks a PLAIN response: base64 of "authzid NUL authcid NUL
// password" (RFC 4616). An authorization identity other than the user
// is refused, as this server lets nobody act for someone else.
func (s *Server) plain(c *command, response string) Output {
	raw, err := base64.StdEncoding.DecodeString(response)
	if err != nil {
		return c.bad(KeyAuthMalformed, "Invalid base64 in SASL response")
	}
	parts := bytes.Split(raw, []byte{0})
	if len(parts) != 3 {
		return c.bad(KeyAuthMalformed, "PLAIN response is not authzid NUL user NUL password")
	}
	user := string(parts[1])
	if authz := string(parts[0]); authz != "" && authz != user {
		return c.no(KeyAuthFailed, authFailedText)
	}
	return s.authenticated(c, KeyAuthenticate, user, string(parts[2]))
}

// equalSecret compares in constant time, so the time a wrong answer takes
// says nothing about how much of it was right.
func equalSecret(given, want string) bool {
	return subtle.ConstantTimeCompare([]byte(given), []byte(want)) == 1
}
