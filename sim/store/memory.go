package store

import (
	"bytes"
	"crypto/subtle"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Store holds every user's folders in memory. It is safe for concurrent
// use, because the real ports serve many connections on one store; one
// mutex guards it all, since every operation is short and a lab serves a
// lecture hall, not an ISP. UIDVALIDITY values come from a per-user
// counter, not a clock, so the same history gives the same numbers.
type Store struct {
	run string // starts the POP3 unique IDs that the store makes up

	mu      sync.Mutex
	users   map[string]*user
	total   int64                    // octets in every folder of every user
	changed map[string]chan struct{} // per user, closed at the user's next change
}

type user struct {
	password string
	locked   bool // a POP3 session holds the INBOX (RFC 1939 §8)
	boxes    map[string]*box
	subs     map[string]bool
	size     int64 // octets in the user's folders
	// validity is the last UIDVALIDITY handed out; a folder created again
	// under an old name gets a new one, so clients drop their stale UIDs.
	validity uint32
}

type box struct {
	validity uint32
	next     uint32
	msgs     []Message
}

// New returns a store without users. run starts the POP3 unique ID of a
// message that has none from its delivery ("run.UIDVALIDITY.UID"): a
// store whose folders start again at every start of the program must
// give a new run each time, so that a client that remembers UIDLs never
// skips new mail.
func New(run string) *Store {
	return &Store{run: run, users: map[string]*user{}, changed: map[string]chan struct{}{}}
}

// AddUser creates the user with an empty INBOX, or changes the password of
// an existing one.
func (s *Store) AddUser(name, password string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u, ok := s.users[name]; ok {
		u.password = password
		return
	}
	u := &user{password: password, boxes: map[string]*box{}, subs: map[string]bool{}}
	u.newBox(Inbox)
	s.users[name] = u
}

func (u *user) newBox(name string) *box {
	u.validity++
	b := &box{validity: u.validity, next: 1}
	u.boxes[name] = b
	return b
}

// user returns the named user; s.mu is held.
func (s *Store) user(name string) (*user, error) {
	u, ok := s.users[name]
	if !ok {
		return nil, fmt.Errorf("store: no user %q", name)
	}
	return u, nil
}

// box returns the user's folder; s.mu is held.
func (s *Store) box(name, mailbox string) (*user, *box, error) {
	u, err := s.user(name)
	if err != nil {
		return nil, nil, err
	}
	b, ok := u.boxes[Canonical(mailbox)]
	if !ok {
		return nil, nil, fmt.Errorf("%w: %s", ErrNoSuchMailbox, mailbox)
	}
	return u, b, nil
}

// changes accounts delta octets to the user and tells the user's waiting
// sessions (IMAP IDLE) that something changed; s.mu is held.
func (s *Store) change(name string, u *user, delta int64) {
	u.size += delta
	s.total += delta
	if ch := s.changed[name]; ch != nil {
		close(ch)
		delete(s.changed, name)
	}
}

// Watch returns a channel closed at the user's next change: mail in or
// out, a flag, a folder. It is not named as imap.Notifier's Changes on
// purpose: an IMAP server offers IDLE and MOVE on a Notifier, which the
// live lab wants and the simulated world, whose clients never wait, does not.
func (s *Store) Watch(name string) <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := s.changed[name]
	if ch == nil {
		ch = make(chan struct{})
		s.changed[name] = ch
	}
	return ch
}

// Login reports whether the user exists and the password is right. It
// compares in constant time, so the time a wrong answer takes says nothing
// about how much of it was right.
func (s *Store) Login(name, password string) bool {
	secret, ok := s.Secret(name)
	return ok && subtle.ConstantTimeCompare([]byte(password), []byte(secret)) == 1
}

// Secret returns the user's password, which APOP and CRAM-MD5 need
// itself; ok is false for an unknown user.
func (s *Store) Secret(name string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u, ok := s.users[name]; ok {
		return u.password, true
	}
	return "", false
}

// Lock takes the user's INBOX for one POP3 session and reports whether it
// got it (RFC 1939 §8: a second session is refused).
func (s *Store) Lock(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.users[name]
	if !ok || u.locked {
		return false
	}
	u.locked = true
	return true
}

// Unlock releases the lock taken by Lock.
func (s *Store) Unlock(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u, ok := s.users[name]; ok {
		u.locked = false
	}
}

// Size is the octets the user's folders hold, messages on their way out
// included: they take their room until they go.
func (s *Store) Size(name string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u, ok := s.users[name]; ok {
		return u.size
	}
	return 0
}

// Total is the octets every folder of every user holds.
func (s *Store) Total() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.total
}

// Mailboxes lists the user's folder names, sorted, Inbox included.
func (s *Store) Mailboxes(name string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.user(name)
	if err != nil {
		return nil
	}
	names := make([]string, 0, len(u.boxes))
	for n := range u.boxes {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Create makes a folder, and its missing parents.
func (s *Store) Create(name, mailbox string) error {
	mailbox = Canonical(mailbox)
	if !validName(mailbox) {
		return fmt.Errorf("%w: %q", ErrBadName, mailbox)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.user(name)
	if err != nil {
		return err
	}
	if _, ok := u.boxes[mailbox]; ok {
		return fmt.Errorf("%w: %s", ErrMailboxExists, mailbox)
	}
	u.createWithParents(mailbox)
	s.change(name, u, 0)
	return nil
}

// createWithParents makes the folder and every missing level above it,
// as RFC 3501 §6.3.3 asks ("CREATE a/b" also makes "a").
func (u *user) createWithParents(name string) {
	for i := range len(name) {
		if name[i] == Delimiter[0] {
			if _, ok := u.boxes[name[:i]]; !ok {
				u.newBox(name[:i])
			}
		}
	}
	u.newBox(name)
}

// Delete removes a folder and its messages. Inbox cannot be deleted
// (ErrInbox), nor a folder with children (ErrHasChildren).
func (s *Store) Delete(name, mailbox string) error {
	mailbox = Canonical(mailbox)
	if mailbox == Inbox {
		return ErrInbox
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u, b, err := s.box(name, mailbox)
	if err != nil {
		return err
	}
	for n := range u.boxes {
		if strings.HasPrefix(n, mailbox+Delimiter) {
			return fmt.Errorf("%w: %s", ErrHasChildren, mailbox)
		}
	}
	delete(u.boxes, mailbox)
	s.change(name, u, -sizeOf(b.msgs))
	return nil
}

// Rename renames a folder and its children. Renaming Inbox moves its
// messages into a new folder and leaves Inbox empty (RFC 3501 §6.3.5).
func (s *Store) Rename(name, from, to string) error {
	from, to = Canonical(from), Canonical(to)
	if !validName(to) || to == Inbox || strings.HasPrefix(to, from+Delimiter) {
		return fmt.Errorf("%w: %q", ErrBadName, to)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u, src, err := s.box(name, from)
	if err != nil {
		return err
	}
	if _, ok := u.boxes[to]; ok {
		return fmt.Errorf("%w: %s", ErrMailboxExists, to)
	}
	defer s.change(name, u, 0)
	if from == Inbox {
		u.createWithParents(to)
		dst := u.boxes[to]
		dst.msgs, dst.next = src.msgs, src.next
		src.msgs = nil
		return nil
	}
	var children []string
	for n := range u.boxes {
		if strings.HasPrefix(n, from+Delimiter) {
			children = append(children, n)
		}
	}
	u.createWithParents(to)
	u.boxes[to] = src
	delete(u.boxes, from)
	for _, n := range children {
		u.boxes[to+strings.TrimPrefix(n, from)] = u.boxes[n]
		delete(u.boxes, n)
	}
	return nil
}

// Subscribe adds the folder to the subscription list, or removes it. Only
// existing folders can be subscribed, so that LSUB never names a folder a
// student cannot open.
func (s *Store) Subscribe(name, mailbox string, on bool) error {
	mailbox = Canonical(mailbox)
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.user(name)
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

// Subscriptions lists the subscribed folder names, sorted.
func (s *Store) Subscriptions(name string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.user(name)
	if err != nil {
		return nil
	}
	names := make([]string, 0, len(u.subs))
	for n := range u.subs {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Status counts a folder's messages.
func (s *Store) Status(name, mailbox string) (Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, b, err := s.box(name, mailbox)
	if err != nil {
		return Status{}, err
	}
	st := Status{Messages: len(b.msgs), UIDNext: b.next, UIDValidity: b.validity}
	for _, m := range b.msgs {
		if m.Recent {
			st.Recent++
		}
		if !HasFlag(m.Flags, FlagSeen) {
			st.Unseen++
		}
	}
	return st, nil
}

// Messages returns a folder's messages in UID order. The slice and the
// flags are the caller's, so they stay as they were whatever other
// sessions do next; Data is shared.
func (s *Store) Messages(name, mailbox string) ([]Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, b, err := s.box(name, mailbox)
	if err != nil {
		return nil, err
	}
	return b.snapshot(), nil
}

// Select returns Messages and, unless readOnly, clears the Recent mark of
// every message, so that only this session reports them as \Recent.
func (s *Store) Select(name, mailbox string, readOnly bool) ([]Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, b, err := s.box(name, mailbox)
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

func (b *box) snapshot() []Message {
	msgs := slices.Clone(b.msgs)
	for i := range msgs {
		msgs[i].Flags = slices.Clone(msgs[i].Flags)
	}
	return msgs
}

// Maildrop returns the user's INBOX as POP3 serves it: every message with its
// POP3 unique ID in Info.ID.
func (s *Store) Maildrop(name string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, b, err := s.box(name, Inbox)
	if err != nil {
		return nil
	}
	msgs := b.snapshot()
	for i := range msgs {
		if msgs[i].Info.ID == "" {
			msgs[i].Info.ID = s.run + "." + strconv.FormatUint(uint64(b.validity), 10) + "." + strconv.FormatUint(uint64(msgs[i].UID), 10)
		}
	}
	return msgs
}

// Deliver adds a message to the user's folder as an MTA's local delivery
// does: flagged \Recent, with the given internal date and what delivery
// knew of it. Line ends are stored as CRLF.
func (s *Store) Deliver(name, mailbox string, data []byte, date time.Time, info Info) (uint32, error) {
	return s.add(name, mailbox, Message{Data: data, Date: date, Info: info})
}

// Append adds a message as IMAP's APPEND does (its UID, Recent, Marked
// and Info are ignored) and returns the UID it got.
func (s *Store) Append(name, mailbox string, m Message) (uint32, error) {
	m.Info = Info{}
	return s.add(name, mailbox, m)
}

func (s *Store) add(name, mailbox string, m Message) (uint32, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, b, err := s.box(name, mailbox)
	if err != nil {
		return 0, err
	}
	m.Data = CRLF(m.Data)
	m.Flags = slices.Clone(m.Flags)
	uid := b.add(m)
	s.change(name, u, int64(len(m.Data)))
	return uid, nil
}

// add gives m the next UID and stores it as \Recent, unmarked.
func (b *box) add(m Message) uint32 {
	m.UID, m.Recent, m.Marked = b.next, true, false
	b.next++
	b.msgs = append(b.msgs, m)
	return m.UID
}

// Copy copies the messages with the given UIDs, flags and internal date
// included, to another folder, and returns their new UIDs. A copy is a new
// message there: what delivery knew of the original stays with it.
func (s *Store) Copy(name, from string, uids []uint32, to string) ([]uint32, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, src, err := s.box(name, from)
	if err != nil {
		return nil, err
	}
	_, dst, err := s.box(name, to)
	if err != nil {
		return nil, err
	}
	// Collect first: copying a folder into itself must not copy the copies.
	var picked []Message
	for _, m := range src.msgs {
		if slices.Contains(uids, m.UID) {
			m.Flags, m.Info = slices.Clone(m.Flags), Info{}
			picked = append(picked, m)
		}
	}
	var out []uint32
	for _, m := range picked {
		out = append(out, dst.add(m))
	}
	s.change(name, u, sizeOf(picked))
	return out, nil
}

// SetFlags replaces one message's flags.
func (s *Store) SetFlags(name, mailbox string, uid uint32, flags []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, b, err := s.box(name, mailbox)
	if err != nil {
		return err
	}
	for i := range b.msgs {
		if b.msgs[i].UID == uid {
			b.msgs[i].Flags = slices.Clone(flags)
			s.change(name, u, 0)
			return nil
		}
	}
	return fmt.Errorf("store: no message with UID %d in %s", uid, mailbox)
}

// Mark marks an INBOX message for deletion by a POP3 DELE, or unmarks it
// (RSET, or a session that ends without UPDATE). A mark only shows the
// message on its way out; Remove takes it away.
func (s *Store) Mark(name string, uid uint32, on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, b, err := s.box(name, Inbox); err == nil {
		for i := range b.msgs {
			if b.msgs[i].UID == uid {
				b.msgs[i].Marked = on
			}
		}
	}
}

// Expunge removes the folder's messages flagged \Deleted and returns their
// UIDs in ascending order. A nil uids means every such message; otherwise
// only those among uids (UID EXPUNGE) go.
func (s *Store) Expunge(name, mailbox string, uids []uint32) ([]uint32, error) {
	gone, err := s.remove(name, mailbox, func(m Message) bool {
		return HasFlag(m.Flags, FlagDeleted) && (uids == nil || slices.Contains(uids, m.UID))
	})
	out := make([]uint32, len(gone))
	for i, m := range gone {
		out[i] = m.UID
	}
	return out, err
}

// Remove takes the messages with the given UIDs out of the folder,
// whatever their flags, as POP3's UPDATE does after QUIT, and returns
// those it found.
func (s *Store) Remove(name, mailbox string, uids []uint32) []Message {
	gone, _ := s.remove(name, mailbox, func(m Message) bool { return slices.Contains(uids, m.UID) })
	return gone
}

func (s *Store) remove(name, mailbox string, match func(Message) bool) ([]Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, b, err := s.box(name, mailbox)
	if err != nil {
		return nil, err
	}
	var gone []Message
	b.msgs = slices.DeleteFunc(b.msgs, func(m Message) bool {
		if match(m) {
			gone = append(gone, m)
			return true
		}
		return false
	})
	if len(gone) > 0 {
		s.change(name, u, -sizeOf(gone))
	}
	return gone, nil
}

func sizeOf(msgs []Message) int64 {
	var n int64
	for _, m := range msgs {
		n += int64(len(m.Data))
	}
	return n
}

// HasFlag reports whether flags holds f; flags are case-insensitive
// (RFC 3501 §2.3.2 compares keywords without regard to case).
func HasFlag(flags []string, f string) bool {
	return slices.ContainsFunc(flags, func(x string) bool { return strings.EqualFold(x, f) })
}

// Canonical spells INBOX in upper case whatever case it came in.
func Canonical(name string) string {
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

// CRLF turns bare LF line ends into CRLF, as the store keeps text, so that
// sizes and partial offsets count the octets the wire carries.
func CRLF(data []byte) []byte {
	if bytes.Count(data, []byte("\n")) == bytes.Count(data, []byte("\r\n")) {
		return data
	}
	return bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
}
