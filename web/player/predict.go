package player

import (
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"mailsim/sim"
	"mailsim/web/view"
)

// quiz is what predict mode asks before a server reply: which reply comes
// next, among a few that the protocol allows for the request it answers.
// The answer is not in it: the browser learns it from the reply itself,
// which the next frame carries.
type quiz struct {
	Proto   string   `json:"proto"`   // the reply's protocol, which words the question
	Request string   `json:"request"` // the command the reply answers, as on the wire ("" for a greeting)
	Choices []string `json:"choices"` // reply codes ("250"), POP3 status words ("+OK") or IMAP completions ("OK")
	// Untagged are an IMAP reply's untagged lines ("* 1 EXISTS"), which
	// come before the tagged completion the question is about: a student
	// sees the data and judges how the command ends.
	Untagged []string `json:"untagged,omitempty"`
}

// smtpChoices are the replies RFC 5321 §4.3.2 lets a server give to each
// command, trimmed to the ones a student should weigh: success, the usual
// permanent and temporary failures, and a sequence error. "" is the
// greeting and "." the end of the message text. Every command has four,
// so that the right one can stand in any place: where the RFC allows fewer,
// the fourth is a reply students mistake for the right one (250 for the
// greeting, 502 for RSET and NOOP, which every server must implement,
// §4.5.1).
var smtpChoices = map[string][]string{
	"":     {"220", "421", "554", "250"},
	"HELO": {"250", "501", "504", "421"},
	"EHLO": {"250", "501", "502", "421"},
	"MAIL": {"250", "550", "452", "503"},
	"RCPT": {"250", "550", "452", "503"},
	"DATA": {"354", "503", "554", "451"},
	".":    {"250", "552", "554", "451"},
	"RSET": {"250", "501", "421", "502"},
	"NOOP": {"250", "501", "421", "502"},
	"VRFY": {"250", "252", "550", "502"},
	"QUIT": {"221", "250", "500", "421"},
}

// otherSMTPChoices covers a command the table does not name.
var otherSMTPChoices = []string{"250", "500", "502", "503"}

// pop3Multi is the choice for a POP3 "+OK" followed by more lines up to a
// lone "." (RFC 1939 §3): whether RETR, LIST or UIDL answer on one line or
// many is as much worth predicting as the status.
const pop3Multi = "+OK …"

// pop3Temp is a "-ERR" with RFC 3206's response code for a temporary
// failure, which a server may give to any command: the one "-ERR" that says
// trying again later may work.
const pop3Temp = "-ERR [SYS/TEMP]"

// pop3Auth is a "-ERR" with RFC 3206's code for a login refused on its
// credentials: the failure worth telling apart after PASS, APOP or AUTH,
// where pop3Temp is the less likely one.
const pop3Auth = "-ERR [AUTH]"

// pop3Logins are the commands pop3Auth is asked about.
var pop3Logins = []string{"PASS", "APOP", "AUTH"}

// pop3Choices are POP3's two status indicators, "+OK" split by whether a
// multi-line body follows and "-ERR" by whether the failure is temporary.
var pop3Choices = []string{"+OK", pop3Multi, "-ERR", pop3Temp}

// imapChoices are the three ends of an IMAP command (RFC 3501 §7.1): OK,
// NO for a refusal, BAD for a command the server cannot parse or take now.
// A greeting is OK, PREAUTH (already logged in) or BYE (turned away).
var (
	imapChoices         = []string{"OK", "NO", "BAD"}
	imapGreetingChoices = []string{"OK", "PREAUTH", "BYE"}
)

// answer is the reply an event gives, in the form quiz choices take: the
// code of an SMTP reply; the status word of a POP3 one, pop3Multi when more
// lines follow, pop3Temp for a temporary failure and pop3Auth for refused
// credentials; of an IMAP response the status of its last line, the
// tagged one (or the greeting's "* OK"). predict.js's answerOf is the same.
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
	first, more, _ := strings.Cut(e.Line, "\r\n")
	status, _, _ := strings.Cut(first, " ")
	switch {
	case status == "+OK" && more != "":
		return pop3Multi
	case strings.HasPrefix(first, pop3Temp):
		return pop3Temp
	case strings.HasPrefix(first, pop3Auth):
		return pop3Auth
	}
	return status
}

// quizAt returns the question to ask before event next of scenario name is
// shown, or nil when next is not an SMTP, POP3 or IMAP server reply. The
// choices are shuffled, so that the right one is not always first, in an
// order fixed by the scenario and the step: a deep link asks the same.
func quizAt(name string, trace []sim.Event, next int) *quiz {
	if next >= len(trace) || !asked(trace[next]) {
		return nil
	}
	e := trace[next]
	q := &quiz{Proto: e.Proto}
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
		q.Choices = slices.Clone(pop3Choices)
		if verb, _, _ := strings.Cut(q.Request, " "); slices.Contains(pop3Logins, strings.ToUpper(verb)) {
			q.Choices[slices.Index(q.Choices, pop3Temp)] = pop3Auth
		}
	case "imap":
		q.Choices = slices.Clone(imapChoices)
		if q.Request == "" {
			q.Choices = slices.Clone(imapGreetingChoices)
		}
		lines := strings.Split(e.Line, "\r\n")
		if q.Request != "" {
			q.Untagged = untagged(lines[:len(lines)-1])
		}
	default:
		verb, _, _ := strings.Cut(q.Request, " ")
		choices, ok := smtpChoices[strings.ToUpper(verb)]
		if !ok {
			choices = otherSMTPChoices
		}
		q.Choices = slices.Clone(choices)
	}
	if right := answer(e); !slices.Contains(q.Choices, right) {
		q.Choices[len(q.Choices)-1] = right
	}
	h := fnv.New64a()
	h.Write([]byte(name + "\x00" + strconv.Itoa(next)))
	rand.New(rand.NewPCG(h.Sum64(), 0)).Shuffle(len(q.Choices), func(i, j int) {
		q.Choices[i], q.Choices[j] = q.Choices[j], q.Choices[i]
	})
	return q
}

// asked tells whether predict mode asks about event e: a server reply of
// a protocol with a state diagram.
func asked(e sim.Event) bool {
	return e.Kind == sim.KindReply && slices.Contains(view.Diagrammed, e.Proto)
}

// quizAhead is how many steps from step the next question is, so that the
// panel can say so between questions; 0 when the question is at step
// itself or when none is left.
func quizAhead(trace []sim.Event, step int) int {
	for j := step; j < len(trace); j++ {
		if asked(trace[j]) {
			return j - step
		}
	}
	return 0
}

// untagged keeps the lines of an IMAP response that start an untagged
// response ("* 1 EXISTS"), leaving out the octets of the literals inside
// them ("{591}" and what follows), which a FETCH brings by the kilobyte:
// the question needs the shape, not the mail.
func untagged(lines []string) []string {
	var out []string
	skip := 0 // octets of a literal still to pass over
	for _, l := range lines {
		if skip > 0 {
			skip -= len(l) + 2 // the line and its CRLF
			continue
		}
		if strings.HasPrefix(l, "* ") {
			out = append(out, l)
		}
		if open := strings.LastIndexByte(l, '{'); open >= 0 && strings.HasSuffix(l, "}") {
			skip, _ = strconv.Atoi(strings.TrimSuffix(l[open+1:len(l)-1], "+"))
		}
	}
	return out
}

// Question is predict mode's question for a class's poll: the next server
// reply from a step on, the choices, the right one's index, the reply's
// step and the key of its explanation.
type Question struct {
	Proto, Request string
	Choices        []string
	Right          int
	Step           int // the step that shows the reply: the class moves there to reveal
	Key            string
}

// Question is the question predict mode asks about the first server reply
// of spec at or after step; false when no reply is left.
func (a *Section) Question(spec *sim.Spec, step int) (Question, bool) {
	r, err := a.totals.get(spec)
	if err != nil || step < 0 || step >= len(r.trace) {
		return Question{}, false
	}
	next := step + quizAhead(r.trace, step)
	q := quizAt(spec.Name, r.trace, next)
	if q == nil {
		return Question{}, false
	}
	return Question{Proto: q.Proto, Request: q.Request, Choices: q.Choices, Right: slices.Index(q.Choices, answer(r.trace[next])),
		Step: next + 1, Key: r.trace[next].Key}, true
}
