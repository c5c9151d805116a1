package pop3

// capaCmd answers CAPA (RFC 2449) in either state. It lists what this
// server does: TOP and UIDL, USER/PASS, the SASL mechanisms and extended
// response codes such as [IN-USE]. APOP is not a capability: a timestamp in
// the greeting announces it.
func (s *Server) capaCmd(arg string) Output {
	if arg != "" {
		return errLine("CAPA", KeySyntax, "Usage: CAPA")
	}
	sasl := "SASL"
	for _, m := range s.mechanisms() {
		sasl += " " + m
	}
	caps := []string{"TOP", "UIDL", "USER", sasl, "RESP-CODES", "AUTH-RESP-CODE", "UTF8 USER"}
	if s.cfg.TLS && !s.tls {
		caps = append(caps, "STLS")
	}
	return multiLine("CAPA", KeyCapa, "Capability list follows", caps)
}
