package sim

import (
	"fmt"
	"strings"
)

// bounce tells a message's sender that it could not reach rcpt: a delivery
// status notification (RFC 3464) from the MTA that gave up, sent with the
// null reverse-path so that it can never bounce in its turn.
func (w *World) bounce(clientID string, m *Message, rcpt, reason string) {
	if m.From == "" {
		w.schedule(0, func() Event {
			return Event{Kind: KindFault, From: clientID, Dir: Push, Msg: m.ID, Key: "sim.fault.double-bounce", Line: rcpt}
		})
		return
	}
	host := w.hostOf(clientID)
	w.msgs++
	dsn := &Message{ID: fmt.Sprintf("M%d", w.msgs), From: "", To: []string{m.From},
		Subject: "Undelivered Mail Returned to Sender"}
	dsn.Raw = w.report(host, dsn, m, rcpt, reason)
	w.schedule(0, func() Event {
		sender := w.users[strings.ToLower(m.From)]
		if sender != nil && sender.Host == host.ID {
			w.schedule(0, func() Event { return w.store(clientID, sender.Address, dsn, w.token(), dsn.Raw, "sim.store.bounce") })
		} else {
			w.enqueue(clientID, &outgoing{msg: dsn, rcpts: dsn.To})
		}
		return Event{Kind: KindFault, From: clientID, Dir: Push, Msg: m.ID, Key: bounceKey(reason),
			Line: fmt.Sprintf("<%s>: %s", rcpt, reason)}
	})
}

// bounceKey explains a bounce by the reply that caused it: a 551 names the
// recipient's new address, which the report passes on to the sender.
func bounceKey(reason string) string {
	if strings.HasPrefix(reason, "551 ") {
		return "sim.bounce.moved"
	}
	return "sim.bounce"
}

// report writes the bounce as multipart/report: a human-readable part, the
// machine-readable delivery status, and the original message's header.
func (w *World) report(host *Host, dsn, orig *Message, rcpt, reason string) string {
	boundary := fmt.Sprintf("%s.%s/%s", dsn.ID, w.token(), host.Name)
	head, _, _ := strings.Cut(orig.Raw, "\r\n\r\n")
	status := "5.0.0"
	if f := strings.Fields(reason); len(f) > 1 && len(f[1]) >= 5 && f[1][1] == '.' {
		status = f[1]
	}
	var b strings.Builder
	fmt.Fprintf(&b, "From: Mail Delivery System <MAILER-DAEMON@%s>\r\n", host.Name)
	fmt.Fprintf(&b, "To: %s\r\n", orig.From)
	fmt.Fprintf(&b, "Subject: %s\r\n", dsn.Subject)
	fmt.Fprintf(&b, "Date: %s\r\n", w.date())
	fmt.Fprintf(&b, "Message-ID: <%s.%s@%s>\r\n", dsn.ID, w.token(), host.Name)
	b.WriteString("Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n")
	fmt.Fprintf(&b, "Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"%s\"\r\n\r\n", boundary)
	b.WriteString("This is a MIME-encapsulated message.\r\n\r\n")
	fmt.Fprintf(&b, "--%s\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n", boundary)
	fmt.Fprintf(&b, "This is the mail system at host %s.\r\n\r\n", host.Name)
	b.WriteString("I'm sorry to have to inform you that your message could not\r\nbe delivered to one or more recipients.\r\n\r\n")
	fmt.Fprintf(&b, "<%s>: %s\r\n\r\n", rcpt, reason)
	fmt.Fprintf(&b, "--%s\r\nContent-Type: message/delivery-status\r\n\r\n", boundary)
	fmt.Fprintf(&b, "Reporting-MTA: dns; %s\r\n\r\n", host.Name)
	fmt.Fprintf(&b, "Final-Recipient: rfc822; %s\r\nAction: failed\r\nStatus: %s\r\n", rcpt, status)
	fmt.Fprintf(&b, "Diagnostic-Code: smtp; %s\r\n\r\n", reason)
	fmt.Fprintf(&b, "--%s\r\nContent-Type: text/rfc822-headers\r\n\r\n%s\r\n\r\n--%s--\r\n", boundary, head, boundary)
	return b.String()
}
