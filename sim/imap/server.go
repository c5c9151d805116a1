package imap

import (
	"mailsim/sim/store"

	"bytes"
	"slices"
	"strconv"
	"strings"
)

// handler is one command: the states it is valid in and what it does.
type handler struct {
	states []State
	run    func(*Server, *command) Output
}

var (
	anyState  = []State{NotAuthenticated, Authenticated, Selected}
	notAuth   = []State{NotAuthenticated}
	authed    = []State{Authenticated, Selected}
	selectedS = []State{Selected}
)

// handlers are the commands of RFC 3501 §6 that the server implements,
// plus UID EXPUNGE of UIDPLUS (RFC 4315), MOVE (RFC 6851) and IDLE
// (RFC 2177). A known verb in the wrong state
// gets "wrong state"; any other verb gets "unknown command", so that a
// student sees which of the two mistakes it was.
var handlers = map[string]handler{
	"CAPABILITY":   {anyState, (*Server).capability},
	"NOOP":         {anyState, (*Server).noop},
	"LOGOUT":       {anyState, (*Server).logout},
	"LOGIN":        {notAuth, (*Server).login},
	"AUTHENTICATE": {notAuth, (*Server).authenticate},
	"STARTTLS":     {notAuth, (*Server).starttls},
	"SELECT":       {authed, (*Server).selectCmd},
	"EXAMINE":      {authed, (*Server).selectCmd},
	"CREATE":       {authed, (*Server).create},
	"DELETE":       {authed, (*Server).deleteCmd},
	"RENAME":       {authed, (*Server).rename},
	"SUBSCRIBE":    {authed, (*Server).subscribe},
	"UNSUBSCRIBE":  {authed, (*Server).subscribe},
	"LIST":         {authed, (*Server).list},
	"LSUB":         {authed, (*Server).list},
	"STATUS":       {authed, (*Server).status},
	"APPEND":       {authed, (*Server).appendCmd},
	"CHECK":        {selectedS, (*Server).check},
	"CLOSE":        {selectedS, (*Server).closeCmd},
	"EXPUNGE":      {selectedS, func(s *Server, c *command) Output { return s.expunge(c, false) }},
	"SEARCH":       {selectedS, func(s *Server, c *command) Output { return s.search(c, false) }},
	"FETCH":        {selectedS, func(s *Server, c *command) Output { return s.fetch(c, false) }},
	"STORE":        {selectedS, func(s *Server, c *command) Output { return s.store(c, false) }},
	"COPY":         {selectedS, func(s *Server, c *command) Output { return s.copyCmd(c, false) }},
	"MOVE":         {selectedS, func(s *Server, c *command) Output { return s.moveCmd(c, false) }},
	"IDLE":         {authed, (*Server).idle},
	"UID":          {selectedS, (*Server).uid},
	"ENABLE":       {authed, (*Server).enable},
}

// Server is the server side of one IMAP session.
type Server struct {
	cfg   Config
	state State
	// user is the authenticated user.
	user string
	// sel is the open folder in the Selected state.
	sel *selection
	// j assembles a command whose literals span several lines; litTotal
	// counts the literal octets announced for it so far.
	j        joiner
	litTotal int
	// saslTag is the tag of an AUTHENTICATE waiting for its response line.
	saslTag string
	// idleTag is the tag of an IDLE waiting for DONE; wake is the store's
	// signal of changes, taken before the last report of news.
	idleTag string
	wake    <-chan struct{}
	// tls says the session runs inside TLS (after STARTTLS).
	tls bool
	// failures counts the failed logins; utf8 says ENABLE UTF8=ACCEPT came.
	failures int
	utf8     bool
}

// NewServer returns a server for one connection, in the Connected state.
func NewServer(cfg Config) *Server {
	if cfg.Store == nil {
		cfg.Store = store.New("")
	}
	return &Server{cfg: cfg, state: Connected}
}

// State returns the current state.
func (s *Server) State() State { return s.state }

// Pending returns how many octets of a literal the server still expects.
// While it is above zero the lines fed are literal data, not commands, and
// the command line limit does not apply to them; an adapter may feed them
// as lines, or read that many octets raw and hand them to FeedLiteral.
func (s *Server) Pending() int { return s.j.need }

// capabilities lists what the server offers: LITERAL+ (RFC 7888) lets a
// client send a literal without waiting for "+"; UIDPLUS (RFC 4315) tells
// the client the UIDs APPEND and COPY gave; before login, AUTH=PLAIN with
// SASL-IR (RFC 4959) lets it log in in one line.
func (s *Server) capabilities() string {
	caps := "IMAP4rev1 LITERAL+ UIDPLUS ENABLE UTF8=ACCEPT"
	if _, ok := s.cfg.Store.(Notifier); ok {
		caps += " MOVE IDLE"
	}
	if s.state == NotAuthenticated {
		caps += " SASL-IR AUTH=PLAIN"
		if s.cfg.TLS && !s.tls {
			caps += " STARTTLS"
		}
	}
	return caps
}

// Greet returns the greeting and enters the NotAuthenticated state. The
// greeting carries the capabilities, which saves clients a round trip.
// Outside the Connected state it returns an empty Output, because a
// session is greeted once.
func (s *Server) Greet() Output {
	if s.state != Connected {
		return Output{}
	}
	s.state = NotAuthenticated
	text := "mailsim IMAP4rev1 ready"
	if s.cfg.Hostname != "" {
		text = s.cfg.Hostname + " " + text
	}
	return untagged(KeyGreeting, "OK [CAPABILITY "+s.capabilities()+"] "+text)
}

// feed handles one client line, given without its CRLF: a command line, a
// line of literal octets, or the response to an AUTHENTICATE challenge.
func (s *Server) feed(line []byte) Output {
	switch s.state {
	case Connected:
		return untagged(KeyNoGreeting, "BAD Wait for the greeting")
	case Logout:
		return untagged(KeyClosed, "BAD Session has ended")
	}
	if s.j.need > 0 {
		frag, isFrag, ok := s.j.push(line)
		switch {
		case !ok:
			return s.abandon("BAD", KeySyntax, "Literal ends between CR and LF")
		case !isFrag:
			return Output{Key: KeyLiteralData}
		case len(frag)+2 > MaxCommandLine:
			return s.abandon("BAD", KeyLineTooLong, lineTooLong)
		}
		return s.fragment(frag)
	}
	if len(line)+2 > MaxCommandLine || bytes.ContainsAny(line, "\r\n\x00") {
		if len(s.j.buf) == 0 {
			// Keep the start of the refused line, for its tag.
			s.j.buf = append(s.j.buf, line[:min(len(line), 64)]...)
		}
		if len(line)+2 > MaxCommandLine {
			return s.abandon("BAD", KeyLineTooLong, lineTooLong)
		}
		return s.abandon("BAD", KeyControlChars, "Line contains CR, LF or NUL")
	}
	if s.saslTag != "" {
		return s.saslResponse(string(line))
	}
	if s.idleTag != "" {
		return s.idleEnd(line)
	}
	frag, _, _ := s.j.push(line)
	return s.fragment(frag)
}

// fragment looks at the text just added to the command: if it announces
// a literal the server waits for the octets (answering "+" unless the
// client used LITERAL+), otherwise the command is complete.
func (s *Server) fragment(frag []byte) Output {
	n, plus, ok := literalMarker(frag)
	if !ok {
		s.litTotal = 0
		return s.execute(s.j.take())
	}
	limit := s.cfg.maxLiteral()
	if n < 0 || n > limit-s.litTotal {
		text := "[TOOBIG] Literal too big: at most " + strconv.Itoa(limit) + " octets"
		if plus {
			// The octets are already on their way and cannot be refused
			// one by one; RFC 7888 §4 has the server end the session.
			out := s.abandon("BAD", KeyTooBigPlus, text)
			out.Lines = append([]string{"* BYE Literal too big"}, out.Lines...)
			out.Close = true
			s.state = Logout
			return out
		}
		return s.abandon("NO", KeyTooBig, text)
	}
	s.litTotal += n
	verb := s.verbOf()
	s.j.open(n)
	if plus {
		return Output{Command: verb, Key: KeyLiteralPlus}
	}
	return Output{Lines: []string{"+ Ready for literal data"}, Command: verb, Key: KeyContLiteral}
}

// lineTooLong is the text of the answer to an over-long command line.
var lineTooLong = "Line too long: at most " + strconv.Itoa(MaxCommandLine) + " octets including CRLF"

// abandon drops the command being assembled and answers it with status,
// tagged when the command's tag can be read and untagged BAD otherwise.
func (s *Server) abandon(status, key, text string) Output {
	p := &parser{s: string(s.j.buf)}
	tag := p.span(isTagChar)
	if s.saslTag != "" {
		tag, p = s.saslTag, &parser{s: " "}
	}
	s.j.reset()
	s.litTotal = 0
	s.saslTag = ""
	if tag == "" || !p.sp() {
		return untagged(key, "BAD "+text)
	}
	return Output{Lines: []string{tag + " " + status + " " + text}, Key: key}
}

// verbOf returns the verb of the command being assembled, if it is one
// the server knows, for the Output of a line that announces a literal.
func (s *Server) verbOf() string {
	p := &parser{s: string(s.j.buf)}
	if p.span(isTagChar) == "" || !p.sp() {
		return ""
	}
	verb, _ := p.atom()
	verb = strings.ToUpper(verb)
	if _, ok := handlers[verb]; ok {
		return verb
	}
	return ""
}

// isTagChar accepts the octets of a tag: ASTRING-CHAR except "+".
func isTagChar(c byte) bool { return isAstringChar(c) && c != '+' }

// execute runs one complete command.
func (s *Server) execute(text string) Output {
	p := &parser{s: text}
	tag := p.span(isTagChar)
	if tag == "" || (!p.end() && p.peek() != ' ') {
		return untagged(KeyNoTag, "BAD Every command starts with a tag, such as \"a1 CAPABILITY\"")
	}
	c := &command{s: s, tag: tag, p: p}
	if !p.sp() {
		return c.syntax("tag COMMAND [arguments]")
	}
	verb, _ := p.atom()
	verb = strings.ToUpper(verb)
	h, known := handlers[verb]
	if !known {
		return c.bad(KeyUnknownCommand, "Unknown command")
	}
	c.verb = verb
	if !slices.Contains(h.states, s.state) {
		return c.bad(KeyWrongState, verb+" is not valid in the "+s.state.String()+" state")
	}
	return h.run(s, c)
}

// Drop records that the connection is gone. Nothing is expunged: messages
// flagged \Deleted stay until an EXPUNGE or CLOSE (RFC 3501 §6.4.2).
func (s *Server) Drop() {
	s.state = Logout
	s.sel = nil
	s.j.reset()
	s.saslTag = ""
	s.idleTag, s.wake = "", nil
}

// Timeout is what the server says when it closes an idle session
// (RFC 3501 §5.4 allows it after at least 30 minutes).
func (s *Server) Timeout() Output {
	s.Drop()
	out := untagged(KeyByeTimeout, "BYE Autologout; idle for too long")
	out.Close = true
	return out
}

// Shutdown is what the server says when it stops with the session open.
func (s *Server) Shutdown() Output {
	s.Drop()
	out := untagged(KeyByeShutdown, "BYE Server shutting down")
	out.Close = true
	return out
}

// end reports whether the command has no arguments left, which every
// handler checks so that a stray argument is a syntax error.
func (c *command) end() bool { return c.p.end() }

// capability answers CAPABILITY.
func (s *Server) capability(c *command) Output {
	if !c.end() {
		return c.syntax("CAPABILITY")
	}
	c.reply("CAPABILITY " + s.capabilities())
	return c.ok(KeyCapability, "CAPABILITY completed")
}

// noop answers NOOP; in the Selected state finish reports new and
// expunged messages, which is why clients poll with it.
func (s *Server) noop(c *command) Output {
	if !c.end() {
		return c.syntax("NOOP")
	}
	return c.ok(KeyNoop, "NOOP completed")
}

// logout answers LOGOUT: BYE first, then the tagged OK (RFC 3501 §6.1.3).
func (s *Server) logout(c *command) Output {
	if !c.end() {
		return c.syntax("LOGOUT")
	}
	c.reply("BYE mailsim IMAP4rev1 server logging out")
	s.Drop()
	out := c.ok(KeyLogout, "LOGOUT completed")
	out.Close = true
	return out
}
