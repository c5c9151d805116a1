package smtp

// starttls answers STARTTLS (RFC 3207). When the adapter can upgrade, the
// reply is 220 and the Output asks for the handshake; the session then
// starts over as RFC 3207 §4.2 requires: the server forgets the client's
// EHLO name, its login and any transaction, because nothing said in clear
// can be trusted once a man in the middle might have written it. The
// client must EHLO again, and learns the extensions offered inside TLS.
func (s *Server) starttls(arg string) Reply {
	switch {
	case arg != "":
		return syntax("STARTTLS")
	case !s.cfg.TLS:
		return because("tls-unavailable", 502, "5.5.1", "Error: command not implemented")
	case s.tls:
		return TLSActive()
	case s.state == MailFrom || s.state == RcptTo:
		return outOfSequence("MAIL transaction in progress")
	}
	s.reset()
	s.clientName, s.authUser, s.tls = "", "", true
	s.state = Greeted
	s.upgrade = true
	return TLSReady()
}

// extensions are the EHLO lines of TLS and AUTH: STARTTLS while the
// session is in clear and can be upgraded, AUTH with the mechanisms
// offered now (RFC 4954 §3), which grow once TLS protects the password.
func (s *Server) extensions() []string {
	var lines []string
	if s.cfg.TLS && !s.tls {
		lines = append(lines, "STARTTLS")
	}
	if m := s.mechanisms(); len(m) > 0 && s.authUser == "" {
		line := "AUTH"
		for _, name := range m {
			line += " " + name
		}
		lines = append(lines, line)
	}
	return lines
}

// TLS reports whether the session runs inside TLS.
func (s *Server) TLS() bool { return s.tls }
