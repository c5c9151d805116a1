package smtp

import (
	"bytes"
	"encoding/base64"
	"strings"

	"mailsim/sim/sasl"
)

// maxAuthLine is the longest SASL response line a client may send, CRLF
// included (RFC 4954 §4: 12288 octets).
const maxAuthLine = 12288

// The prompts of LOGIN, a de-facto mechanism older than SASL's registry
// that every mail client still speaks: base64 of "Username:" and
// "Password:".
const (
	loginUser = "VXNlcm5hbWU6"
	loginPass = "UGFzc3dvcmQ6"
)

// Authenticator gives the shared secret of a user, so that the machine can
// check PLAIN and LOGIN (the password itself) and CRAM-MD5 (an HMAC keyed
// with it). ok is false for a user that does not exist.
type Authenticator interface {
	Secret(user string) (secret string, ok bool)
}

// exchange is an AUTH exchange in progress: the mechanism whose response the
// next line carries, and for LOGIN the user name already given.
type exchange struct {
	mech string // "PLAIN", "LOGIN" or "CRAM-MD5"; "" when no exchange runs
	user string // LOGIN: the user name, once the client has sent it
	step int    // LOGIN: 0 waits for the user name, 1 for the password
}

// mechanisms lists the SASL mechanisms this session offers. PLAIN and
// LOGIN carry the password itself, only base64-encoded, so they are
// offered inside TLS, or outside it where the lab allows it (a loopback
// client). CRAM-MD5 never sends the password and needs the session's
// challenge.
func (s *Server) mechanisms() []string {
	if s.cfg.Auth == nil {
		return nil
	}
	var m []string
	if s.tls || s.cfg.ClearAuth {
		m = append(m, "PLAIN", "LOGIN")
	}
	if s.cfg.Challenge != "" {
		m = append(m, "CRAM-MD5")
	}
	return m
}

// auth starts a SASL exchange (RFC 4954). A server without an
// Authenticator says no mechanism is known, so a client learns that it
// cannot log in here rather than "unknown command".
func (s *Server) auth(arg string) Reply {
	if arg == "" {
		return syntax("AUTH mechanism")
	}
	if s.cfg.Auth == nil {
		return unknownMechanism()
	}
	switch {
	case s.authUser != "":
		return because("auth-twice", 503, "5.5.1", "Error: already authenticated")
	case s.clientName == "":
		return outOfSequence("send EHLO first")
	case s.state == MailFrom || s.state == RcptTo:
		return outOfSequence("MAIL transaction in progress")
	}
	mech, initial, _ := strings.Cut(arg, " ")
	mech = strings.ToUpper(mech)
	offered := false
	for _, m := range s.mechanisms() {
		offered = offered || m == mech
	}
	switch {
	case offered:
	case (mech == "PLAIN" || mech == "LOGIN") && !s.tls && s.cfg.TLS:
		return EncryptionRequired()
	default:
		return unknownMechanism()
	}
	s.sasl = exchange{mech: mech}
	switch mech {
	case "PLAIN":
		if initial == "" {
			return because("auth-plain-go", 334, "", "")
		}
		return s.saslResponse(initial)
	case "LOGIN":
		if initial == "" {
			return because("auth-username", 334, "", loginUser)
		}
		return s.saslResponse(initial)
	}
	if initial != "" { // CRAM-MD5: the server speaks first
		s.sasl = exchange{}
		return because("auth-malformed", 501, "5.5.4", "CRAM-MD5 takes no initial response")
	}
	return because("auth-cram-challenge", 334, "", base64.StdEncoding.EncodeToString([]byte(s.cfg.Challenge)))
}

// authResponse answers the line after a 334: the exchange's next step
// or its verdict. It is read with a longer limit than a command
// (maxAuthLine), and it never runs as a command, whatever it says.
func (s *Server) authResponse(line []byte) Output {
	if len(line) > maxAuthLine-2 {
		s.sasl = exchange{}
		return s.answer("AUTH-RESPONSE", because("auth-too-long", 500, "5.5.6", "Authentication Exchange line is too long"))
	}
	return s.answer("AUTH-RESPONSE", s.saslResponse(string(line)))
}

// saslResponse takes the client's line after a 334, or the initial
// response of the AUTH command. "*" cancels (RFC 4954 §4), and "=" is an
// empty initial response.
func (s *Server) saslResponse(line string) Reply {
	x := s.sasl
	s.sasl = exchange{}
	if line == "*" {
		return because("auth-aborted", 501, "5.7.0", "Authentication aborted")
	}
	if line == "=" {
		line = ""
	}
	data, err := base64.StdEncoding.DecodeString(line)
	if err != nil {
		return because("auth-bad-base64", 501, "5.5.2", "Cannot decode response")
	}
	switch x.mech {
	case "PLAIN": // RFC 4616: authzid NUL authcid NUL password
		authz, user, pass, ok := sasl.Plain(data)
		if !ok {
			return because("auth-malformed", 501, "5.5.4", "PLAIN response is not authzid NUL user NUL password")
		}
		secret, ok := s.cfg.Auth.Secret(user)
		return s.verdict(x.mech, user, ok && (authz == "" || authz == user) && sasl.Equal(pass, secret))
	case "LOGIN":
		if x.step == 0 {
			s.sasl = exchange{mech: "LOGIN", user: string(data), step: 1}
			return because("auth-password", 334, "", loginPass)
		}
		secret, ok := s.cfg.Auth.Secret(x.user)
		return s.verdict(x.mech, x.user, ok && sasl.Equal(string(data), secret))
	}
	// CRAM-MD5 (RFC 2195): user SP hex HMAC-MD5 of the challenge.
	i := bytes.LastIndexByte(data, ' ')
	if i < 0 {
		return because("auth-malformed", 501, "5.5.4", "CRAM-MD5 response is not user SP digest")
	}
	user, digest := string(data[:i]), string(data[i+1:])
	secret, ok := s.cfg.Auth.Secret(user)
	return s.verdict(x.mech, user, ok && sasl.Equal(digest, sasl.CRAMDigest(s.cfg.Challenge, secret)))
}

// verdict ends an exchange: 235 and the user is logged in, or 535. A
// password that crossed outside TLS (PLAIN or LOGIN on a loopback lab) is
// said so, since anyone on the path could have decoded it.
func (s *Server) verdict(mech, user string, good bool) Reply {
	if !good {
		return AuthFailed()
	}
	s.authUser = user
	return Authenticated(!s.tls && mech != "CRAM-MD5")
}

// AuthUser is the user this session authenticated as, "" before AUTH.
func (s *Server) AuthUser() string { return s.authUser }
