package live

import (
	"errors"
	"slices"

	"mailsim/sim"
	"mailsim/sim/imap"
)

// errStorage refuses an APPEND or COPY that would overflow the lab's
// storage; the IMAP server reports it as a server failure.
var errStorage = errors.New("live: insufficient system storage")

// imapStore lets one IMAP connection work on the lab's mailboxes. User
// names are resolved as the store does, so "student" logs in to
// student@mailsim.test; each change is counted against the lab's storage,
// tells the user's IDLE sessions, and an expunge from INBOX is shown as
// the deletion a POP3 QUIT would cause.
type imapStore struct {
	l *Lab
	c *connState
}

func (m imapStore) s() *store                  { return m.l.store }
func (m imapStore) addr(user string) string    { return m.s().resolve(user) }
func (m imapStore) mail() *imap.MemoryStore    { return m.s().mail }
func (m imapStore) Login(user, pw string) bool { return m.mail().Login(m.addr(user), pw) }
func (m imapStore) Mailboxes(user string) []string {
	return m.mail().Mailboxes(m.addr(user))
}
func (m imapStore) Create(user, box string) error { return m.mail().Create(m.addr(user), box) }
func (m imapStore) Subscribe(user, box string, on bool) error {
	return m.mail().Subscribe(m.addr(user), box, on)
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
	return m.mail().SetFlags(m.addr(user), box, uid, flags)
}

// Changes implements imap.Notifier, which gives the lab's IMAP port IDLE.
func (m imapStore) Changes(user string) <-chan struct{} { return m.s().changes(m.addr(user)) }

func (m imapStore) Delete(user, box string) error {
	addr := m.addr(user)
	err := m.mail().Delete(addr, box)
	m.resize(addr)
	return err
}

// Rename of INBOX moves its messages away (RFC 3501 §6.3.5), so what the
// store kept about them as INBOX messages goes.
func (m imapStore) Rename(user, from, to string) error {
	addr := m.addr(user)
	err := m.mail().Rename(addr, from, to)
	if err == nil && from == imap.Inbox {
		s := m.s()
		s.mu.Lock()
		for k := range s.meta {
			if k.user == addr {
				delete(s.meta, k)
			}
		}
		s.mu.Unlock()
	}
	m.resize(addr)
	return err
}

func (m imapStore) Append(user, box string, msg imap.Message) (uint32, error) {
	addr := m.addr(user)
	if !m.room(int64(len(msg.Data))) {
		return 0, errStorage
	}
	uid, err := m.mail().Append(addr, box, msg)
	m.resize(addr)
	return uid, err
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
	if !m.room(size) {
		return nil, errStorage
	}
	created, err := m.mail().Copy(addr, from, uids, to)
	m.resize(addr)
	return created, err
}

// Expunge removes messages; from INBOX each one is shown as a deletion,
// named by the ID that POP3 and the mailbox view give it.
func (m imapStore) Expunge(user, box string, uids []uint32) ([]uint32, error) {
	addr := m.addr(user)
	var ids map[uint32]string
	if box == imap.Inbox {
		msgs, all := m.s().inbox(addr)
		ids = make(map[uint32]string, len(msgs))
		for i, msg := range msgs {
			ids[msg.UID] = all[i]
		}
	}
	gone, err := m.mail().Expunge(addr, box, uids)
	for _, uid := range gone {
		if id, ok := ids[uid]; ok {
			m.c.pending = append(m.c.pending, sim.Deleted("imap", IMAPAgent, addr, id))
		}
	}
	if box == imap.Inbox {
		s := m.s()
		s.mu.Lock()
		for _, uid := range gone {
			delete(s.meta, msgKey{addr, uid})
		}
		s.mu.Unlock()
	}
	m.resize(addr)
	return gone, err
}

// room reports whether size more octets fit in the lab's storage.
func (m imapStore) room(size int64) bool {
	s := m.s()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.size+size <= s.max
}

// resize counts the user's folders again after a change and tells the
// user's IDLE sessions.
func (m imapStore) resize(addr string) {
	var size int64
	for _, box := range m.mail().Mailboxes(addr) {
		msgs, _ := m.mail().Messages(addr, box)
		for _, msg := range msgs {
			size += int64(len(msg.Data))
		}
	}
	s := m.s()
	s.mu.Lock()
	defer s.mu.Unlock()
	if u := s.users[addr]; u != nil {
		s.account(addr, size-u.size)
	}
}
