package smtp

import (
	"strconv"
	"strings"
)

// handler answers one command given its argument (the text after the verb).
// It may change the server's state; Feed turns its reply into an Output.
type handler func(s *Server, arg string) Reply

// commands maps every verb the server recognises to its handler. A verb not
// here is answered 500; a verb here that mailsim does not offer is answered
// 502, so students can tell "unknown word" from "known but not available".
var commands = map[string]handler{
	"HELO":     (*Server).helo,
	"EHLO":     (*Server).ehlo,
	"MAIL":     (*Server).mail,
	"RCPT":     (*Server).rcpt,
	"DATA":     (*Server).dataCmd,
	"RSET":     (*Server).rset,
	"NOOP":     (*Server).noop,
	"QUIT":     (*Server).quit,
	"VRFY":     (*Server).vrfy,
	"EXPN":     (*Server).expn,
	"HELP":     (*Server).help,
	"AUTH":     (*Server).auth,
	"STARTTLS": (*Server).starttls,
	"TURN":     historic(turnGone),
	"SEND":     historic(sendGone),
	"SOML":     historic(somlGone),
	"SAML":     historic(samlGone),
}

// misspellings maps the spellings of the lecture's keyword table (VERFY,
// SMOL, SMAL) to the real verbs. They stay unrecognised, as on any real
// server, but the 500 reply points students at the right word.
var misspellings = map[string]string{
	"VERFY": "VRFY",
	"SMOL":  "SOML",
	"SMAL":  "SAML",
}

func syntax(usage string) Reply { return because("syntax", 501, "5.5.4", "Syntax: "+usage) }

// outOfSequence refuses a command that comes before the one it needs.
func outOfSequence(text string) Reply { return because("bad-sequence", 503, "5.5.1", "Error: "+text) }

// pathTooLong refuses a path over the 256 octets of RFC 5321 §4.5.3.1.3.
func pathTooLong() Reply { return because("path-too-long", 501, "5.5.4", "Error: path too long") }

// tooBig refuses a message over the server's SIZE, declared or sent.
func tooBig(text string) Reply { return because("too-big", 552, "5.3.4", text) }

func (s *Server) helo(arg string) Reply {
	if arg == "" {
		return syntax("HELO hostname")
	}
	s.hello(arg, false)
	return reply(250, "", s.cfg.Hostname)
}

// ehlo answers with the service extensions mailsim implements (RFC 5321
// §4.1.1.1). EHLO replies carry no enhanced code: the client learns only
// from this very reply that the server speaks them.
func (s *Server) ehlo(arg string) Reply {
	if arg == "" {
		return syntax("EHLO hostname")
	}
	s.hello(arg, true)
	lines := []string{s.cfg.Hostname, "PIPELINING", "SIZE " + s.sizeText, "VRFY"}
	if _, ok := s.cfg.Backend.(Expander); ok {
		lines = append(lines, "EXPN")
	}
	lines = append(lines, s.extensions()...)
	lines = append(lines, "ENHANCEDSTATUSCODES", "8BITMIME", "SMTPUTF8", "HELP")
	// Its own situation: a plain "250, done" would hide that every line
	// after the first names something the client may now use.
	return Reply{Code: 250, Lines: lines, Situation: "smtp.why.ehlo"}
}

// hello records the client's name and whether it greeted with EHLO; HELO
// and EHLO also reset any transaction in progress (RFC 5321 §4.1.4).
func (s *Server) hello(arg string, extended bool) {
	s.clientName, _, _ = strings.Cut(arg, " ")
	s.extended = extended
	s.reset()
	s.state = Ready
}

func (s *Server) mail(arg string) Reply {
	if s.state == MailFrom || s.state == RcptTo {
		return outOfSequence("nested MAIL command")
	}
	if (s.cfg.RequireHelo || s.tls) && s.clientName == "" {
		// After STARTTLS the session starts over and the client must
		// greet again, inside TLS (RFC 3207 §4.2).
		return outOfSequence("send HELO/EHLO first")
	}
	if s.cfg.Submission && s.authUser == "" {
		return AuthRequired()
	}
	path, params, good := parsePath(arg, "FROM:")
	if !good {
		return syntax("MAIL FROM:<address>")
	}
	if len(path)+2 > maxPath { // the limit counts the angle brackets
		return pathTooLong()
	}
	from := path
	if path != "" {
		var bad bool
		if from, bad = s.mailbox(path); bad {
			return because("path-syntax", 553, "5.1.7", "<"+path+">: Sender address rejected: bad address syntax")
		}
	}
	var declared int64
	utf8 := false
	for _, p := range params {
		switch p := parseParam(p); p.key {
		case "SMTPUTF8":
			if p.value != "" {
				return reply(501, "5.5.4", "SMTPUTF8 takes no value")
			}
			utf8 = true
		case "SIZE":
			n, err := strconv.ParseUint(p.value, 10, 63)
			if err != nil && !isAllDigits(p.value) {
				return reply(501, "5.5.4", "Bad message size syntax")
			}
			if err != nil || int64(n) > s.cfg.MaxSize {
				return tooBig("Message size exceeds fixed limit")
			}
			declared = int64(n)
		case "AUTH":
			// RFC 4954 §5: who submitted the message, for a relay to pass
			// on; a server that offers AUTH accepts it, and the lab keeps
			// only what its own AUTH established.
			if s.cfg.Auth == nil {
				return reply(555, "5.5.4", "Unsupported option: AUTH")
			}
		case "BODY":
			switch strings.ToUpper(p.value) {
			case "7BIT", "8BITMIME":
			case "BINARYMIME":
				return reply(504, "5.5.4", "BODY=BINARYMIME is not implemented (no CHUNKING)")
			default:
				return reply(501, "5.5.4", "Bad BODY parameter")
			}
		default:
			return reply(555, "5.5.4", "Unsupported option: "+p.key)
		}
	}
	if !utf8 && !isASCII(from) {
		return needsSMTPUTF8("Sender")
	}
	s.env = Envelope{From: from, UTF8: utf8, TLS: s.tls, User: s.authUser, Helo: s.clientName, EHLO: s.extended}
	s.declared = declared
	s.state = MailFrom
	if utf8 {
		return because("smtputf8", 250, "2.1.0", "Ok")
	}
	return reply(250, "2.1.0", "Ok")
}

func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// mailbox checks a path's mailbox and qualifies a bare local part with the
// server's name. bad is true for a name RFC 5321 does not allow (553).
func (s *Server) mailbox(path string) (addr string, bad bool) {
	addr, routed := stripRoute(path)
	if !routed {
		return "", true
	}
	a, valid := ParseAddress(addr)
	if !valid {
		return "", true
	}
	if a.Domain == "" {
		addr += "@" + s.cfg.Hostname
	}
	return addr, false
}

func (s *Server) rcpt(arg string) Reply {
	if s.state != MailFrom && s.state != RcptTo {
		return outOfSequence("need MAIL command")
	}
	path, params, good := parsePath(arg, "TO:")
	if !good {
		return syntax("RCPT TO:<address>")
	}
	if len(path)+2 > maxPath { // the limit counts the angle brackets
		return pathTooLong()
	}
	to, bad := s.mailbox(path)
	if bad {
		return badRecipient(path)
	}
	if len(params) > 0 {
		return reply(555, "5.5.4", "Unsupported option: "+parseParam(params[0]).key)
	}
	if !s.env.UTF8 && !isASCII(to) {
		return needsSMTPUTF8("Recipient")
	}
	if len(s.env.To) >= s.cfg.MaxRecipients {
		return because("too-many-recipients", 452, "4.5.3", "Error: too many recipients")
	}
	s.rcptTried = true
	r := reply(250, "2.1.5", "Ok")
	if s.cfg.Backend != nil {
		if verdict := s.cfg.Backend.Recipient(to); verdict != nil {
			r = *verdict
		}
	}
	if r.Positive() {
		s.env.To = append(s.env.To, to)
		s.state = RcptTo
	}
	return r
}

func (s *Server) dataCmd(arg string) Reply {
	if arg != "" {
		return syntax("DATA")
	}
	switch s.state {
	case RcptTo:
		s.data.reset(s.cfg.MaxSize, s.declared)
		s.state = Data
		return reply(354, "", "End data with <CR><LF>.<CR><LF>")
	case MailFrom:
		if s.rcptTried {
			return because("no-valid-recipients", 554, "5.5.1", "Error: no valid recipients")
		}
	}
	return outOfSequence("need RCPT command")
}

func (s *Server) rset(arg string) Reply {
	if arg != "" {
		return syntax("RSET")
	}
	s.reset()
	if s.state != Greeted {
		s.state = Ready
	}
	return reply(250, "2.0.0", "Ok")
}

// noop ignores its argument, as RFC 5321 §4.1.1.9 asks.
func (s *Server) noop(string) Reply { return reply(250, "2.0.0", "Ok") }

func (s *Server) quit(arg string) Reply {
	if arg != "" {
		return syntax("QUIT")
	}
	s.Drop()
	return reply(221, "2.0.0", "Bye")
}

// vrfy asks the backend's Verifier when it has one. Without one it can only
// say whether mail would be accepted, which RFC 5321 §3.5.3 answers with 252,
// never 250.
func (s *Server) vrfy(arg string) Reply {
	name := strings.TrimSuffix(strings.TrimPrefix(arg, "<"), ">")
	if name == "" {
		return syntax("VRFY address")
	}
	if v, ok := s.cfg.Backend.(Verifier); ok {
		return v.Verify(name)
	}
	addr, bad := s.mailbox(name)
	if bad {
		return badRecipient(name)
	}
	if s.cfg.Backend != nil {
		if r := s.cfg.Backend.Recipient(addr); r != nil && !r.Positive() {
			return *r
		}
	}
	return CannotVerify(addr)
}

// expn lists a mailing list's members, one mailbox per line (RFC 5321 §3.5).
func (s *Server) expn(arg string) Reply {
	if arg == "" {
		return syntax("EXPN mailing-list")
	}
	x, ok := s.cfg.Backend.(Expander)
	if !ok {
		return reply(502, "5.5.1", "Error: EXPN not available: this server has no mailing lists")
	}
	members, refused := x.Expand(arg)
	if refused != nil {
		return *refused
	}
	if len(members) == 0 {
		return reply(550, "5.1.1", arg+": not a mailing list")
	}
	lines := make([]string, len(members))
	for i, m := range members {
		if !strings.Contains(m, "<") {
			m = "<" + m + ">"
		}
		lines[i] = m
	}
	return Reply{Code: 250, Enhanced: "2.1.5", Lines: lines}
}
