package imap

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// MemoryStore is a Store held in memory, for tests and for the simulated
// world. It is safe for concurrent sessions, because the socket adapter may
// serve several real connections on one store. UIDVALIDITY values come
// from a per-user counter, not a clock, so the same history gives the same
// numbers.
type MemoryStore struct {
	mu    sync.Mutex
	users map[string]*memoryUser
}

type memoryUser struct {
	password string
	boxes    map[string]*memoryBox
	subs     map[string]bool
	// validity is the last UIDVALIDITY handed out; a folder created again
	// under an old name gets a new one, so clients drop their stale UIDs.
	validity uint32
}

type memoryBox struct {
	validity uint32
	next     uint32
	msgs     []Message
}

// NewMemoryStore returns a store without users.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{users: map[string]*memoryUser{}}
}

// AddUser creates the user with an empty INBOX, or changes the password of
// an existing one.
func (m *MemoryStore) AddUser(user, password string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if u, ok := m.users[user]; ok {
		u.password = password
		return
	}
	u := &memoryUser{password: password, boxes: map[string]*memoryBox{}, subs: map[string]bool{}}
	u.newBox(Inbox)
	m.users[user] = u
}

// Deliver adds a message to the user's folder, as the MTA's local delivery
// does: flagged \Recent, with the given internal date. Line ends are
// normalised to CRLF.
func (m *MemoryStore) Deliver(user, mailbox string, data []byte, date time.Time) (uint32, error) {
	return m.Append(user, mailbox, Message{Data: data, Date: date})
}

func (u *memoryUser) newBox(name string) *memoryBox {
	u.validity++
	b := &memoryBox{validity: u.validity, next: 1}
	u.boxes[name] = b
	return b
}

// user returns the named user; the caller holds the lock.
func (m *MemoryStore) user(name string) (*memoryUser, error) {
	u, ok := m.users[name]
	if !ok {
		return nil, fmt.Errorf("imap: no user %q", name)
	}
	return u, nil
}

// box returns the user's folder; the caller holds the lock.
func (m *MemoryStore) box(user, mailbox string) (*memoryBox, error) {
	u, err := m.user(user)
	if err != nil {
		return nil, err
	}
	b, ok := u.boxes[canonicalName(mailbox)]
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrNoSuchMailbox, mailbox)
	}
	return b, nil
}

// Login implements Store.
func (m *MemoryStore) Login(user, password string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	u, ok := m.users[user]
	return ok && equalSecret(password, u.password)
}

// Mailboxes implements Store.
func (m *MemoryStore) Mailboxes(user string) []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	u, err := m.user(user)
	if err != nil {
		return nil
	}
	names := make([]string, 0, len(u.boxes))
	for name := range u.boxes {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// Create implements Store.
func (m *MemoryStore) Create(user, mailbox string) error {
	mailbox = canonicalName(mailbox)
	if !validName(mailbox) {
		return fmt.Errorf("%w: %q", ErrBadName, mailbox)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	u, err := m.user(user)
	if err != nil {
		return err
	}
	if _, ok := u.boxes[mailbox]; ok {
		return fmt.Errorf("%w: %s", ErrMailboxExists, mailbox)
	}
	u.createWithParents(mailbox)
	return nil
}

// createWithParents makes the folder and every missing level above it,
// as RFC 3501 §6.3.3 asks ("CREATE a/b" also makes "a").
func (u *memoryUser) createWithParents(name string) {
	for i := range len(name) {
		if name[i] == Delimiter[0] {
			if _, ok := u.boxes[name[:i]]; !ok {
				u.newBox(name[:i])
			}
		}
	}
	u.newBox(name)
}

// Delete implements Store.
func (m *MemoryStore) Delete(user, mailbox string) error {
	mailbox = canonicalName(mailbox)
	if mailbox == Inbox {
		return ErrInbox
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	u, err := m.user(user)
	if err != nil {
		return err
	}
	if _, ok := u.boxes[mailbox]; !ok {
		return fmt.Errorf("%w: %s", ErrNoSuchMailbox, mailbox)
	}
	for name := range u.boxes {
		if strings.HasPrefix(name, mailbox+Delimiter) {
			return fmt.Errorf("%w: %s", ErrHasChildren, mailbox)
		}
	}
	delete(u.boxes, mailbox)
	return nil
}

// Rename implements Store.
func (m *MemoryStore) Rename(user, from, to string) error {
	from, to = canonicalName(from), canonicalName(to)
	if !validName(to) || to == Inbox || strings.HasPrefix(to, from+Delimiter) {
		return fmt.Errorf("%w: %q", ErrBadName, to)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	u, err := m.user(user)
	if err != nil {
		return err
	}
	src, ok := u.boxes[from]
	if !ok {
		return fmt.Errorf("%w: %s", ErrNoSuchMailbox, from)
	}
	if _, ok := u.boxes[to]; ok {
		return fmt.Errorf("%w: %s", ErrMailboxExists, to)
	}
	if from == Inbox {
		u.createWithParents(to)
		dst := u.boxes[to]
		dst.msgs, dst.next = src.msgs, src.next
		src.msgs = nil
		return nil
	}
	var children []string
	for name := range u.boxes {
		if strings.HasPrefix(name, from+Delimiter) {
			children = append(children, name)
		}
	}
	u.createWithParents(to)
	u.boxes[to] = src
	delete(u.boxes, from)
	for _, name := range children {
		u.boxes[to+strings.TrimPrefix(name, from)] = u.boxes[name]
		delete(u.boxes, name)
	}
	return nil
}

// Subscribe implements Store. Only existing folders can be subscribed, so
// that LSUB never names a folder a student cannot open.
func (m *MemoryStore) Subscribe(user, mailbox string, on bool) error {
	mailbox = canonicalName(mailbox)
	m.mu.Lock()
	defer m.mu.Unlock()
	u, err := m.user(user)
	if err != nil {
		return err
	}
	if !on {
		delete(u.subs, mailbox)
		return nil
	}
	if _, ok := u.boxes[mailbox]; !ok {
		return fmt.Errorf("%w: %s", ErrNoSuchMailbox, mailbox)
	}
	u.subs[mailbox] = true
	return nil
}

// Subscriptions implements Store.
func (m *MemoryStore) Subscriptions(user string) []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	u, err := m.user(user)
	if err != nil {
		return nil
	}
	names := make([]string, 0, len(u.subs))
	for name := range u.subs {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// Status implements Store.
func (m *MemoryStore) Status(user, mailbox string) (MailboxStatus, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, err := m.box(user, mailbox)
	if err != nil {
		return MailboxStatus{}, err
	}
	st := MailboxStatus{Messages: len(b.msgs), UIDNext: b.next, UIDValidity: b.validity}
	for _, msg := range b.msgs {
		if msg.Recent {
			st.Recent++
		}
		if !hasFlag(msg.Flags, FlagSeen) {
			st.Unseen++
		}
	}
	return st, nil
}

// Messages implements Store.
func (m *MemoryStore) Messages(user, mailbox string) ([]Message, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, err := m.box(user, mailbox)
	if err != nil {
		return nil, err
	}
	return b.snapshot(), nil
}

// Select implements Store.
func (m *MemoryStore) Select(user, mailbox string, readOnly bool) ([]Message, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, err := m.box(user, mailbox)
	if err != nil {
		return nil, err
	}
	msgs := b.snapshot()
	if !readOnly {
		for i := range b.msgs {
			b.msgs[i].Recent = false
		}
	}
	return msgs, nil
}

// snapshot copies the messages so that the caller's slice and flags stay
// as they were, whatever other sessions do next.
func (b *memoryBox) snapshot() []Message {
	msgs := slices.Clone(b.msgs)
	for i := range msgs {
		msgs[i].Flags = slices.Clone(msgs[i].Flags)
	}
	return msgs
}

// Append implements Store.
func (m *MemoryStore) Append(user, mailbox string, msg Message) (uint32, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, err := m.box(user, mailbox)
	if err != nil {
		return 0, err
	}
	msg.Data = normalizeCRLF(msg.Data)
	msg.Flags = slices.Clone(msg.Flags)
	return b.add(msg), nil
}

// add gives msg the next UID and stores it as \Recent.
func (b *memoryBox) add(msg Message) uint32 {
	msg.UID = b.next
	msg.Recent = true
	b.next++
	b.msgs = append(b.msgs, msg)
	return msg.UID
}

// Copy implements Store.
func (m *MemoryStore) Copy(user, from string, uids []uint32, to string) ([]uint32, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	src, err := m.box(user, from)
	if err != nil {
		return nil, err
	}
	dst, err := m.box(user, to)
	if err != nil {
		return nil, err
	}
	// Collect first: copying a folder into itself must not copy the copies.
	var picked []Message
	for _, msg := range src.msgs {
		if slices.Contains(uids, msg.UID) {
			msg.Flags = slices.Clone(msg.Flags)
			picked = append(picked, msg)
		}
	}
	var out []uint32
	for _, msg := range picked {
		out = append(out, dst.add(msg))
	}
	return out, nil
}

// SetFlags implements Store.
func (m *MemoryStore) SetFlags(user, mailbox string, uid uint32, flags []string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, err := m.box(user, mailbox)
	if err != nil {
		return err
	}
	for i := range b.msgs {
		if b.msgs[i].UID == uid {
			b.msgs[i].Flags = slices.Clone(flags)
			return nil
		}
	}
	return fmt.Errorf("imap: no message with UID %d in %s", uid, mailbox)
}

// Expunge implements Store.
func (m *MemoryStore) Expunge(user, mailbox string, uids []uint32) ([]uint32, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, err := m.box(user, mailbox)
	if err != nil {
		return nil, err
	}
	var gone []uint32
	b.msgs = slices.DeleteFunc(b.msgs, func(msg Message) bool {
		if hasFlag(msg.Flags, FlagDeleted) && (uids == nil || slices.Contains(uids, msg.UID)) {
			gone = append(gone, msg.UID)
			return true
		}
		return false
	})
	return gone, nil
}

// canonicalName spells INBOX in upper case whatever case it came in.
func canonicalName(name string) string {
	if strings.EqualFold(name, Inbox) {
		return Inbox
	}
	return name
}

// validName reports whether name can be a folder: not empty, no empty
// level ("a//b", "/a", "a/"), and none of the LIST wildcards, which would
// make the folder impossible to list on its own.
func validName(name string) bool {
	if name == "" || strings.ContainsAny(name, "*%\r\n\x00") {
		return false
	}
	return !slices.Contains(strings.Split(name, Delimiter), "")
}

// normalizeCRLF turns bare LF line ends into CRLF, so that sizes and
// partial offsets count the octets the wire carries.
func normalizeCRLF(data []byte) []byte {
	if bytes.Count(data, []byte("\n")) == bytes.Count(data, []byte("\r\n")) {
		return data
	}
	return bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
}
