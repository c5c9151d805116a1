package pop3

import "mailsim/sim/machine"

// KeyTooManyFailures is the answer to the last failed login a session may
// make, after which the server closes the connection.
const KeyTooManyFailures = "pop3.err.too-many-failures"

// Feed handles one client line, given without its CRLF; see feed. It
// counts failed logins: each is answered after machine.LoginDelay, and the
// machine.MaxLoginFailures-th closes the session with an [AUTH] answer
// (RFC 3206) that says why.
func (s *Server) Feed(line []byte) Output {
	out := s.feed(line)
	if out.Key != KeyAuthFailed {
		return out
	}
	s.failures++
	out.Delay = machine.LoginDelay(s.failures)
	if s.failures >= machine.MaxLoginFailures {
		s.Drop()
		out.Lines = []string{"-ERR [AUTH] " + authFailedText + "; too many failed logins, closing connection"}
		out.Key, out.Close = KeyTooManyFailures, true
	}
	return out
}
