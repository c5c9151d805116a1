package imap

import "bytes"

// Notifier is a Store that can tell a waiting session that a user's mail
// may have changed, which IDLE needs: Changes returns a channel that is
// closed at the next change of the user's folders (a delivery, an expunge
// by another session). A Store that implements it gets IDLE and MOVE
// announced in CAPABILITY.
type Notifier interface {
	Changes(user string) <-chan struct{}
}

// idle answers IDLE (RFC 2177): "+ idling", and from then on the server
// reports new and expunged messages as they happen, until the client
// sends DONE. News already waiting is reported before the "+".
func (s *Server) idle(c *command) Output {
	if !c.end() {
		return c.syntax("IDLE")
	}
	if n, ok := s.cfg.Store.(Notifier); ok {
		s.wake = n.Changes(s.user)
	}
	if s.state == Selected {
		s.sync(c)
	}
	s.idleTag = c.tag
	return Output{Lines: splitLines(append(c.data, "+ idling")), Command: "IDLE", Key: KeyIdle}
}

// idleEnd takes the line that ends an IDLE: DONE, in any case, is answered
// with the tagged OK; anything else ends the IDLE with BAD. The line is the
// IDLE command's last, so its Output names IDLE.
func (s *Server) idleEnd(line []byte) Output {
	c := &command{s: s, tag: s.idleTag, verb: "IDLE"}
	s.idleTag, s.wake = "", nil
	if !bytes.EqualFold(line, []byte("DONE")) {
		return c.bad(KeyIdleNotDone, "Expected DONE to end IDLE")
	}
	return c.ok(KeyIdleDone, "IDLE terminated")
}

// Idling reports whether the session waits in IDLE for DONE.
func (s *Server) Idling() bool { return s.idleTag != "" }

// Wake returns the channel that closes when the store may have news for
// an IDLE session, or nil when the session is not idling or its store
// cannot tell.
func (s *Server) Wake() <-chan struct{} { return s.wake }

// News reports, during IDLE, what changed in the open folder since the
// last report: "* n EXISTS" and "* n EXPUNGE" lines, or nothing. It takes
// the store's next signal before looking, so that no change falls between.
func (s *Server) News() Output {
	if s.idleTag == "" {
		return Output{}
	}
	if n, ok := s.cfg.Store.(Notifier); ok {
		s.wake = n.Changes(s.user)
	}
	if s.state != Selected {
		return Output{}
	}
	c := &command{s: s, tag: s.idleTag, verb: "IDLE"}
	s.sync(c)
	if len(c.data) == 0 {
		return Output{}
	}
	return Output{Lines: splitLines(c.data), Key: KeyIdleNews}
}

// FeedLiteral takes raw octets of the literal the server is reading, at
// most Pending of them, for an adapter that reads a literal as the octets
// it is rather than as lines. Once the literal is complete, the next line
// fed with Feed is the rest of the command.
func (s *Server) FeedLiteral(octets []byte) Output {
	if s.j.need == 0 || len(octets) > s.j.need {
		return s.abandon("BAD", KeySyntax, "Literal octets beyond the announced length")
	}
	s.j.buf = append(s.j.buf, octets...)
	s.j.need -= len(octets)
	return Output{Key: KeyLiteralData}
}
