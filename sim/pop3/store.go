package pop3

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"mailsim/sim/store"
)

// StoreDrop serves each user's INBOX in the one mail store (mailsim/sim/store)
// as the user's maildrop, with nothing in between: for tests and the
// lecture's replayed session. The world and the live lab wrap the store
// themselves, to show marks and deletions as events.
type StoreDrop struct{ s *store.Store }

// NewStoreDrop returns a maildrop on a new store without users.
func NewStoreDrop() StoreDrop { return StoreDrop{store.New("")} }

// AddUser creates the user's empty maildrop, or changes the secret of an
// existing one.
func (d StoreDrop) AddUser(user, secret string) { d.s.AddUser(user, secret) }

// Deliver appends msg to the user's maildrop. It refuses an unknown user and
// a unique id that is malformed or already in the maildrop, because UIDL
// promises clients ids that are well formed and never repeat.
func (d StoreDrop) Deliver(user string, msg Message) error {
	if !validUID(msg.UID) {
		return fmt.Errorf("pop3: unique id %q is not 1 to 70 characters 0x21-0x7E", msg.UID)
	}
	if slices.ContainsFunc(d.s.Maildrop(user), func(m store.Message) bool { return m.Info.ID == msg.UID }) {
		return fmt.Errorf("pop3: unique id %q already in the maildrop of %q", msg.UID, user)
	}
	_, err := d.s.Deliver(user, store.Inbox, msg.Data, time.Time{}, store.Info{ID: msg.UID})
	return err
}

// Secret implements Maildrop.
func (d StoreDrop) Secret(user string) (string, bool) { return d.s.Secret(user) }

// Lock implements Maildrop.
func (d StoreDrop) Lock(user string) bool { return d.s.Lock(user) }

// Unlock implements Maildrop.
func (d StoreDrop) Unlock(user string) { d.s.Unlock(user) }

// Messages implements Maildrop. The slice is a copy, so mail delivered later
// does not renumber an open session.
func (d StoreDrop) Messages(user string) []Message { return Listed(d.s.Maildrop(user)) }

// Delete implements Maildrop. Ids that are no longer present are an error,
// reported after the others have been removed.
func (d StoreDrop) Delete(user string, uids []string) error {
	var found []uint32
	var errs []error
	drop := d.s.Maildrop(user)
	for _, id := range uids {
		i := slices.IndexFunc(drop, func(m store.Message) bool { return m.Info.ID == id })
		if i < 0 {
			errs = append(errs, fmt.Errorf("pop3: message %q not in the maildrop of %q", id, user))
			continue
		}
		found = append(found, drop[i].UID)
	}
	d.s.Remove(user, store.Inbox, found)
	return errors.Join(errs...)
}

// Mark implements Marker.
func (d StoreDrop) Mark(user, uid string, on bool) { Mark(d.s, user, uid, on) }

// Mark marks or unmarks the INBOX message of user whose unique ID is uid,
// for a Maildrop on the store that implements Marker.
func Mark(s *store.Store, user, uid string, on bool) {
	for _, m := range s.Maildrop(user) {
		if m.Info.ID == uid {
			s.Mark(user, m.UID, on)
		}
	}
}

// Listed turns a store's INBOX, as Store.Maildrop gives it, into a maildrop's
// listing.
func Listed(drop []store.Message) []Message {
	out := make([]Message, len(drop))
	for i, m := range drop {
		out[i] = Message{UID: m.Info.ID, Data: m.Data}
	}
	return out
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
