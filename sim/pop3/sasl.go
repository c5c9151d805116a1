package pop3

import (
	"bytes"
	"encoding/base64"
	"strings"

	"mailsim/sim/sasl"
)

// mechanisms returns the SASL mechanisms this session offers. CRAM-MD5 needs
// a challenge from the caller, so it is offered only when one was given.
func (s *Server) mechanisms() []string {
	if s.cfg.Challenge == "" {
		return []string{"PLAIN"}
	}
	return []string{"PLAIN", "CRAM-MD5"}
}

// authCmd starts a SASL exchange (RFC 5034). Without an argument it lists
// the mechanisms, as many servers do for clients older than CAPA.
func (s *Server) authCmd(arg string) Output {
	s.user = ""
	f := strings.Fields(arg)
	if len(f) == 0 {
		return multiLine("AUTH", KeyAuthList, "Supported mechanisms follow", s.mechanisms())
	}
	if len(f) > 2 {
		return errLine("AUTH", KeySyntax, "Usage: AUTH mechanism [initial-response]")
	}
	mech := strings.ToUpper(f[0])
	switch {
	case mech == "PLAIN" && len(f) == 2:
		return s.saslPlain("AUTH", f[1])
	case mech == "PLAIN":
		s.mech = mech
		return challenge("AUTH", "")
	case mech == "CRAM-MD5" && s.cfg.Challenge != "" && len(f) == 2:
		return errLine("AUTH", KeySyntax, "CRAM-MD5 takes no initial response: the server speaks first")
	case mech == "CRAM-MD5" && s.cfg.Challenge != "":
		s.mech = mech
		return challenge("AUTH", base64.StdEncoding.EncodeToString([]byte(s.cfg.Challenge)))
	}
	return errLine("AUTH", KeyMechanism, "Unrecognized authentication type")
}

// challenge builds a "+ " continuation line carrying base64 data.
func challenge(cmd, data string) Output {
	return Output{Lines: []string{"+ " + data}, OK: true, Command: cmd, Key: KeyChallenge}
}

// saslResponse handles the client's line after a "+ " continuation. It has
// no verb, so its Output has no Command.
func (s *Server) saslResponse(line string) Output {
	mech := s.mech
	s.mech = ""
	if line == "*" {
		return errLine("", KeyAuthCancelled, "Authentication cancelled")
	}
	if mech == "PLAIN" {
		return s.saslPlain("", line)
	}
	return s.saslCRAM(line)
}

// saslPlain checks a PLAIN response (RFC 4616): base64 of
// "authzid NUL authcid NUL password". Acting as another user (an authzid
// different from the authcid) is not supported and fails like a wrong password.
// "=" is the empty initial response of RFC 5034 §4.
func (s *Server) saslPlain(cmd, b64 string) Output {
	if b64 == "=" {
		b64 = ""
	}
	data, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return errLine(cmd, KeyAuthMalformed, "Invalid base64 in SASL response")
	}
	authz, user, pass, ok := sasl.Plain(data)
	if !ok {
		return errLine(cmd, KeyAuthMalformed, "PLAIN response is not authzid NUL user NUL password")
	}
	secret, ok := s.cfg.Maildrop.Secret(user)
	if !ok || (authz != "" && authz != user) || !equalSecret(pass, secret) {
		return errLine(cmd, KeyAuthFailed, authFailedText)
	}
	return s.login(cmd, user, "PLAIN authentication successful")
}

// saslCRAM checks a CRAM-MD5 response (RFC 2195): base64 of
// "user SP digest", where digest is the lower-case hex HMAC-MD5 of the
// challenge keyed with the shared secret.
func (s *Server) saslCRAM(b64 string) Output {
	data, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return errLine("", KeyAuthMalformed, "Invalid base64 in SASL response")
	}
	i := bytes.LastIndexByte(data, ' ')
	if i < 0 {
		return errLine("", KeyAuthMalformed, "CRAM-MD5 response is not user SP digest")
	}
	user, digest := string(data[:i]), string(data[i+1:])
	secret, ok := s.cfg.Maildrop.Secret(user)
	if !ok || !equalSecret(digest, sasl.CRAMDigest(s.cfg.Challenge, secret)) {
		return errLine("", KeyAuthFailed, authFailedText)
	}
	return s.login("", user, "CRAM-MD5 authentication successful")
}
