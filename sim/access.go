package sim

import (
	"fmt"
	"slices"
	"time"

	"mailsim/sim/imap"
	"mailsim/sim/machine"
	"mailsim/sim/pop3"
	mailstore "mailsim/sim/store"
)

// pop3Session adapts the POP3 machines to a pull session.
type pop3Session struct {
	p      *pull
	s      machine.Server
	c      *pop3.Client
	listed []mailstore.Message // the mailbox's messages in the session's numbering, from login
}

// pop3Access makes the POP3 machines for a read; the server's APOP
// timestamp comes from the world's clock and random source.
func (w *World) pop3Access(p *pull, r *Read) access {
	host := w.hostOf(p.server).Name
	a := &pop3Session{p: p,
		c: pop3.NewClient(pop3.ClientConfig{User: p.user.Address, Password: p.user.Password, APOP: r.APOP, Keep: r.Keep}),
	}
	a.s = pop3.NewServer(pop3.Config{Hostname: host, Maildrop: maildrop{a},
		Timestamp: fmt.Sprintf("<%d.%d@%s>", 1000+w.rng.IntN(9000), Epoch.Add(w.now).Unix(), host)}).Machine()
	return a
}

func (a *pop3Session) server() machine.Server { return a.s }
func (a *pop3Session) messages() [][]byte     { return a.c.Messages() }

// drop ends the session; the server clears the marks that UPDATE did not
// act on: a dropped connection keeps every message (RFC 1939 §6).
func (a *pop3Session) drop() { a.s.Drop() }

func (a *pop3Session) client(lines []string) ([]string, bool) {
	var out pop3.ClientOutput
	for _, l := range lines {
		out = a.c.Feed(l)
	}
	return out.Lines, out.Done
}

// imapSession adapts the IMAP machines to a pull session. The server works
// on the store of the mailbox's host itself.
type imapSession struct {
	s machine.Server
	c *imap.Client
}

// imapBox is a host's store as an IMAP session in the world works on it.
// An EXPUNGE removes each message as its own event, right after the
// command, as POP3's UPDATE does; the server's answer, which reports the
// removals, comes after them.
type imapBox struct {
	*mailstore.Store
	p *pull
}

// Expunge implements imap.Store.
func (b imapBox) Expunge(user, box string, uids []uint32) ([]uint32, error) {
	msgs, err := b.Messages(user, box)
	var gone []uint32
	for _, m := range msgs {
		if mailstore.HasFlag(m.Flags, mailstore.FlagDeleted) && (uids == nil || slices.Contains(uids, m.UID)) {
			gone = append(gone, m.UID)
			b.p.w.schedule(0, func() Event {
				b.Remove(user, box, []uint32{m.UID})
				return Deleted("imap", b.p.server, b.p.box.Address, m.Info.Msg)
			})
		}
	}
	return gone, err
}

// imapAccess makes the IMAP machines for a read.
func (w *World) imapAccess(p *pull, r *Read) access {
	now := func() time.Time { return Epoch.Add(w.now) }
	return &imapSession{
		s: imap.NewServer(imap.Config{Hostname: w.hostOf(p.server).Name, Store: imapBox{p.box.mail, p}, Now: now}).Machine(),
		c: imap.NewClient(imap.ClientConfig{User: p.user.Address, Password: p.user.Password, Partial: r.Partial, Delete: !r.Keep})}
}

func (a *imapSession) server() machine.Server { return a.s }
func (a *imapSession) drop()                  { a.s.Drop() }
func (a *imapSession) messages() [][]byte     { return a.c.Messages() }

func (a *imapSession) client(lines []string) ([]string, bool) {
	var out imap.ClientOutput
	for _, l := range lines {
		out = a.c.Feed(l)
	}
	return out.Lines, out.Done
}
