package pop3

import (
	"errors"
	"fmt"
	"slices"
	"sync"
)

// MemoryStore is a Maildrop held in memory, for tests and for the simulated
// world. It is safe for concurrent sessions, because the socket adapter may
// serve several real connections on one store.
type MemoryStore struct {
	mu    sync.Mutex
	boxes map[string]*memoryBox
}

type memoryBox struct {
	secret string
	locked bool
	msgs   []Message
}

// NewMemoryStore returns a store without users.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{boxes: map[string]*memoryBox{}}
}

// AddUser creates the user's empty maildrop, or changes the secret of an
// existing one.
func (m *MemoryStore) AddUser(user, secret string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if b, ok := m.boxes[user]; ok {
		b.secret = secret
		return
	}
	m.boxes[user] = &memoryBox{secret: secret}
}

// Deliver appends msg to the user's maildrop. It refuses an unknown user and
// a unique id that is malformed or already in the maildrop, because UIDL
// promises clients ids that are well formed and never repeat.
func (m *MemoryStore) Deliver(user string, msg Message) error {
	if !validUID(msg.UID) {
		return fmt.Errorf("pop3: unique id %q is not 1 to 70 characters 0x21-0x7E", msg.UID)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.boxes[user]
	if !ok {
		return fmt.Errorf("pop3: no maildrop for user %q", user)
	}
	if slices.ContainsFunc(b.msgs, func(x Message) bool { return x.UID == msg.UID }) {
		return fmt.Errorf("pop3: unique id %q already in the maildrop of %q", msg.UID, user)
	}
	b.msgs = append(b.msgs, msg)
	return nil
}

// Secret implements Maildrop.
func (m *MemoryStore) Secret(user string) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.boxes[user]
	if !ok {
		return "", false
	}
	return b.secret, true
}

// Lock implements Maildrop.
func (m *MemoryStore) Lock(user string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.boxes[user]
	if !ok || b.locked {
		return false
	}
	b.locked = true
	return true
}

// Unlock implements Maildrop.
func (m *MemoryStore) Unlock(user string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if b, ok := m.boxes[user]; ok {
		b.locked = false
	}
}

// Messages implements Maildrop. The slice is a copy, so mail delivered later
// does not renumber an open session.
func (m *MemoryStore) Messages(user string) []Message {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.boxes[user]
	if !ok {
		return nil
	}
	return slices.Clone(b.msgs)
}

// Delete implements Maildrop. Ids that are no longer present are an error,
// reported after the others have been removed.
func (m *MemoryStore) Delete(user string, uids []string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.boxes[user]
	if !ok {
		return fmt.Errorf("pop3: no maildrop for user %q", user)
	}
	var errs []error
	for _, uid := range uids {
		i := slices.IndexFunc(b.msgs, func(x Message) bool { return x.UID == uid })
		if i < 0 {
			errs = append(errs, fmt.Errorf("pop3: message %q not in the maildrop of %q", uid, user))
			continue
		}
		b.msgs = slices.Delete(b.msgs, i, i+1)
	}
	return errors.Join(errs...)
}

// validUID reports whether id is a unique id as RFC 1939 §7 defines it.
func validUID(id string) bool {
	if len(id) < 1 || len(id) > 70 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if id[i] < 0x21 || id[i] > 0x7E {
			return false
		}
	}
	return true
}
