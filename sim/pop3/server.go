package pop3

import (
	"bytes"
	"strings"
)

// commands are the verbs the server knows, in the lecture's table order.
// A known verb in the wrong state gets "wrong state"; any other verb gets
// "unknown command", so that a student sees which of the two mistakes it was.
var commands = []string{
	"QUIT", "STAT", "LIST", "RETR", "DELE", "NOOP", "RSET", "TOP", "UIDL",
	"USER", "PASS", "APOP", "AUTH", "CAPA", "STLS", "UTF8",
}

// Server is the server side of one POP3 session.
type Server struct {
	cfg   Config
	state State
	// user is the name given by USER while PASS is awaited.
	user string
	// mech is the SASL mechanism whose client response is awaited, or "".
	mech string
	// owner is the authenticated user whose maildrop this session has locked.
	owner string
	msgs  []message
	tls   bool // the session runs inside TLS (after STLS)
	// failures counts the failed logins of the session.
	failures int
}

// NewServer returns a server for one connection, in the Connected state.
func NewServer(cfg Config) *Server {
	if cfg.Maildrop == nil {
		cfg.Maildrop = NewStoreDrop()
	}
	return &Server{cfg: cfg, state: Connected}
}

// State returns the current state.
func (s *Server) State() State { return s.state }

// Greet returns the greeting and enters the Authorization state. Outside the
// Connected state it returns an empty Output, because a session is greeted
// once.
func (s *Server) Greet() Output {
	if s.state != Connected {
		return Output{}
	}
	s.state = Authorization
	return okLine("", KeyGreeting, s.cfg.greeting())
}

// feed handles one client line, given without its CRLF. Before the greeting
// and once the session has ended (Update, Closed) every line gets -ERR and
// changes nothing.
func (s *Server) feed(line []byte) Output {
	switch s.state {
	case Connected:
		return errLine("", KeyNoGreeting, "Wait for the greeting")
	case Update, Closed:
		return errLine("", KeyClosed, "Session has ended")
	}
	if len(line)+2 > MaxCommandLine {
		s.mech = ""
		return errLine("", KeyLineTooLong, "Line too long: at most 255 octets including CRLF")
	}
	if bytes.ContainsAny(line, "\r\n\x00") {
		s.mech = ""
		return errLine("", KeyControlChars, "Line contains CR, LF or NUL")
	}
	if s.mech != "" {
		return s.saslResponse(string(line))
	}
	verb, arg, _ := strings.Cut(string(line), " ")
	verb = strings.ToUpper(verb)
	if s.state == Authorization {
		return s.authorization(verb, arg)
	}
	return s.transaction(verb, arg)
}

// Drop records that the connection is gone. It deletes nothing: messages
// are only removed in UPDATE, after QUIT from TRANSACTION (RFC 1939 §6).
// It releases the maildrop lock so that the next session can log in.
func (s *Server) Drop() {
	s.unmark()
	s.unlock()
	s.state = Closed
	s.user, s.mech, s.msgs = "", "", nil
}

// mark tells a Marker maildrop of a DELE's mark, or of its end.
func (s *Server) mark(uid string, on bool) {
	if m, ok := s.cfg.Maildrop.(Marker); ok {
		m.Mark(s.owner, uid, on)
	}
}

// unmark clears every mark of this session: RSET, or a session that ends
// without UPDATE, whose DELEs therefore never take effect.
func (s *Server) unmark() {
	for i := range s.msgs {
		if s.msgs[i].deleted {
			s.msgs[i].deleted = false
			s.mark(s.msgs[i].uid, false)
		}
	}
}

// unlock releases the maildrop lock if this session holds it.
func (s *Server) unlock() {
	if s.owner != "" {
		s.cfg.Maildrop.Unlock(s.owner)
		s.owner = ""
	}
}

// misplaced answers a verb that the current state does not handle.
func (s *Server) misplaced(verb string) Output {
	for _, c := range commands {
		if c == verb {
			return errLine(verb, KeyWrongState, verb+" is not valid in the "+s.state.String()+" state")
		}
	}
	return errLine("", KeyUnknownCommand, "Unknown command")
}
