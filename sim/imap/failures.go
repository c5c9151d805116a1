package imap

import "mailsim/sim/machine"

// KeyTooManyFailures is the BYE after the last failed login a session may
// make.
const KeyTooManyFailures = "imap.bye.too-many-failures"

// Feed handles one client line, given without its CRLF; see feed. It
// counts failed logins: each is answered after machine.LoginDelay, and the
// machine.MaxLoginFailures-th is followed by BYE and the end of the session.
func (s *Server) Feed(line []byte) Output {
	out := s.feed(line)
	if out.Key != KeyAuthFailed {
		return out
	}
	s.failures++
	out.Delay = machine.LoginDelay(s.failures)
	if s.failures >= machine.MaxLoginFailures {
		s.Drop()
		out.Lines = append(out.Lines, "* BYE Too many failed logins")
		out.Key, out.Close = KeyTooManyFailures, true
	}
	return out
}
