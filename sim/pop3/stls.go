package pop3

// The explanation keys of STLS's answers.
const (
	KeyTLSReady   = "pop3.ok.stls"             // STLS accepted: the handshake follows
	KeyTLSActive  = "pop3.err.tls-active"      // STLS inside TLS
	KeyTLSMissing = "pop3.err.tls-unavailable" // STLS where the server cannot upgrade
)

// stlsCmd answers STLS (RFC 2595 §4), allowed only in AUTHORIZATION. On
// "+OK" the Output asks the adapter for the handshake, and the session
// forgets a USER given in clear; the client must ask CAPA again, because
// what it learned before TLS may have been altered on the way.
func (s *Server) stlsCmd(arg string) Output {
	switch {
	case arg != "":
		return errLine("STLS", KeySyntax, "Usage: STLS")
	case !s.cfg.TLS:
		return errLine("STLS", KeyTLSMissing, "STLS not available on this server")
	case s.tls:
		return errLine("STLS", KeyTLSActive, "Command not permitted when TLS active")
	}
	s.user, s.tls = "", true
	out := okLine("STLS", KeyTLSReady, "Begin TLS negotiation")
	out.StartTLS = true
	return out
}

// TLS reports whether the session runs inside TLS.
func (s *Server) TLS() bool { return s.tls }
