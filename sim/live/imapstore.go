package live

import (
	"errors"
	"slices"

	"mailsim/sim"
	"mailsim/sim/imap"
	mailstore "mailsim/sim/store"
)

// errStorage refuses an APPEND or COPY that would overflow the lab's
// storage; the IMAP server reports it as a server failure.
var errStorage = errors.New("live: insufficient system storage")

// imapStore lets one IMAP connection work on the lab's mailboxes. User
// names are resolved as the store does, so "student" logs in to
// student@mailsim.test; what comes in is counted against the lab's
// storage, every change goes through the store's commit, which journals
// it with a data file (persist.go), and an expunge from INBOX is shown as
// the deletion a POP3 QUIT would cause.
type imapStore struct {
	l *Lab
	c *connState
}

func (m imapStore) mail() *mailstore.Store     { return m.l.store.mail }
func (m imapStore) addr(user string) string    { return m.l.store.resolve(user) }
func (m imapStore) Login(user, pw string) bool { return m.mail().Login(m.addr(user), pw) }
func (m imapStore) Mailboxes(user string) []string {
	return m.mail().Mailboxes(m.addr(user))
}
func (m imapStore) Create(user, box string) error {
	return m.l.store.commit(&op{kind: opCreate, user: m.addr(user), box: box})
}
func (m imapStore) Delete(user, box string) error {
	return m.l.store.commit(&op{kind: opDelete, user: m.addr(user), box: box})
}
func (m imapStore) Rename(user, from, to string) error {
	return m.l.store.commit(&op{kind: opRename, user: m.addr(user), box: from, to: to})
}
func (m imapStore) Subscribe(user, box string, on bool) error {
	return m.l.store.commit(&op{kind: opSubscribe, user: m.addr(user), box: box, on: on})
}
func (m imapStore) Subscriptions(user string) []string {
	return m.mail().Subscriptions(m.addr(user))
}
func (m imapStore) Status(user, box string) (imap.MailboxStatus, error) {
	return m.mail().Status(m.addr(user), box)
}
func (m imapStore) Messages(user, box string) ([]imap.Message, error) {
	return m.mail().Messages(m.addr(user), box)
}
func (m imapStore) Select(user, box string, readOnly bool) ([]imap.Message, error) {
	return m.mail().Select(m.addr(user), box, readOnly)
}
func (m imapStore) SetFlags(user, box string, uid uint32, flags []string) error {
	return m.l.store.commit(&op{kind: opFlags, user: m.addr(user), box: box, uids: []uint32{uid}, flags: flags})
}

// Changes implements imap.Notifier, which gives the lab's IMAP port IDLE.
func (m imapStore) Changes(user string) <-chan struct{} { return m.mail().Watch(m.addr(user)) }

func (m imapStore) Append(user, box string, msg imap.Message) (uint32, error) {
	if !m.l.store.room(storedSize(msg.Data)) {
		return 0, errStorage
	}
	o := op{kind: opAppend, user: m.addr(user), box: box, flags: msg.Flags, date: msg.Date, data: msg.Data}
	if err := m.l.store.commit(&o); err != nil {
		return 0, err
	}
	return o.out[0], nil
}

func (m imapStore) Copy(user, from string, uids []uint32, to string) ([]uint32, error) {
	addr := m.addr(user)
	msgs, err := m.mail().Messages(addr, from)
	if err != nil {
		return nil, err
	}
	var size int64
	for _, msg := range msgs {
		if slices.Contains(uids, msg.UID) {
			size += int64(len(msg.Data))
		}
	}
	if !m.l.store.room(size) {
		return nil, errStorage
	}
	o := op{kind: opCopy, user: addr, box: from, uids: uids, to: to}
	err = m.l.store.commit(&o)
	return o.out, err
}

// Expunge removes messages; from INBOX each one is shown as a deletion,
// named by the ID that POP3 and the mailbox view give it.
func (m imapStore) Expunge(user, box string, uids []uint32) ([]uint32, error) {
	addr := m.addr(user)
	ids := map[uint32]string{}
	if mailstore.Canonical(box) == mailstore.Inbox {
		for _, msg := range m.mail().Maildrop(addr) {
			ids[msg.UID] = msg.Info.ID
		}
	}
	o := op{kind: opExpunge, user: addr, box: box, uids: uids, all: uids == nil}
	err := m.l.store.commit(&o)
	gone := o.out
	for _, uid := range gone {
		if id, ok := ids[uid]; ok {
			m.c.pending = append(m.c.pending, sim.Deleted("imap", IMAPAgent, addr, id))
		}
	}
	return gone, err
}
