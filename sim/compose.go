package sim

import (
	"fmt"
	"strings"
	"time"

	"mailsim/sim/mime"
)

// compose turns a scripted Send into a message and hands it on: to the
// sender's MTA client when the sender's system has one, otherwise straight
// into the mailboxes on the same system (the lecture's first scenario).
func (w *World) compose(s *Send) Event {
	sender := w.users[strings.ToLower(s.From)]
	w.msgs++
	m := &Message{
		ID:      fmt.Sprintf("M%d", w.msgs),
		From:    sender.Address,
		To:      append([]string(nil), s.To...),
		Subject: s.Subject,
	}
	raw, err := s.Raw, error(nil)
	if raw == nil {
		raw, err = w.draft(sender, m, s)
	}
	if err != nil {
		return Event{Kind: KindFault, From: sender.UA, Dir: Local, Msg: m.ID, Key: "sim.fault.compose", Line: err.Error()}
	}
	m.Raw = string(raw)
	host := w.hostOf(sender.UA)
	if client := agentOf(host, MTAClient); client != nil {
		w.enqueue(client.ID, &outgoing{msg: m, rcpts: m.To})
		return Event{Kind: KindSubmit, From: sender.UA, To: client.ID, Dir: Local, Msg: m.ID,
			Key: "sim.submit", Line: "Subject: " + s.Subject}
	}
	for _, to := range m.To {
		u := w.users[strings.ToLower(to)]
		if u == nil || u.Host != host.ID {
			w.schedule(0, func() Event {
				return Event{Kind: KindFault, From: sender.UA, Dir: Local, Msg: m.ID, Key: "sim.fault.no-mta", Line: to}
			})
			continue
		}
		w.schedule(0, func() Event { return w.store(sender.UA, to, m, "", m.Raw, "sim.store.local") })
	}
	return Event{Kind: KindNote, From: sender.UA, Dir: Local, Msg: m.ID, Key: "sim.compose.local",
		Line: "Subject: " + s.Subject}
}

// draft writes the message as the sender's user agent would: its header
// fields, then a text part, with attachments inside a multipart/mixed.
func (w *World) draft(sender *User, m *Message, s *Send) ([]byte, error) {
	from := sender.Address
	if sender.Name != "" {
		from = fmt.Sprintf("%s <%s>", sender.Name, sender.Address)
	}
	d := mime.Draft{
		Header: []mime.Field{
			{Name: "From", Value: from},
			{Name: "To", Value: strings.Join(s.To, ", ")},
			{Name: "Subject", Value: s.Subject},
			{Name: "Date", Value: w.date()},
			{Name: "Message-ID", Value: fmt.Sprintf("<%s.%s@%s>", m.ID, w.token(), w.hostOf(sender.UA).Name)},
		},
		Text: &mime.Part{Type: "text/plain; charset=utf-8", Data: []byte(s.Body)},
	}
	for _, a := range s.Attach {
		d.Attachments = append(d.Attachments, mime.Part{Type: a.Type, Filename: a.Name, Data: a.Data})
	}
	return mime.Compose(d)
}

// date is the current virtual time as an RFC 5322 date.
func (w *World) date() string { return Epoch.Add(w.now).Format(time.RFC1123Z) }

// token is a short pseudo-random hex string from the world's seeded source,
// like the queue IDs Postfix prints.
func (w *World) token() string { return fmt.Sprintf("%010X", w.rng.Uint64()&0xFFFFFFFFFF) }
