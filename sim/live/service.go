package live

import (
	"fmt"

	"mailsim/sim"
	"mailsim/sim/imap"
	"mailsim/sim/pop3"
	"mailsim/sim/smtp"
	"mailsim/sim/wire"
)

// service is one of the lab's servers as its sessions see it: the machine
// each new session runs, and the observer that turns what happens into
// events, with the open sessions' state between observations. A real port
// and the browser console each get their own service, because their
// sessions are numbered apart.
type service struct {
	proto wire.Protocol
	agent string // the server's agent ID in events
	// record turns an observation into events, publishes them and returns
	// them as published.
	record func(wire.Observation) []sim.Event
}

// newService is proto served as agent, its sessions' events made by t.
func (l *Lab) newService(p wire.Protocol, t *conns) *service {
	return &service{proto: p, agent: t.agent, record: func(o wire.Observation) []sim.Event { return l.record(t, o) }}
}

// observe is the service as a real port's observer.
func (s *service) observe(o wire.Observation) { s.record(o) }

// smtpService serves SMTP on the lab's store: SMTP pushes. On the
// submission port MAIL needs AUTH first (RFC 6409).
func (l *Lab) smtpService(submission bool) *service {
	t := newConns("smtp", SMTPAgent, sim.Push)
	p := wire.SMTP(func(p wire.Peer) smtp.Config {
		c := t.open(p)
		cfg := smtp.Config{Hostname: l.cfg.Hostname, MaxSize: l.cfg.MaxSize, Backend: newBackend(l, c, p), Submission: submission}
		l.smtpAuth(&cfg, p, c)
		return cfg
	})
	return l.newService(p, t)
}

// pop3Service serves POP3 on the lab's store: POP3 pulls.
func (l *Lab) pop3Service() *service {
	t := newConns("pop3", POP3Agent, sim.Pull)
	p := wire.POP3(func(p wire.Peer) pop3.Config {
		c := t.open(p)
		// RFC 1939 §7: a timestamp unique to the session, here a count of
		// the lab's POP3 sessions and the lab's start, which no later run
		// repeats.
		stamp := fmt.Sprintf("%d.%d@%s", l.pop3Sessions.Add(1), l.start.Unix(), l.cfg.Hostname)
		return pop3.Config{Hostname: l.cfg.Hostname, Timestamp: "<" + stamp + ">",
			Challenge: "<cram." + stamp + ">", Maildrop: maildrop{l, c}, TLS: l.canTLS(p)}
	})
	return l.newService(p, t)
}

// imapService serves IMAP on the lab's store: IMAP pulls. A literal may be
// as large as the largest message SMTP accepts, so that any message the lab
// holds can also be APPENDed.
func (l *Lab) imapService() *service {
	t := newConns("imap", IMAPAgent, sim.Pull)
	p := wire.IMAP(func(p wire.Peer) imap.Config {
		c := t.open(p)
		return imap.Config{Hostname: l.cfg.Hostname, Store: imapStore{l, c}, MaxLiteral: int(l.cfg.MaxSize), Now: l.cfg.Now, TLS: l.canTLS(p)}
	})
	return l.newService(p, t)
}
