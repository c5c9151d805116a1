package sim

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"mailsim/sim/smtp"
)

// session is one SMTP connection from an MTA client to an MTA server. Lines
// cross the link between their hosts with its latency, in both directions.
type session struct {
	w              *World
	msg            *Message
	rcpts          []string
	client, server string // agent IDs
	lat            time.Duration
	c              *smtp.Client
	s              *smtp.Server
}

// kick starts the next SMTP session of an idle MTA client, if it has mail.
func (w *World) kick(clientID string) {
	if w.pushing[clientID] || len(w.queues[clientID]) == 0 {
		return
	}
	m := w.queues[clientID][0]
	w.queues[clientID] = w.queues[clientID][1:]
	from := w.hostOf(clientID)
	domain := domainOf(m.To[0])
	var rcpts []string
	for _, to := range m.To {
		if domainOf(to) == domain {
			rcpts = append(rcpts, to)
		}
	}
	target := w.domains[domain]
	var server *Agent
	if target != nil {
		server = agentOf(target, MTAServer)
	}
	lat := time.Duration(-1)
	if server != nil {
		lat = w.latency(from.ID, target.ID)
	}
	if lat < 0 {
		w.schedule(0, func() Event {
			return Event{Kind: KindFault, From: clientID, Dir: Push, Proto: "smtp", Msg: m.ID,
				Key: "sim.fault.no-route", Line: domain}
		})
		return
	}
	w.pushing[clientID] = true
	s := &session{w: w, msg: m, rcpts: rcpts, client: clientID, server: server.ID, lat: lat}
	w.schedule(lat, s.connect)
}

// connect opens the connection: the server accepts it and greets.
func (s *session) connect() Event {
	w := s.w
	s.s = smtp.NewServer(smtp.Config{Hostname: w.hostOf(s.server).Name, Backend: backend{s}})
	s.c = smtp.NewClient(smtp.ClientConfig{Hello: w.hostOf(s.client).Name, EHLO: true},
		smtp.Envelope{From: s.msg.From, To: s.rcpts}, []byte(s.msg.Raw))
	state := s.s.State().String()
	s.sendReplies(s.s.Greet())
	return Event{Kind: KindConnect, From: s.client, To: s.server, Proto: "smtp", Dir: Push,
		State: state, Key: "smtp.connect", Msg: s.msg.ID}
}

// sendReplies puts the server's replies on the wire towards the client.
func (s *session) sendReplies(out smtp.Output) {
	state := s.s.State().String()
	for _, r := range out.Replies {
		s.w.schedule(s.lat, func() Event { return s.replyArrives(r, state) })
	}
}

// replyArrives feeds one reply to the client machine and sends what it answers.
func (s *session) replyArrives(r smtp.Reply, state string) Event {
	lines := r.Wire()
	var out smtp.ClientOutput
	for _, l := range lines {
		out = s.c.Feed(l)
	}
	switch {
	case out.Data:
		s.w.schedule(s.lat, func() Event { return s.dataArrives(out.Lines) })
	case len(out.Lines) > 0:
		for _, l := range out.Lines {
			s.w.schedule(s.lat, func() Event { return s.commandArrives(l) })
		}
	case out.Done:
		s.w.schedule(0, s.disconnect)
	}
	return Event{Kind: KindReply, From: s.server, To: s.client, Proto: "smtp", Dir: Push,
		Line: strings.Join(lines, "\r\n"), Code: r.Code, State: state, Key: r.Key(), Msg: s.msg.ID}
}

// commandArrives feeds one command line to the server machine.
func (s *session) commandArrives(line string) Event {
	out := s.s.Feed([]byte(line))
	s.sendReplies(out)
	return Event{Kind: KindCommand, From: s.client, To: s.server, Proto: "smtp", Dir: Push,
		Line: line, State: s.s.State().String(), Key: "smtp.cmd." + out.Command, Msg: s.msg.ID}
}

// dataArrives feeds the message text, ending with ".", to the server machine.
func (s *session) dataArrives(lines []string) Event {
	for _, l := range lines {
		s.sendReplies(s.s.Feed([]byte(l)))
	}
	return Event{Kind: KindData, From: s.client, To: s.server, Proto: "smtp", Dir: Push,
		Line: strings.Join(lines, "\r\n"), State: s.s.State().String(), Key: "smtp.cmd.DATA-LINE", Msg: s.msg.ID}
}

// disconnect closes the connection and lets the MTA client take the next message.
func (s *session) disconnect() Event {
	w := s.w
	w.pushing[s.client] = false
	res := s.c.Result()
	var rest []string
	for _, to := range s.msg.To {
		if !slices.Contains(s.rcpts, to) {
			rest = append(rest, to)
		}
	}
	if len(rest) > 0 {
		s.msg.To = rest
		w.queues[s.client] = append([]*Message{s.msg}, w.queues[s.client]...)
	}
	for _, to := range s.rcpts {
		if r, ok := res.Rejected[to]; ok {
			w.schedule(0, func() Event {
				return Event{Kind: KindFault, From: s.client, Proto: "smtp", Dir: Push, Msg: s.msg.ID,
					Code: r.Code, Key: "sim.fault.rejected", Line: to}
			})
		}
	}
	w.kick(s.client)
	return Event{Kind: KindDisconnect, From: s.client, To: s.server, Proto: "smtp", Dir: Push,
		State: s.s.State().String(), Key: "smtp.disconnect", Msg: s.msg.ID}
}

// backend is how the world answers an SMTP server's questions for a session.
type backend struct{ s *session }

// Recipient accepts the addresses of mailboxes on the server's host.
func (b backend) Recipient(addr string) *smtp.Reply {
	w := b.s.w
	host := w.hostOf(b.s.server)
	if !strings.EqualFold(domainOf(addr), host.Name) {
		return &smtp.Reply{Code: 554, Enhanced: "5.7.1", Lines: []string{fmt.Sprintf("<%s>: Relay access denied", addr)}}
	}
	if u := w.users[strings.ToLower(addr)]; u == nil || u.Host != host.ID {
		return &smtp.Reply{Code: 550, Enhanced: "5.1.1", Lines: []string{
			fmt.Sprintf("<%s>: Recipient address rejected: User unknown in local recipient table", addr)}}
	}
	return nil
}

// Deliver queues the message for local delivery into each recipient's mailbox.
func (b backend) Deliver(env smtp.Envelope, data []byte) smtp.Reply {
	w := b.s.w
	id := w.token()
	host := w.hostOf(b.s.server)
	for _, to := range env.To {
		raw := fmt.Sprintf("Return-Path: <%s>\r\nReceived: from %s by %s (mailsim) with ESMTP id %s\r\n\tfor <%s>; %s\r\n",
			env.From, w.hostOf(b.s.client).Name, host.Name, id, to, w.date()) + string(data)
		w.schedule(0, func() Event { return w.store(b.s.server, to, b.s.msg, id, raw) })
	}
	return smtp.Reply{Code: 250, Enhanced: "2.0.0", Lines: []string{"Ok: queued as " + id}}
}

// store puts a copy of m into the mailbox of address.
func (w *World) store(agent, address string, m *Message, queueID, raw string) Event {
	box := w.boxes[strings.ToLower(address)]
	box.Messages = append(box.Messages, &Message{ID: m.ID, From: m.From, To: []string{address},
		Subject: m.Subject, Raw: raw, QueueID: queueID, Received: box.Address})
	return Event{Kind: KindStore, From: agent, To: w.users[strings.ToLower(address)].UA, Dir: Local,
		Msg: m.ID, Box: box.Address, Key: "sim.store"}
}

// domainOf returns the lower-case domain of an address.
func domainOf(addr string) string {
	return strings.ToLower(addr[strings.LastIndexByte(addr, '@')+1:])
}
