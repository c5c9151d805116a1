package sim

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"mailsim/sim/imap"
	"mailsim/sim/pop3"
)

// pop3Session adapts the POP3 machines to a pull session.
type pop3Session struct {
	s *pop3.Server
	c *pop3.Client
}

// pop3Access makes the POP3 machines for a read; the server's APOP
// timestamp comes from the world's clock and random source.
func (w *World) pop3Access(p *pull, r *Read) access {
	host := w.hostOf(p.server).Name
	return &pop3Session{
		s: pop3.NewServer(pop3.Config{Hostname: host, Maildrop: maildrop{p},
			Timestamp: fmt.Sprintf("<%d.%d@%s>", 1000+w.rng.IntN(9000), Epoch.Add(w.now).Unix(), host)}),
		c: pop3.NewClient(pop3.ClientConfig{User: p.user.Address, Password: p.user.Password, APOP: r.APOP, Keep: r.Keep}),
	}
}

func pop3Answer(o pop3.Output) answer {
	return answer{lines: o.Lines, command: o.Command, key: o.Key, close: o.Close}
}

func (a *pop3Session) greet() answer           { return pop3Answer(a.s.Greet()) }
func (a *pop3Session) feed(line string) answer { return pop3Answer(a.s.Feed([]byte(line))) }
func (a *pop3Session) state() string           { return a.s.State().String() }
func (a *pop3Session) drop()                   { a.s.Drop() }
func (a *pop3Session) messages() [][]byte      { return a.c.Messages() }
func (a *pop3Session) finish()                 {} // the maildrop applied deletions in UPDATE
func (a *pop3Session) client(line string) ([]string, bool) {
	out := a.c.Feed(line)
	return out.Lines, out.Done
}

// imapSession adapts the IMAP machines to a pull session. The server works
// on an IMAP store that mirrors the host's mailboxes; finish carries flags
// and expunges back to the world.
type imapSession struct {
	w    *World
	p    *pull
	box  *imapBox
	s    *imap.Server
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
		if m.Deleted || b.known[m] {
			continue
		}
		uid, err := b.store.Deliver(user, imap.Inbox, []byte(m.Raw), Epoch.Add(w.now))
		if err == nil {
			b.uids[user][uid], b.known[m] = m, true
		}
	}
	now := func() time.Time { return Epoch.Add(w.now) }
	return &imapSession{w: w, p: p, box: b, user: user,
		s: imap.NewServer(imap.Config{Hostname: w.hostOf(p.server).Name, Store: b.store, Now: now}),
		c: imap.NewClient(imap.ClientConfig{User: p.user.Address, Password: p.user.Password, Partial: r.Partial, Delete: !r.Keep})}
}

func imapAnswer(o imap.Output) answer {
	return answer{lines: o.Lines, command: o.Command, key: o.Key, close: o.Close}
}

func (a *imapSession) greet() answer           { return imapAnswer(a.s.Greet()) }
func (a *imapSession) feed(line string) answer { return imapAnswer(a.s.Feed([]byte(line))) }
func (a *imapSession) state() string           { return a.s.State().String() }
func (a *imapSession) drop()                   { a.s.Drop() }
func (a *imapSession) messages() [][]byte      { return a.c.Messages() }
func (a *imapSession) client(line string) ([]string, bool) {
	out := a.c.Feed(line)
	return out.Lines, out.Done
}

// finish marks seen what the server flagged \Seen and removes from the
// world's mailbox what the session expunged, each removal its own event.
func (a *imapSession) finish() {
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
			m.Seen = m.Seen || slices.Contains(flags, imap.FlagSeen)
			continue
		}
		delete(a.box.uids[a.user], uid)
		a.w.schedule(0, func() Event {
			m.Deleted = true
			return Event{Kind: KindDelete, From: a.p.server, Proto: "imap", Dir: Pull, Box: a.p.box.Address, Msg: m.ID, Key: "sim.delete.imap"}
		})
	}
}
