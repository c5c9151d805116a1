package player

import (
	"strings"

	"mailsim/sim"
	"mailsim/web/view"
)

// motion is what the topology shows moving at one step. Push and pull
// differ in what travels: commands and replies are small tokens on the
// link, and the envelope moves only with the message itself, on DATA for
// a push, into the mailbox on a store, and back from the server on a RETR
// or FETCH reply for a pull, after the reader's request has gone out.
type motion struct {
	From    string `json:"from,omitempty"`    // the chip the step starts at: an agent or a mailbox ("box:" + address)
	To      string `json:"to,omitempty"`      // the chip it reaches, "" when nothing travels
	Message bool   `json:"message,omitempty"` // the message travels, not a command or reply
	Token   string `json:"token,omitempty"`   // the token's words when a command or reply travels
	Rest    string `json:"rest,omitempty"`    // the chip the message rests on after the step, "" before there is one
	Dir     string `json:"dir,omitempty"`     // the direction of the message's last move, which colours the envelope
}

// motionAt is the motion of the step that ends with event step-1.
func motionAt(trace []sim.Event, step int) motion {
	var m motion
	for i := range step {
		from, to, msg := travel(trace, i)
		if msg {
			m.Rest, m.Dir = to, string(trace[i].Dir)
		}
		if i == step-1 {
			m.From, m.To, m.Message = from, to, msg
			if !msg && to != "" {
				m.Token = token(trace[i])
			}
		}
	}
	return m
}

// travel is where event i of trace goes from and to, and whether the
// message is what goes. A store goes into the mailbox whatever its To
// names (scenarios written before mailboxes had chips name the reader's
// user agent there), and a user agent that reads its mailbox on the same
// system takes the message out of the mailbox.
func travel(trace []sim.Event, i int) (from, to string, msg bool) {
	e := trace[i]
	switch e.Kind {
	case sim.KindStore:
		if e.Box != "" {
			return e.From, view.BoxChip(e.Box), true
		}
		return e.From, e.To, true
	case sim.KindFetch:
		if e.To == "" && e.Box != "" {
			return view.BoxChip(e.Box), e.From, true
		}
		return e.From, e.To, true
	case sim.KindSubmit, sim.KindData:
		return e.From, e.To, e.To != ""
	case sim.KindReply:
		if bringsMessage(trace, i) {
			return e.From, e.To, true
		}
	case sim.KindNote, sim.KindState, sim.KindFault, sim.KindDelete:
		return e.From, "", false
	}
	return e.From, e.To, false
}

// bringsMessage tells whether reply i of a POP3 or IMAP session carries a
// message to the reader: it answers RETR or TOP, or a FETCH of a body.
func bringsMessage(trace []sim.Event, i int) bool {
	e := trace[i]
	if e.Proto != "pop3" && e.Proto != "imap" || !strings.Contains(e.Line, "\r\n") {
		return false
	}
	s, ok := sessionAt(trace, i)
	if !ok {
		return false
	}
	req, ok := s.requests(trace)[i]
	if !ok || trace[req].Kind != sim.KindCommand {
		return false
	}
	line := strings.ToUpper(trace[req].Line)
	verb := commandVerb(trace[req])
	if e.Proto == "imap" {
		return verb == "FETCH" && (strings.Contains(line, "BODY") || strings.Contains(line, "RFC822"))
	}
	return verb == "RETR" || verb == "TOP"
}

// commandVerb is the verb of a command line, in capitals: the first word, and
// in IMAP the word after the tag (and after UID, which only changes how
// messages are numbered).
func commandVerb(e sim.Event) string {
	words := strings.Fields(strings.ToUpper(e.Line))
	if e.Proto == "imap" && len(words) > 1 {
		words = words[1:]
		if words[0] == "UID" && len(words) > 1 {
			words = words[1:]
		}
	}
	if len(words) == 0 {
		return ""
	}
	return words[0]
}

// token is the words on a command's or reply's token: the verb, the reply
// code or status; a connection's opening and closing travel as "TCP", the
// resolver's question and answer as "DNS".
func token(e sim.Event) string {
	switch e.Kind {
	case sim.KindCommand:
		return commandVerb(e)
	case sim.KindReply:
		a, _, _ := strings.Cut(answer(e), " ")
		return a
	case sim.KindConnect, sim.KindDisconnect:
		return "TCP"
	case sim.KindDNSQuery, sim.KindDNSAnswer:
		return "DNS"
	}
	return ""
}
