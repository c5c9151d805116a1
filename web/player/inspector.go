package player

import (
	"slices"
	"strconv"
	"strings"

	"mailsim/sim"
	"mailsim/sim/mime"
	"mailsim/web/view"
)

// inspected is the message of the current step as the inspector shows it:
// the envelope the SMTP session gave it, the header fields a reader sees,
// the body, its MIME tree and its raw text. Raw is the message itself;
// Wire names the protocol that carries it at this step ("smtp" inside DATA,
// "pop3" in a RETR reply, "imap" in a FETCH reply's literals, "" when it
// rests in a queue, mailbox or folder); for smtp and pop3 the browser shows
// the dot-stuffing and the final dot too, which IMAP's counted literals lack.
type inspected struct {
	ID       string       `json:"id"`
	Wire     string       `json:"wire,omitempty"`
	Place    string       `json:"place,omitempty"` // the mailbox or user agent holding this copy
	Envelope *envelopeOf  `json:"envelope,omitempty"`
	Header   []mime.Field `json:"header"`
	Body     string       `json:"body"`
	Raw      string       `json:"raw"`
	Tree     *mime.Node   `json:"tree,omitempty"`
	Error    string       `json:"error,omitempty"` // why the MIME tree is missing
}

// envelopeOf is what an SMTP session said about a message: MAIL FROM and
// each RCPT TO with the code its reply had by the current step (0 before).
type envelopeOf struct {
	From  string      `json:"from"`
	Rcpts []recipient `json:"rcpts"`
}

type recipient struct {
	Address string `json:"address"`
	Code    int    `json:"code,omitempty"`
	Class   int    `json:"class,omitempty"` // the reply's class, as its event carries it
}

// headerShown are the fields the inspector sets against the envelope.
var headerShown = []string{"From", "To", "Cc", "Subject", "Date"}

// inspect returns the message of the step'th event, or of the nearest one
// before it that concerns a message, or nil before the first.
func (r *run) inspect(step int) *inspected {
	c := -1
	for i := min(step, len(r.trace)) - 1; i >= 0; i-- {
		if e := r.trace[i]; e.Msg != "" || slices.Contains(view.Diagrammed, e.Proto) {
			c = i
			break
		}
	}
	if c < 0 {
		return nil
	}
	e := r.trace[c]
	m := &inspected{ID: e.Msg}
	s, inSession := sessionAt(r.trace, c)
	switch {
	case inSession && s.proto == "smtp":
		for _, j := range s.events {
			if r.trace[j].Kind == sim.KindData {
				m.Raw, m.Wire = unstuff(strings.Split(r.trace[j].Line, "\r\n")), "smtp"
			}
		}
	case inSession && s.proto == "pop3":
		m.Place = e.Box
		answers := s.requests(r.trace)
		for _, j := range s.events {
			if req, ok := answers[j]; ok && strings.HasPrefix(strings.ToUpper(r.trace[req].Line), "RETR") && strings.HasPrefix(r.trace[j].Line, "+OK") {
				lines := strings.Split(r.trace[j].Line, "\r\n")
				m.Raw, m.Wire = unstuff(lines[1:]), "pop3"
				break
			}
		}
	case inSession && s.proto == "imap":
		m.Place = e.Box
		for _, j := range s.events {
			if l := r.trace[j]; l.Kind == sim.KindReply && strings.Contains(l.Line, " FETCH (") {
				if parts := literals(l.Line); len(parts) > 0 {
					m.Raw, m.Wire = strings.Join(parts, ""), "imap"
					break
				}
			}
		}
	case e.Kind == sim.KindFetch && e.Proto == "pop3":
		m.Place = e.To
	case e.Box != "":
		m.Place = e.Box
	}
	if m.ID == "" && m.Place != "" {
		m.ID = r.idOf(m.Place, m.Raw, c)
	}
	if m.Raw == "" {
		m.Raw, m.Place = r.copyOf(m.ID, m.Place, c)
	}
	if m.ID == "" && m.Raw == "" {
		return nil
	}
	m.Envelope = r.envelope(m.ID, m.Place, c, step)
	if _, body, ok := strings.Cut(m.Raw, "\r\n\r\n"); ok {
		m.Body = body
	}
	parsed := m.Raw
	if full, ok := r.copies[copyKey{m.Place, m.ID}]; ok && m.Wire == "imap" {
		parsed = full // a FETCH of the header and the text's start: the tree is the whole message's
	}
	tree, err := mime.Parse([]byte(parsed))
	if err != nil {
		m.Error = err.Error()
		return m
	}
	m.Tree = tree
	for _, name := range headerShown {
		for _, f := range tree.Header {
			if strings.EqualFold(f.Name, name) {
				m.Header = append(m.Header, mime.Field{Name: name, Value: f.Value})
			}
		}
	}
	return m
}

// literals returns the octets of each {n} literal in an IMAP reply, in
// order (RFC 9051 §4.3): the message text a FETCH carries, counted rather
// than dot-stuffed. A count that runs past the reply ends the scan.
func literals(reply string) []string {
	var out []string
	for {
		open := strings.IndexByte(reply, '{')
		if open < 0 {
			return out
		}
		reply = reply[open+1:]
		end := strings.Index(reply, "}\r\n")
		if end < 0 {
			return out
		}
		n, err := strconv.Atoi(strings.TrimSuffix(reply[:end], "+"))
		if err != nil || n < 0 {
			continue
		}
		reply = reply[end+3:]
		if n > len(reply) {
			return out
		}
		out = append(out, reply[:n])
		reply = reply[n:]
	}
}

// unstuff turns the lines of a DATA block or a RETR reply, dot-stuffed and
// ended by ".", back into the message (RFC 5321 §4.5.2, RFC 1939 §3).
func unstuff(lines []string) string {
	if n := len(lines); n > 0 && lines[n-1] == "." {
		lines = lines[:n-1]
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(strings.TrimPrefix(l, "."))
		b.WriteString("\r\n")
	}
	return b.String()
}

// idOf finds which message of mailbox box has the text raw, or begins
// with it: an IMAP client may fetch the header and only the start of the
// text.
// Without text it is the message stored in box last by event c: what a
// client logging in finds newest.
func (r *run) idOf(box, raw string, c int) string {
	if raw == "" {
		for i := c; i >= 0; i-- {
			if e := r.trace[i]; e.Kind == sim.KindStore && e.Box == box {
				return e.Msg
			}
		}
		return ""
	}
	for k, v := range r.copies {
		if k.place == box && strings.HasPrefix(v, raw) {
			return k.id
		}
	}
	return ""
}

// copyOf returns message id's text at place, or, when place holds none,
// the text the next SMTP session from event c on carries, or any copy.
func (r *run) copyOf(id, place string, c int) (raw, at string) {
	if v, ok := r.copies[copyKey{place, id}]; ok {
		return v, place
	}
	for i := c; i < len(r.trace); i++ {
		if e := r.trace[i]; e.Kind == sim.KindData && e.Msg == id {
			return unstuff(strings.Split(e.Line, "\r\n")), ""
		}
	}
	for i := c; i >= 0; i-- {
		if e := r.trace[i]; e.Kind == sim.KindStore && e.Msg == id {
			return r.copies[copyKey{e.Box, id}], e.Box
		}
	}
	return "", ""
}

// envelope finds the SMTP session that carried message id towards place
// (any session with it when place is not a recipient), the latest one that
// started by event c, else the first after it, and reads its MAIL FROM and
// RCPT TO with the replies given within the first step events.
func (r *run) envelope(id, place string, c, step int) *envelopeOf {
	if id == "" {
		return nil
	}
	var all, fit []int
	for i, e := range r.trace {
		if e.Kind == sim.KindConnect && e.Proto == "smtp" && e.Msg == id {
			all = append(all, i)
			if s, _ := sessionAt(r.trace, i); place == "" || r.rcptIn(s, place) {
				fit = append(fit, i)
			}
		}
	}
	if len(fit) == 0 {
		fit = all
	}
	if len(fit) == 0 {
		return nil
	}
	best := fit[0]
	for _, i := range fit {
		if i <= c {
			best = i
		}
	}
	s, _ := sessionAt(r.trace, best)
	answers := map[int]sim.Event{}
	for reply, req := range s.requests(r.trace) {
		if reply < step {
			answers[req] = r.trace[reply]
		}
	}
	env := &envelopeOf{}
	for _, j := range s.events {
		verb, arg := cutCommand(r.trace[j])
		switch verb {
		case "MAIL FROM":
			env.From = arg
		case "RCPT TO":
			env.Rcpts = append(env.Rcpts, recipient{Address: arg, Code: answers[j].Code, Class: answers[j].Class})
		}
	}
	return env
}

// rcptIn reports whether session s names address in a RCPT TO.
func (r *run) rcptIn(s session, address string) bool {
	for _, j := range s.events {
		if verb, arg := cutCommand(r.trace[j]); verb == "RCPT TO" && strings.EqualFold(arg, address) {
			return true
		}
	}
	return false
}

// cutCommand splits "MAIL FROM:<a@b> SIZE=9" into "MAIL FROM" and "a@b".
func cutCommand(e sim.Event) (verb, arg string) {
	if e.Kind != sim.KindCommand {
		return "", ""
	}
	verb, rest, ok := strings.Cut(e.Line, ":")
	if !ok {
		return "", ""
	}
	rest = strings.TrimSpace(rest)
	if strings.HasPrefix(rest, "<") {
		rest, _, _ = strings.Cut(rest[1:], ">")
	}
	return strings.ToUpper(strings.TrimSpace(verb)), rest
}
