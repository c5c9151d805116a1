package sim

import (
	"encoding/base64"
	"fmt"
	"strings"
	"time"
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
	m.Raw = w.header(sender, m, s) + w.body(m, s)
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
		w.schedule(0, func() Event { return w.store(sender.UA, to, m, "", m.Raw) })
	}
	return Event{Kind: KindNote, From: sender.UA, Dir: Local, Msg: m.ID, Key: "sim.compose.local",
		Line: "Subject: " + s.Subject}
}

// header writes the RFC 5322 header a user agent would add.
func (w *World) header(sender *User, m *Message, s *Send) string {
	var b strings.Builder
	from := sender.Address
	if sender.Name != "" {
		from = fmt.Sprintf("%s <%s>", sender.Name, sender.Address)
	}
	fmt.Fprintf(&b, "From: %s\r\n", from)
	fmt.Fprintf(&b, "To: %s\r\n", strings.Join(s.To, ", "))
	fmt.Fprintf(&b, "Subject: %s\r\n", s.Subject)
	fmt.Fprintf(&b, "Date: %s\r\n", w.date())
	fmt.Fprintf(&b, "Message-ID: <%s.%s@%s>\r\n", m.ID, w.token(), w.hostOf(sender.UA).Name)
	b.WriteString("MIME-Version: 1.0\r\n")
	return b.String()
}

// body writes the MIME body: one text part, or with attachments a
// multipart/mixed whose files are Base64 lines of 76 characters.
func (w *World) body(m *Message, s *Send) string {
	text := textPart(s.Body)
	if len(s.Attach) == 0 {
		return text
	}
	var b strings.Builder
	boundary := fmt.Sprintf("=_%s.%s", m.ID, w.token())
	fmt.Fprintf(&b, "Content-Type: multipart/mixed; boundary=\"%s\"\r\n\r\n", boundary)
	b.WriteString("This is a multi-part message in MIME format.\r\n")
	fmt.Fprintf(&b, "--%s\r\n%s", boundary, text)
	for _, a := range s.Attach {
		fmt.Fprintf(&b, "--%s\r\n", boundary)
		fmt.Fprintf(&b, "Content-Type: %s; name=\"%s\"\r\n", a.Type, a.Name)
		fmt.Fprintf(&b, "Content-Disposition: attachment; filename=\"%s\"\r\n", a.Name)
		b.WriteString("Content-Transfer-Encoding: base64\r\n\r\n")
		enc := base64.StdEncoding.EncodeToString(a.Data)
		for len(enc) > 76 {
			b.WriteString(enc[:76] + "\r\n")
			enc = enc[76:]
		}
		b.WriteString(enc + "\r\n")
	}
	fmt.Fprintf(&b, "--%s--\r\n", boundary)
	return b.String()
}

// textPart writes a plain text part's header fields and body: 7bit when the
// text is ASCII, 8bit when it holds UTF-8 beyond it.
func textPart(text string) string {
	enc := "7bit"
	for i := 0; i < len(text); i++ {
		if text[i] >= 0x80 {
			enc = "8bit"
			break
		}
	}
	return "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: " + enc + "\r\n\r\n" + crlf(text)
}

// date is the current virtual time as an RFC 5322 date.
func (w *World) date() string { return Epoch.Add(w.now).Format(time.RFC1123Z) }

// token is a short pseudo-random hex string from the world's seeded source,
// like the queue IDs Postfix prints.
func (w *World) token() string { return fmt.Sprintf("%010X", w.rng.Uint64()&0xFFFFFFFFFF) }

// crlf normalises a body's line ends to CRLF and ends it with one.
func crlf(body string) string {
	body = strings.ReplaceAll(body, "\r\n", "\n")
	body = strings.TrimSuffix(body, "\n")
	return strings.ReplaceAll(body, "\n", "\r\n") + "\r\n"
}
