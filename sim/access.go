package sim

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"mailsim/sim/imap"
	"mailsim/sim/machine"
	"mailsim/sim/pop3"
)

// pop3Session adapts the POP3 machines to a pull session.
type pop3Session struct {
	p      *pull
	s      machine.Server
	c      *pop3.Client
	listed []*Message // the mailbox's messages in the session's numbering, from login
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

func (a *pop3Session) server() machine.Server              { return a.s }
func (a *pop3Session) messages() [][]byte                  { return a.c.Messages() }
func (a *pop3Session) fed(line string, out machine.Output) { a.mark(line, out) }

// drop ends the session. Marks that UPDATE did not act on are cleared: a
// dropped connection keeps every message (RFC 1939 §6).
func (a *pop3Session) drop() {
	a.s.Drop()
	a.unmark()
}

func (a *pop3Session) client(lines []string) ([]string, bool) {
	var out pop3.ClientOutput
	for _, l := range lines {
		out = a.c.Feed(l)
	}
	return out.Lines, out.Done
}

// imapSession adapts the IMAP machines to a pull session. The server works
// on an IMAP store that mirrors the host's mailboxes; after every command
// the session carries flags and expunges back to the world's mailbox.
type imapSession struct {
	w    *World
	p    *pull
	box  *imapBox
	s    machine.Server
	c    *imap.Client
	user string
}

// imapBox is a host's IMAP store and which world message each UID is.
type imapBox struct {
	store *imap.MemoryStore
	uids  map[string]map[uint32]*Message // user -> UID -> message
	known map[*Message]bool              // messages already copied into the store
}

// imapAccess makes the IMAP machines for a read, first copying into the
// host's IMAP store the mail that arrived since the last session.
func (w *World) imapAccess(p *pull, r *Read) access {
	b := w.imapBoxes[p.user.Host]
	if b == nil {
		b = &imapBox{store: imap.NewMemoryStore(), uids: map[string]map[uint32]*Message{}, known: map[*Message]bool{}}
		w.imapBoxes[p.user.Host] = b
	}
	user := strings.ToLower(p.user.Address)
	if b.uids[user] == nil {
		b.store.AddUser(user, p.user.Password)
		b.uids[user] = map[uint32]*Message{}
	}
	for _, m := range p.box.Messages {
		if b.known[m] {
			continue
		}
		uid, err := b.store.Deliver(user, imap.Inbox, []byte(m.Raw), Epoch.Add(w.now))
		if err == nil {
			b.uids[user][uid], b.known[m] = m, true
		}
	}
	now := func() time.Time { return Epoch.Add(w.now) }
	return &imapSession{w: w, p: p, box: b, user: user,
		s: imap.NewServer(imap.Config{Hostname: w.hostOf(p.server).Name, Store: b.store, Now: now}).Machine(),
		c: imap.NewClient(imap.ClientConfig{User: p.user.Address, Password: p.user.Password, Partial: r.Partial, Delete: !r.Keep})}
}

func (a *imapSession) server() machine.Server     { return a.s }
func (a *imapSession) drop()                      { a.s.Drop() }
func (a *imapSession) messages() [][]byte         { return a.c.Messages() }
func (a *imapSession) fed(string, machine.Output) { a.sync() }

func (a *imapSession) client(lines []string) ([]string, bool) {
	var out imap.ClientOutput
	for _, l := range lines {
		out = a.c.Feed(l)
	}
	return out.Lines, out.Done
}

// sync gives the world's messages the flags the server holds, \Seen and
// \Deleted, and removes from the world's mailbox what the server expunged,
// each removal its own event. IMAP flags outlive the session, so nothing is
// undone when it ends.
func (a *imapSession) sync() {
	left := map[uint32][]string{}
	msgs, _ := a.box.store.Messages(a.user, imap.Inbox)
	for _, m := range msgs {
		left[m.UID] = m.Flags
	}
	uids := make([]uint32, 0, len(a.box.uids[a.user]))
	for uid := range a.box.uids[a.user] {
		uids = append(uids, uid)
	}
	slices.Sort(uids) // map order must not reach the trace
	for _, uid := range uids {
		m := a.box.uids[a.user][uid]
		flags, kept := left[uid]
		if kept {
			m.Seen = slices.Contains(flags, imap.FlagSeen)
			m.Deleted = slices.Contains(flags, imap.FlagDeleted)
			continue
		}
		delete(a.box.uids[a.user], uid)
		a.w.schedule(0, func() Event {
			a.p.box.remove(m)
			return Event{Kind: KindDelete, From: a.p.server, Proto: "imap", Dir: Pull, Box: a.p.box.Address, Msg: m.ID, Key: "sim.delete.imap"}
		})
	}
}
