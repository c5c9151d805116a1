package pop3

import (
	"crypto/md5"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"strings"
)

// authFailedText is the lecture's text for every failed login. It does not
// say whether the user or the secret was wrong, so a failure tells an
// attacker nothing about which user names exist.
const authFailedText = "Unknown user or incorrect password"

// authorization handles a command in the AUTHORIZATION state.
func (s *Server) authorization(verb, arg string) Output {
	switch verb {
	case "USER":
		return s.userCmd(arg)
	case "PASS":
		return s.passCmd(arg)
	case "APOP":
		return s.apopCmd(arg)
	case "AUTH":
		return s.authCmd(arg)
	case "CAPA":
		return s.capaCmd(arg)
	case "STLS":
		return s.stlsCmd(arg)
	case "UTF8":
		return s.utf8Cmd(arg)
	case "QUIT":
		if arg != "" {
			return errLine(verb, KeySyntax, "Usage: QUIT")
		}
		s.state = Closed
		out := okLine(verb, KeyQuit, "POP3 server closing connection")
		out.Close = true
		return out
	}
	return s.misplaced(verb)
}

// userCmd answers USER with the lecture's echo of the name. The name is not
// checked yet: an unknown user fails at PASS with the same text as a wrong
// password.
func (s *Server) userCmd(arg string) Output {
	f := strings.Fields(arg)
	if len(f) != 1 {
		s.user = ""
		return errLine("USER", KeySyntax, "Usage: USER name")
	}
	s.user = f[0]
	return okLine("USER", KeyUser, s.user)
}

// passCmd checks the password for the name given by USER. The whole rest of
// the line is the password, spaces included (RFC 1939 §7).
func (s *Server) passCmd(arg string) Output {
	user := s.user
	s.user = ""
	if user == "" {
		return errLine("PASS", KeyUserFirst, "Send USER first")
	}
	if arg == "" {
		return errLine("PASS", KeySyntax, "Usage: PASS password")
	}
	secret, ok := s.cfg.Maildrop.Secret(user)
	if !ok || !equalSecret(arg, secret) {
		return errLine("PASS", KeyAuthFailed, authFailedText)
	}
	return s.login("PASS", user, "")
}

// apopCmd checks "APOP name digest", where digest is the MD5 of the
// greeting's timestamp followed by the shared secret (RFC 1939 §7).
func (s *Server) apopCmd(arg string) Output {
	s.user = ""
	if s.cfg.Timestamp == "" {
		return errLine("APOP", KeyNoAPOP, "APOP not available: the greeting has no timestamp")
	}
	f := strings.Fields(arg)
	if len(f) != 2 {
		return errLine("APOP", KeySyntax, "Usage: APOP name digest")
	}
	secret, ok := s.cfg.Maildrop.Secret(f[0])
	if !ok || !equalSecret(strings.ToLower(f[1]), APOPDigest(s.cfg.Timestamp, secret)) {
		return errLine("APOP", KeyAuthFailed, authFailedText)
	}
	return s.login("APOP", f[0], "")
}

// APOPDigest returns the APOP digest of a greeting's timestamp and a shared
// secret, in lower-case hex as the APOP command carries it.
func APOPDigest(timestamp, secret string) string {
	sum := md5.Sum([]byte(timestamp + secret))
	return hex.EncodeToString(sum[:])
}

// equalSecret compares in constant time, so the time a wrong answer takes
// says nothing about how much of it was right.
func equalSecret(given, want string) bool {
	return subtle.ConstantTimeCompare([]byte(given), []byte(want)) == 1
}

// login locks the authenticated user's maildrop and enters TRANSACTION.
// A maildrop that another session holds is refused with the RFC 2449
// IN-USE code, and the session stays in AUTHORIZATION. text is the
// success text; empty means the lecture's "N messages M octets".
func (s *Server) login(cmd, user, text string) Output {
	if !s.cfg.Maildrop.Lock(user) {
		return errLine(cmd, KeyInUse, "[IN-USE] Maildrop already locked by another session")
	}
	s.owner = user
	stored := s.cfg.Maildrop.Messages(user)
	s.msgs = make([]message, len(stored))
	for i, m := range stored {
		s.msgs[i] = newMessage(m)
	}
	s.state = Transaction
	if text == "" {
		n, size := s.dropSize()
		text = fmt.Sprintf("%d messages %d octets", n, size)
	}
	return okLine(cmd, KeyLogin, text)
}
