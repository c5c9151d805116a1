package wire

import (
	"errors"
	"os"
	"time"
)

// greeting is what a client did in the pregreet moment.
type greeting int

const (
	waited greeting = iota // silent, as RFC 5321 §3.1 asks: greet it
	talked                 // sent octets before the greeting
	left                   // closed the connection
)

// pregreet listens for Options.Pregreet before the greeting. Spam software
// often sends its commands without waiting for the 220, and a client that
// does so may also not wait for the other replies, which is how pipelining
// abuse and SMTP smuggling begin; Postfix's postscreen has the same test.
// What the client sent stays in the buffer, unread by the machine.
func (c *conn) pregreet() greeting {
	c.armed = true // the deadline is this moment's, not the idle timeout
	_ = c.nc.SetReadDeadline(time.Now().Add(c.s.opt.Pregreet))
	_, err := c.lr.r.Peek(1)
	c.armed = false
	switch {
	case err == nil:
		return talked
	case errors.Is(err, os.ErrDeadlineExceeded):
		return waited
	}
	return left
}

// pause waits before a delayed answer, for Options.Pause or, by default,
// until d passes or the server begins to stop.
func (s *Server) pause(d time.Duration) {
	if s.opt.Pause != nil {
		s.opt.Pause(d)
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-s.stop:
	}
}
