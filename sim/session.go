package sim

import (
	"strings"
	"time"

	"mailsim/sim/machine"
	"mailsim/sim/smtp"
)

// session is one SMTP connection from an MTA client to an MTA server. Lines
// cross the link between their hosts with its latency, in both directions.
type session struct {
	w              *World
	out            *outgoing
	client, server string // agent IDs
	lat            time.Duration
	c              smtpClient
	s              *smtp.Server
	m              machine.Server // s, as the one machine interface drives it
	b              *Builder
}

// smtpClient is what a session needs of its MTA client machine.
type smtpClient interface {
	Feed(line string) smtp.ClientOutput
	Result() smtp.Result
}

// event fills in what every event of this session shares.
func (s *session) event(kind Kind, from, to string) Event {
	return Event{Kind: kind, From: from, To: to, Proto: "smtp", Dir: Push, Msg: s.out.msg.ID, State: s.s.State().String()}
}

// connect opens the connection: the server accepts it and greets, or turns
// it away with 421 while it is busy.
func (s *session) connect() Event {
	w := s.w
	s.s = smtp.NewServer(smtp.Config{Hostname: w.hostOf(s.server).Name, Backend: backend{s}})
	s.m = s.s.Machine()
	if s.c == nil {
		s.c = smtp.NewClient(smtp.ClientConfig{Hello: w.hostOf(s.client).Name, EHLO: true},
			smtp.Envelope{From: s.out.msg.From, To: s.out.rcpts}, []byte(s.out.msg.Raw))
	}
	s.b = NewBuilder(Peers{Client: s.client, Server: s.server, Proto: "smtp", Dir: Push, Msg: s.out.msg.ID}, 0)
	e := s.event(KindConnect, s.client, s.server)
	e.Key = "smtp.connect"
	if w.busy[s.server] < w.agents[s.server].Busy {
		w.busy[s.server]++
		s.sendReplies(s.b.Said(s.m.Shutdown()))
	} else {
		s.sendReplies(s.b.Said(s.m.Greet()))
	}
	return e
}

// sendReplies puts the server's replies, as the builder made their events,
// on the wire towards the client.
func (s *session) sendReplies(replies []Event) {
	for _, e := range replies {
		s.w.schedule(s.lat, func() Event { return s.replyArrives(e) })
	}
}

// replyArrives feeds one reply to the client machine and sends what it answers.
func (s *session) replyArrives(e Event) Event {
	var out smtp.ClientOutput
	for _, l := range strings.Split(e.Line, "\r\n") {
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
	return e
}

// commandArrives feeds one command line to the server machine.
func (s *session) commandArrives(line string) Event {
	events := s.b.Fed([]byte(line), s.m.Feed([]byte(line)))
	s.sendReplies(events[1:])
	return events[0]
}

// dataArrives feeds the message text, ending with ".", to the server
// machine, which answers at the dot.
func (s *session) dataArrives(lines []string) Event {
	var events []Event
	for _, l := range lines {
		events = s.b.Fed([]byte(l), s.m.Feed([]byte(l)))
	}
	s.sendReplies(events[1:])
	return events[0]
}

// disconnect closes the connection, settles each recipient's fate and lets
// the MTA client take the next message.
func (s *session) disconnect() Event {
	w := s.w
	w.pushing[s.client] = false
	res := s.c.Result()
	var delivered []string
	refused := map[string]string{}
	for _, to := range s.out.rcpts {
		r, rejected := res.Rejected[to]
		switch {
		case rejected && !r.Transient():
			refused[to] = strings.Join(r.Wire(), " ")
		case rejected:
		case res.Final != nil && res.Final.Positive() && contains(res.Accepted, to):
			delivered = append(delivered, to)
		case res.Final != nil && !res.Final.Transient() && contains(res.Accepted, to):
			refused[to] = strings.Join(res.Final.Wire(), " ")
		}
	}
	w.settle(s.client, s.out, delivered, refused)
	e := s.event(KindDisconnect, s.client, s.server)
	e.Key = "smtp.disconnect"
	return e
}
