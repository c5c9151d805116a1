package sim

import (
	"fmt"
	"strings"
	"time"

	"mailsim/sim/smtp"
)

// backend is how the world answers an SMTP server's questions in a session:
// which recipients it takes, and what happens to a message it accepted.
type backend struct{ s *session }

// serves reports whether host h is the final destination for mail to domain.
func (w *World) serves(h *Host, domain string) bool {
	for _, t := range w.mailHosts(domain) {
		if t == h {
			return true
		}
	}
	return false
}

// relaysFor reports whether host h accepts mail to any domain from the MTA
// client clientID: a mail server relays for the PCs configured to use it.
func (w *World) relaysFor(h *Host, clientID string) bool {
	return w.agents[clientID].Relay == h.ID
}

// Recipient decides with the one recipient policy: local mailboxes that
// exist and have room, a local address that forwards elsewhere (251) or
// has moved (551), and any address from a client this host relays for.
// What the policy accepts from a client it does not relay for passes the
// server's greylist first.
func (b backend) Recipient(addr string) *smtp.Reply {
	p := b.policy()
	canon, refused := p.Recipient(addr)
	if refused != nil {
		return refused
	}
	w := b.s.w
	var r *smtp.Reply
	switch key := strings.ToLower(canon); {
	case w.moved[key] != "":
		moved := smtp.UserMoved(w.moved[key])
		return &moved
	case w.forwards[key] != "":
		fwd := smtp.WillForward(w.forwards[key])
		r = &fwd
	}
	if grey := b.greylist(canon, p.Relay); grey != nil {
		return grey
	}
	return r
}

// greylist defers, with 450, a recipient whose triplet (the client's host,
// the envelope sender, the recipient) this server first saw less than its
// greylist delay ago, as postgrey does; a triplet seen for the first time
// starts its delay now. A triplet past its delay is accepted, with the
// reply that says so. Clients the server relays for are never greylisted,
// as Postfix lets its own network past the policy service.
func (b backend) greylist(rcpt string, relay bool) *smtp.Reply {
	w := b.s.w
	delay := w.agents[b.s.server].Greylist
	if delay == 0 || relay {
		return nil
	}
	triplet := strings.Join([]string{b.s.server, w.hostOf(b.s.client).Name, strings.ToLower(b.s.s.Envelope().From), rcpt}, " ")
	first, seen := w.greylist[triplet]
	if !seen {
		w.greylist[triplet], first = w.now, w.now
	}
	if left := delay - (w.now - first); left > 0 {
		r := smtp.Greylisted(rcpt, int((left+time.Second-1)/time.Second))
		return &r
	}
	r := smtp.GreylistPassed()
	return &r
}

// Deliver takes responsibility for an accepted message: local recipients get
// it in their mailboxes, others go to this host's MTA client to be relayed.
// A message that would overflow a local mailbox is refused whole with 552,
// since after DATA one reply speaks for every recipient.
func (b backend) Deliver(env smtp.Envelope, data []byte) smtp.Reply {
	w := b.s.w
	if w.failed[b.s.server] < w.agents[b.s.server].WriteErrors {
		w.failed[b.s.server]++
		return smtp.QueueWriteError() // before anything is stored, so the retry stores it once
	}
	host := w.hostOf(b.s.server)
	env.To = b.mailboxes(env.To)
	for _, to := range env.To {
		u := w.users[strings.ToLower(to)]
		if u != nil && w.serves(host, domainOf(to)) && u.Quota > 0 && w.boxes[strings.ToLower(to)].size()+len(data) > u.Quota {
			return smtp.QuotaExceeded(to)
		}
	}
	id := w.token()
	received := fmt.Sprintf("Received: from %s (%s) by %s (mailsim) with %s id %s\r\n\tfor <%%s>; %s\r\n",
		env.Helo, w.tcpInfo(w.hostOf(b.s.client)), host.Name, env.With(), id, w.date())
	msg := b.s.out.msg
	var relay, forward []string
	for _, to := range env.To {
		switch fwd := w.forwards[strings.ToLower(to)]; {
		case !w.serves(host, domainOf(to)):
			relay = append(relay, to)
		case fwd != "":
			forward = append(forward, fwd)
		default:
			raw := fmt.Sprintf(received, to) + string(data)
			w.schedule(0, func() Event { return w.store(b.s.server, to, msg, id, raw, "sim.store") })
		}
	}
	for _, r := range []struct {
		rcpts []string
		key   string
	}{{relay, "sim.relay.queue"}, {forward, "sim.relay.forward"}} {
		if len(r.rcpts) == 0 {
			continue
		}
		m := &Message{ID: msg.ID, From: env.From, To: r.rcpts, Subject: msg.Subject,
			Raw: fmt.Sprintf(received, r.rcpts[0]) + string(data)}
		w.schedule(0, func() Event { return w.relay(b.s.server, m, r.key) })
	}
	return smtp.Queued(id)
}

// tcpInfo is what a Received line says in parentheses about the client it
// came from (RFC 5321 §4.4): the name its address resolves back to, which in
// the world is the host's own, and the address in brackets when the zones
// give the host an A record.
func (w *World) tcpInfo(client *Host) string {
	if addrs, _ := w.resolver.LookupA(client.Name); len(addrs) > 0 {
		return fmt.Sprintf("%s [%s]", client.Name, addrs[0])
	}
	return client.Name
}

// relay hands a message accepted by a mail server to the MTA client on the
// same host, which will push it on towards the recipients' servers: mail for
// another domain, or (key sim.relay.forward) mail for a forwarded address,
// now addressed to where it forwards.
func (w *World) relay(serverID string, m *Message, key string) Event {
	client := agentOf(w.hostOf(serverID), MTAClient)
	if client == nil {
		return Event{Kind: KindFault, From: serverID, Dir: Push, Msg: m.ID, Key: "sim.fault.no-mta"}
	}
	w.enqueue(client.ID, &outgoing{msg: m, rcpts: m.To})
	return Event{Kind: KindSubmit, From: serverID, To: client.ID, Dir: Local, Msg: m.ID,
		Key: key, Line: strings.Join(m.To, ", ")}
}

// store is agent writing a copy of m into the mailbox of address, on the
// host that holds it: the mail rests there until its reader fetches it, so
// the event names no user agent. key says which agent wrote it and why.
// Final delivery adds the Return-Path header with the envelope sender
// (RFC 5321 §4.4).
func (w *World) store(agent, address string, m *Message, queueID, raw, key string) Event {
	box := w.boxes[strings.ToLower(address)]
	raw = fmt.Sprintf("Return-Path: <%s>\r\n", m.From) + raw
	uid := Epoch.Add(w.now).Format("20060102150405") + w.token()[6:]
	stored := &Message{ID: m.ID, From: m.From, To: []string{address},
		Subject: m.Subject, Raw: raw, QueueID: queueID, UID: uid, Received: box.Address}
	w.keep(box, stored)
	return Event{Kind: KindStore, From: agent, Dir: Local, Msg: m.ID, Box: box.Address, Key: key}
}
