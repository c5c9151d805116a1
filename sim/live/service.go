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
	proto   wire.Protocol
	agent   string  // the server's agent ID in events
	dir     sim.Dir // push for SMTP, pull for POP3 and IMAP
	observe wire.Observer
}

// smtpService serves SMTP on the lab's store: SMTP pushes. On the
// submission port MAIL needs AUTH first (RFC 6409).
func (l *Lab) smtpService(submission bool) *service {
	t := &conns{m: map[uint64]*connState{}}
	p := wire.SMTP(func(p wire.Peer) smtp.Config {
		c := t.open(p)
		cfg := smtp.Config{Hostname: l.cfg.Hostname, MaxSize: l.cfg.MaxSize, Backend: newBackend(l, c, p), Submission: submission}
		l.smtpAuth(&cfg, p, c)
		return cfg
	})
	return &service{proto: p, agent: SMTPAgent, dir: sim.Push, observe: l.observer(p.Name, SMTPAgent, sim.Push, t)}
}

// pop3Service serves POP3 on the lab's store: POP3 pulls.
func (l *Lab) pop3Service() *service {
	t := &conns{m: map[uint64]*connState{}}
	p := wire.POP3(func(p wire.Peer) pop3.Config {
		c := t.open(p)
		// RFC 1939 §7: a timestamp unique to the session, here a count of
		// the lab's POP3 sessions and the lab's start, which no later run
		// repeats.
		stamp := fmt.Sprintf("%d.%d@%s", l.pop3Sessions.Add(1), l.start.Unix(), l.cfg.Hostname)
		return pop3.Config{Hostname: l.cfg.Hostname, Timestamp: "<" + stamp + ">",
			Challenge: "<cram." + stamp + ">", Maildrop: maildrop{l, c}, TLS: l.canTLS(p)}
	})
	return &service{proto: p, agent: POP3Agent, dir: sim.Pull, observe: l.observer(p.Name, POP3Agent, sim.Pull, t)}
}

// imapService serves IMAP on the lab's store: IMAP pulls. A literal may be
// as large as the largest message SMTP accepts, so that any message the lab
// holds can also be APPENDed.
func (l *Lab) imapService() *service {
	t := &conns{m: map[uint64]*connState{}}
	p := wire.IMAP(func(p wire.Peer) imap.Config {
		c := t.open(p)
		return imap.Config{Hostname: l.cfg.Hostname, Store: imapStore{l, c}, MaxLiteral: int(l.cfg.MaxSize), Now: l.cfg.Now, TLS: l.canTLS(p)}
	})
	return &service{proto: p, agent: IMAPAgent, dir: sim.Pull, observe: l.observer(p.Name, IMAPAgent, sim.Pull, t)}
}
