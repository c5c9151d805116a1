package pop3

// update is QUIT from TRANSACTION: the server enters UPDATE, removes the
// messages marked by DELE, releases the maildrop and says goodbye
// (RFC 1939 §6). It is the only place where mail is deleted.
func (s *Server) update() Output {
	s.state = Update
	var uids []string
	for _, m := range s.msgs {
		if m.deleted {
			uids = append(uids, m.uid)
		}
	}
	var err error
	if len(uids) > 0 {
		err = s.cfg.Maildrop.Delete(s.owner, uids)
	}
	s.unlock()
	s.msgs = nil
	// With no marks UPDATE has nothing to remove, and saying it removed
	// the marked messages would teach a deletion that never happened.
	key := KeyQuitUpdate
	if len(uids) == 0 {
		key = KeyQuitKept
	}
	out := okLine("QUIT", key, "POP3 server closing connection")
	if err != nil {
		out = errLine("QUIT", KeyUpdateFailed, "[SYS/TEMP] Some deleted messages not removed")
	}
	out.Close = true
	return out
}
