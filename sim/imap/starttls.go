package imap

// The explanation keys of STARTTLS's answers.
const (
	KeyTLSReady   = "imap.ok.starttls"         // STARTTLS accepted: the handshake follows
	KeyTLSActive  = "imap.bad.tls-active"      // STARTTLS inside TLS
	KeyTLSMissing = "imap.bad.tls-unavailable" // STARTTLS where the server cannot upgrade
)

// starttls answers STARTTLS (RFC 3501 §6.2.1, RFC 2595 §3), valid before
// login only. On OK the Output asks the adapter for the handshake; the
// client must then ask CAPABILITY again, because what it learned in clear
// may have been altered on the way, and the list inside TLS no longer
// offers STARTTLS.
func (s *Server) starttls(c *command) Output {
	switch {
	case !c.end():
		return c.syntax("STARTTLS")
	case !s.cfg.TLS:
		return c.bad(KeyTLSMissing, "STARTTLS not available on this server")
	case s.tls:
		return c.bad(KeyTLSActive, "TLS already active")
	}
	s.tls = true
	out := c.ok(KeyTLSReady, "Begin TLS negotiation now")
	out.StartTLS = true
	return out
}

// TLS reports whether the session runs inside TLS.
func (s *Server) TLS() bool { return s.tls }
