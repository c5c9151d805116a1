package web

import (
	"slices"
	"strconv"
	"strings"

	"mailsim/sim"
)

// quiz is what predict mode asks before a server reply: which reply comes
// next, among a few that the protocol allows for the request it answers.
// The answer is not in it: the browser learns it from the reply itself,
// which the next frame carries.
type quiz struct {
	Request string   `json:"request"` // the command the reply answers, as on the wire ("" for a greeting)
	Choices []string `json:"choices"` // reply codes ("250") or POP3 status words ("+OK")
}

// smtpChoices are the replies RFC 5321 §4.3.2 lets a server give to each
// command, trimmed to the ones a student should weigh: success, the usual
// permanent and temporary failures, and a sequence error. "" is the
// greeting and "." the end of the message text.
var smtpChoices = map[string][]string{
	"":     {"220", "421", "554"},
	"HELO": {"250", "501", "504", "421"},
	"EHLO": {"250", "501", "502", "421"},
	"MAIL": {"250", "550", "452", "503"},
	"RCPT": {"250", "550", "452", "503"},
	"DATA": {"354", "503", "554", "451"},
	".":    {"250", "552", "554", "451"},
	"RSET": {"250", "501", "421"},
	"NOOP": {"250", "501", "421"},
	"VRFY": {"250", "252", "550", "502"},
	"QUIT": {"221", "250", "500"},
}

// otherSMTPChoices covers a command the table does not name.
var otherSMTPChoices = []string{"250", "500", "502", "503"}

// imapChoices are the three ends of an IMAP command (RFC 3501 §7.1): OK,
// NO for a refusal, BAD for a command the server cannot parse or take now.
var imapChoices = []string{"BAD", "NO", "OK"}

// answer is the reply an event gives, in the form quiz choices take: the
// code of an SMTP reply, the status word of a POP3 one, and of an IMAP
// response the status of its last line, the tagged one (or the greeting's
// "* OK").
func answer(e sim.Event) string {
	if e.Code > 0 {
		return strconv.Itoa(e.Code)
	}
	if e.Proto == "imap" {
		last := e.Line[strings.LastIndexByte(e.Line, '\n')+1:] // the tagged line ends the response
		if f := strings.Fields(last); len(f) > 1 {
			return f[1]
		}
		return ""
	}
	status, _, _ := strings.Cut(e.Line, " ")
	status, _, _ = strings.Cut(status, "\r\n")
	return status
}

// quizAt returns the question to ask before event next is shown, or nil when
// next is not an SMTP, POP3 or IMAP server reply.
func quizAt(trace []sim.Event, next int) *quiz {
	if next >= len(trace) || trace[next].Kind != sim.KindReply || !slices.Contains(diagrammed, trace[next].Proto) {
		return nil
	}
	e := trace[next]
	q := &quiz{}
	if s, ok := sessionAt(trace, next); ok {
		if req, ok := s.requests(trace)[next]; ok {
			switch trace[req].Kind {
			case sim.KindData:
				q.Request = "."
			case sim.KindCommand:
				q.Request = trace[req].Line
			}
		}
	}
	switch e.Proto {
	case "pop3":
		q.Choices = []string{"+OK", "-ERR"}
		return q
	case "imap":
		q.Choices = imapChoices
		return q
	}
	verb, _, _ := strings.Cut(q.Request, " ")
	choices, ok := smtpChoices[strings.ToUpper(verb)]
	if !ok {
		choices = otherSMTPChoices
	}
	choices = slices.Clone(choices)
	if right := answer(e); !slices.Contains(choices, right) {
		choices[len(choices)-1] = right
	}
	slices.Sort(choices)
	q.Choices = choices
	return q
}
