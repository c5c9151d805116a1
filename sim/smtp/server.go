package smtp

import (
	"bytes"
	"slices"
	"strconv"
)

// Defaults of Config, and the protocol-error limit.
const (
	defaultMaxSize       = 10 << 20 // 10 MiB
	defaultMaxRecipients = 100      // the minimum RFC 5321 §4.5.3.1.8 requires
	defaultHostname      = "localhost"
	defaultBanner        = "ESMTP mailsim"
	// maxErrors is how many protocol errors (500-504, 555) and failed logins
	// (535) a client may make
	// before the server gives up with 421, like Postfix's smtpd_hard_error_limit:
	// it keeps a confused or hostile peer on a real socket from looping forever.
	maxErrors = 20
)

// Config sets up one server machine.
type Config struct {
	Hostname      string // "matrix" -> "220 matrix ESMTP mailsim" greeting
	Banner        string // text after the hostname in 220; default "ESMTP mailsim"
	MaxSize       int64  // advertised with SIZE and enforced while reading DATA (552); 0 means 10 MiB default
	MaxRecipients int    // 0 means 100; beyond it 452
	RequireHelo   bool   // false = Postfix default (MAIL allowed straight after 220)
	Backend       Backend
	// TLS says the adapter can start TLS: STARTTLS is offered until it has.
	TLS bool
	// Auth checks AUTH's credentials; nil: no mechanism is offered.
	Auth Authenticator
	// ClearAuth offers PLAIN and LOGIN outside TLS too, where the password
	// crosses in clear base64: for a client on the lab's own machine
	// (loopback), and said so when it logs in.
	ClearAuth bool
	// Challenge is the CRAM-MD5 challenge, a msg-id unique to the session
	// (RFC 2195 §2); "" disables CRAM-MD5.
	Challenge string
	// Submission makes this a message submission port (RFC 6409): MAIL
	// needs AUTH first (530).
	Submission bool
}

// Output is what the server says in answer to one input.
type Output struct {
	Replies []Reply // replies to send now (none while reading DATA text lines)
	// Command is the recognised verb, upper case ("HELO", "MAIL", "RCPT",
	// "DATA", "QUIT", "RSET", "NOOP", ...); "" for a DATA text line;
	// "DATA-END" for the final "." of DATA; "UNKNOWN" for an unrecognised
	// verb and "TOO-LONG" for a command line over 512 octets. Greet, Timeout
	// and Shutdown answer no line and leave it "".
	Command string
	Close   bool // close the connection after sending Replies
	// StartTLS asks the adapter to start TLS once Replies are sent
	// (machine.Output.StartTLS); the session already counts as inside TLS.
	StartTLS bool
}

// Key returns the explanation key of the line that was fed:
// "smtp.cmd."+Command, or "smtp.cmd.DATA-LINE" for a text line.
func (o Output) Key() string {
	if o.Command == "" {
		return "smtp.cmd.DATA-LINE"
	}
	return "smtp.cmd." + o.Command
}

// Server is the server side of one SMTP connection.
type Server struct {
	cfg        Config
	sizeText   string // MaxSize in decimal, for EHLO
	state      State
	clientName string // name given by the last HELO/EHLO, "" before any
	extended   bool   // that greeting was EHLO
	env        Envelope
	declared   int64 // SIZE= of the current MAIL, 0 when not given
	rcptTried  bool  // a RCPT reached the backend in this transaction
	data       dataReader
	errors     int
	tls        bool     // the session runs inside TLS (after STARTTLS)
	upgrade    bool     // the last command was a successful STARTTLS
	authUser   string   // the user AUTH logged in, "" before
	sasl       exchange // an AUTH exchange waiting for the client's response
}

// NewServer returns a server in state Connected; call Greet to start.
func NewServer(cfg Config) *Server {
	if cfg.Hostname == "" {
		cfg.Hostname = defaultHostname
	}
	if cfg.Banner == "" {
		cfg.Banner = defaultBanner
	}
	if cfg.MaxSize <= 0 {
		cfg.MaxSize = defaultMaxSize
	}
	if cfg.MaxRecipients <= 0 {
		cfg.MaxRecipients = defaultMaxRecipients
	}
	return &Server{cfg: cfg, state: Connected, sizeText: strconv.FormatInt(cfg.MaxSize, 10)}
}

// State returns the current state.
func (s *Server) State() State { return s.state }

// Envelope returns a copy of the current transaction's envelope.
func (s *Server) Envelope() Envelope {
	e := s.env
	e.To = slices.Clone(e.To)
	return e
}

// Greet sends the 220 greeting; Connected -> Greeted. It does nothing in any
// other state.
func (s *Server) Greet() Output {
	if s.state != Connected {
		return Output{}
	}
	s.state = Greeted
	return Output{Replies: []Reply{reply(220, "", s.cfg.Hostname+" "+s.cfg.Banner)}}
}

// Drop records that the connection was lost: the transaction is abandoned
// and nothing is delivered, as RFC 5321 §3.8 requires.
func (s *Server) Drop() {
	s.reset()
	s.sasl = exchange{}
	s.state = Closed
}

// Timeout is called by the adapter when the client stayed silent too long
// (RFC 5321 §4.5.3.2): 421 and close, transaction abandoned. The machine has
// no clock, so the adapter decides when.
func (s *Server) Timeout() Output {
	return s.close421("timeout", "4.4.2", s.cfg.Hostname+" Error: timeout exceeded")
}

// Shutdown is called when the server stops with connections open: 421 and
// close, transaction abandoned (RFC 5321 §3.8).
func (s *Server) Shutdown() Output {
	return s.close421("", "4.3.2", s.cfg.Hostname+" Service not available, closing transmission channel")
}

// close421 says goodbye with 421 for the situation why; "" leaves the code to
// explain it, as for Shutdown, which the simulation also sends for a server
// too busy to take the connection.
func (s *Server) close421(why, enhanced, text string) Output {
	if s.state == Closed {
		return Output{Close: true}
	}
	s.Drop()
	r := reply(421, enhanced, text)
	if why != "" {
		r = because(why, 421, enhanced, text)
	}
	return Output{Replies: []Reply{r}, Close: true}
}

// Feed takes one input line WITHOUT its CRLF and returns the answer. While
// reading DATA every line is message text and only a line that is exactly
// "." ends it. A closed server ignores input. Feed keeps nothing of line, so
// the adapter may reuse its buffer.
func (s *Server) Feed(line []byte) Output {
	switch s.state {
	case Closed:
		return Output{Close: true}
	case Data:
		if len(line) == 1 && line[0] == '.' {
			return Output{Replies: []Reply{s.endData()}, Command: "DATA-END"}
		}
		s.data.add(line)
		return Output{}
	case Connected:
		// The adapter calls Greet first; a line before it is a client that
		// did not wait, which RFC 5321 §3.1 does not allow.
		return s.answer("UNKNOWN", outOfSequence("wait for the greeting"))
	}
	if s.sasl.mech != "" {
		return s.authResponse(line)
	}
	if len(line) > maxCommandLine-2 {
		return s.answer("TOO-LONG", because("command-too-long", 500, "5.5.0", "Line too long"))
	}
	if bytes.ContainsAny(line, "\r\n") {
		return s.answer("UNKNOWN", because("bare-newline", 500, "5.5.2", "Error: bare <CR> or <LF> in command"))
	}
	if bytes.IndexByte(line, 0) >= 0 {
		// The line is not echoed in any part: whatever follows the NUL is
		// noise, and a reply must not carry it back (RFC 5321 §4.1.1 allows
		// only printable US-ASCII in commands).
		return s.answer("UNKNOWN", because("nul", 500, "5.5.2", "Error: NUL character in command"))
	}
	verb, arg := splitCommand(string(line))
	h, ok := commands[verb]
	if !ok {
		text := "Error: command not recognized"
		if right, ok := misspellings[verb]; ok {
			text += "; did you mean " + right + "?"
		}
		return s.answer("UNKNOWN", reply(500, "5.5.2", text))
	}
	return s.answer(verb, h(s, arg))
}

// answer wraps a command's reply, closing after QUIT and after too many
// protocol errors.
func (s *Server) answer(verb string, r Reply) Output {
	out := Output{Replies: []Reply{r}, Command: verb, Close: s.state == Closed, StartTLS: s.upgrade}
	s.upgrade = false
	if r.Code >= 500 && r.Code <= 504 || r.Code == 555 || r.Code == 535 {
		s.errors++
		if s.errors >= maxErrors && s.state != Closed {
			bye := s.close421("too-many-errors", "4.7.0", s.cfg.Hostname+" Error: too many errors")
			out.Replies = append(out.Replies, bye.Replies...)
			out.Close = true
		}
	}
	return out
}

// reset abandons the current transaction (RSET, HELO, end of DATA).
func (s *Server) reset() {
	s.env = Envelope{}
	s.declared = 0
	s.rcptTried = false
	s.data = dataReader{}
}

// endData gives the verdict on the message at the final dot. Limits broken
// while reading are reported here, because RFC 5321 lets the server speak
// only after <CRLF>.<CRLF>; a rejected message is not delivered at all.
func (s *Server) endData() Reply {
	var r Reply
	switch {
	case s.data.tooBig:
		r = tooBig("Error: message file too big")
	case s.data.longLine:
		// RFC 5321 §4.5.3.1.6 caps a text line at 1000 octets; 552
		// ("exceeded storage allocation") is among the replies §4.3.2
		// allows after the dot, where 500 is not, and 5.6.0 says the
		// content, not the mailbox, is at fault.
		r = because("line-too-long", 552, "5.6.0", "Error: message has a text line longer than 1000 octets")
	case s.data.bare != 0:
		r = bareNewline(s.data.bare)
	case s.data.nul:
		r = because("nul-in-text", 554, "5.6.0", "Error: message text holds a NUL octet")
	case s.data.hops > MaxHops:
		r = TooManyHops()
	case s.cfg.Backend == nil:
		r = reply(451, "4.3.0", "Error: no mail store configured")
	default:
		r = s.cfg.Backend.Deliver(s.env, s.data.buf)
		if r.Code < 200 || r.Code > 599 {
			r = reply(451, "4.3.0", "Error: mail store gave no verdict")
		}
	}
	s.reset()
	s.state = Ready
	return r
}
