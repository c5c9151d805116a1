package live

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"mailsim/sim"
	"mailsim/sim/imap"
)

// store holds the lab's accounts and mailboxes, shared by every SMTP, POP3
// and IMAP connection. The mail itself, in folders with UIDs and flags, is
// an imap.MemoryStore: SMTP delivers into INBOX, POP3 works on INBOX, IMAP
// on every folder, so that a message sent over SMTP is read over either
// and a POP3 DELE and an IMAP EXPUNGE remove the same message. One mutex
// guards the rest: each operation is short, and a lab serves a lecture
// hall, not an ISP.
type store struct {
	mail *imap.MemoryStore
	// disk, with Config.Data, journals every change to mail (see
	// persist.go); nil keeps the mail in memory only.
	disk *disk

	mu      sync.Mutex
	host    string              // the lab's host name, for snapshots
	domain  string              // the domain a bare user name belongs to
	domains map[string]bool     // every domain the lab receives mail for
	users   map[string]*account // users by address; the map is fixed at start
	lists   map[string][]string // lists by address; fixed at start
	idBase  string              // start of every queue ID in this run
	queued  int                 // messages accepted so far
	size    int64               // octets held in all folders
	max     int64               // octets the folders may hold together
	now     func() time.Time    // internal dates of deliveries
	// meta keeps, for each message SMTP delivered into an INBOX, its queue
	// ID (which is also its POP3 unique ID), envelope sender and subject.
	meta map[msgKey]meta
	// changed holds, per user, a channel closed at the next change to the
	// user's folders, for IMAP IDLE.
	changed map[string]chan struct{}
}

// account is what the store keeps of a user besides the mail.
type account struct {
	password string // for APOP and CRAM-MD5, which need the secret itself
	locked   bool   // a POP3 session holds the INBOX (RFC 1939 §8)
	size     int64  // octets in the user's folders
}

type msgKey struct {
	user string
	uid  uint32
}

type meta struct{ id, from, subject string }

func newStore(accts []Account, host string, max int64, start time.Time, now func() time.Time) *store {
	s := &store{mail: imap.NewMemoryStore(), host: host, domains: map[string]bool{}, users: map[string]*account{},
		lists: map[string][]string{}, max: max, idBase: fmt.Sprintf("%X", start.Unix()), now: now,
		meta: map[msgKey]meta{}, changed: map[string]chan struct{}{}}
	for _, a := range accts {
		_, domain, _ := strings.Cut(a.Address, "@")
		if s.domain == "" {
			s.domain = domain
		}
		s.domains[domain] = true
		if a.IsList() {
			s.lists[a.Address] = slices.Clone(a.Members)
		} else {
			s.users[a.Address] = &account{password: a.Password}
			s.mail.AddUser(a.Address, a.Password)
		}
	}
	return s
}

// resolve turns what a client typed into an address: lower case, and a bare
// user name ("student", as curl's pop3://student:student@ sends it) in the
// lab's domain.
func (s *store) resolve(name string) string {
	name = strings.ToLower(name)
	if !strings.Contains(name, "@") {
		name += "@" + s.domain
	}
	return name
}

// kind says what an address is to the lab.
type kind int

const (
	unknown kind = iota // in a lab domain, but nobody
	user
	list
	foreign // in a domain the lab does not receive mail for
)

func (s *store) kindOf(addr string) kind {
	_, domain, _ := strings.Cut(addr, "@")
	switch {
	case !s.domains[domain]:
		return foreign
	case s.users[addr] != nil:
		return user
	case s.lists[addr] != nil:
		return list
	}
	return unknown
}

// members returns a list's members; nil for anything else.
func (s *store) members(addr string) []string { return slices.Clone(s.lists[addr]) }

// deliver stores one copy of text per mailbox the recipients reach, lists
// expanded and each mailbox once, with head(address) in front of its copy,
// in the mailbox's INBOX. It stores nothing and returns ok false when the
// copies would overflow the lab's storage, or the data file cannot take
// them. With a data file, every copy is on disk when it returns.
func (s *store) deliver(from string, rcpts []string, subject string, text []byte,
	head func(id, rcpt string) string) (id string, boxes []string, ok bool) {
	id, boxes, copies, ok := s.prepare(rcpts, text, head)
	if !ok {
		return "", nil, false
	}
	date := s.now()
	ops := make([]op, len(boxes))
	for i, a := range boxes {
		ops[i] = op{kind: opDeliver, user: a, box: imap.Inbox, data: copies[i], date: date, id: id, from: from, subject: subject}
		err := s.commit(&ops[i])
		if errors.Is(err, errJournal) {
			s.undeliver(ops[:i+1])
			return "", nil, false
		}
		if err != nil { // every user has an INBOX, which cannot be deleted
			panic("live: delivery into " + a + ": " + err.Error())
		}
	}
	return id, boxes, true
}

// prepare picks the mailboxes, the queue ID and each mailbox's copy of a
// delivery, and checks that the copies fit in the lab's storage.
func (s *store) prepare(rcpts []string, text []byte, head func(id, rcpt string) string) (id string, boxes []string, copies [][]byte, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range rcpts {
		for _, a := range append([]string{r}, s.lists[r]...) {
			if s.users[a] != nil && !slices.Contains(boxes, a) {
				boxes = append(boxes, a)
			}
		}
	}
	id = fmt.Sprintf("%s%05X", s.idBase, s.queued+1)
	copies = make([][]byte, len(boxes))
	var size int64
	for i, a := range boxes {
		h := head(id, a)
		copies[i] = append(append(make([]byte, 0, len(h)+len(text)), h...), text...)
		size += storedSize(copies[i])
	}
	if s.size+size > s.max {
		return "", nil, nil, false
	}
	s.queued++
	return id, boxes, copies, true
}

// storedSize is how many octets the mail store keeps of data: it stores
// CRLF line ends, as IMAP counts sizes and offsets, so a bare LF, which
// SMTP text may hold, takes two.
func storedSize(data []byte) int64 {
	return int64(len(data) + bytes.Count(data, []byte("\n")) - bytes.Count(data, []byte("\r\n")))
}

// account adds delta octets to a user's size and the lab's, and tells the
// user's IDLE sessions that something changed; s.mu is held.
func (s *store) account(addr string, delta int64) {
	if u := s.users[addr]; u != nil {
		u.size += delta
		s.size += delta
	}
	if ch := s.changed[addr]; ch != nil {
		close(ch)
		delete(s.changed, addr)
	}
}

// changes returns a channel closed at the user's next change.
func (s *store) changes(addr string) <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := s.changed[addr]
	if ch == nil {
		ch = make(chan struct{})
		s.changed[addr] = ch
	}
	return ch
}

// secret returns a user's password; ok is false for lists and unknowns.
func (s *store) secret(addr string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u := s.users[addr]; u != nil {
		return u.password, true
	}
	return "", false
}

func (s *store) lock(addr string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.users[addr]
	if u == nil || u.locked {
		return false
	}
	u.locked = true
	return true
}

func (s *store) unlock(addr string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u := s.users[addr]; u != nil {
		u.locked = false
	}
}

// popID is a message's POP3 unique ID: its queue ID when SMTP delivered
// it, and otherwise (an IMAP APPEND or COPY into INBOX) the run, the
// folder's UIDVALIDITY and its UID, so that a client that remembers UIDLs
// never skips new mail, even after a restart; s.mu is held.
func (s *store) popID(addr string, validity, uid uint32) string {
	if m, ok := s.meta[msgKey{addr, uid}]; ok {
		return m.id
	}
	return s.idBase + "." + strconv.FormatUint(uint64(validity), 10) + "." + strconv.FormatUint(uint64(uid), 10)
}

// inbox returns the user's INBOX with each message's POP3 unique ID. The
// data is shared, not copied: stored messages are never modified.
func (s *store) inbox(addr string) ([]imap.Message, []string) {
	st, err := s.mail.Status(addr, imap.Inbox)
	if err != nil {
		return nil, nil
	}
	msgs, _ := s.mail.Messages(addr, imap.Inbox)
	ids := make([]string, len(msgs))
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, m := range msgs {
		ids[i] = s.popID(addr, st.UIDValidity, m.UID)
	}
	return msgs, ids
}

// messages returns the user's INBOX as POP3 sees it: unique IDs and data.
func (s *store) messages(addr string) (ids []string, data [][]byte) {
	msgs, ids := s.inbox(addr)
	for _, m := range msgs {
		data = append(data, m.Data)
	}
	return ids, data
}

// remove deletes the INBOX messages with the given POP3 unique IDs, as an
// IMAP client would with \Deleted and UID EXPUNGE, and returns those it
// found.
func (s *store) remove(addr string, ids []string) (removed []string) {
	msgs, all := s.inbox(addr)
	var uids []uint32
	for i, m := range msgs {
		if slices.Contains(ids, all[i]) {
			uids = append(uids, m.UID)
			if !slices.Contains(m.Flags, imap.FlagDeleted) {
				_, _ = s.record(&op{kind: opFlags, user: addr, box: imap.Inbox, uids: []uint32{m.UID},
					flags: append(slices.Clip(m.Flags), imap.FlagDeleted)}) // the expunge's commit syncs it
			}
		}
	}
	if len(uids) == 0 {
		return nil
	}
	x := op{kind: opExpunge, user: addr, box: imap.Inbox, uids: uids}
	if s.commit(&x) != nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var freed int64
	for i, m := range msgs {
		if slices.Contains(x.out, m.UID) {
			removed = append(removed, all[i])
			freed += int64(len(m.Data))
		}
	}
	s.account(addr, -freed)
	return removed
}

// snapshot copies every user's INBOX into the world's types, sorted by
// address, so that the web layer can draw the lab's mailboxes as it draws a
// scenario's. Lists have no mailbox.
func (s *store) snapshot() []*sim.Mailbox {
	addrs := make([]string, 0, len(s.users))
	for a := range s.users {
		addrs = append(addrs, a)
	}
	slices.Sort(addrs)
	out := make([]*sim.Mailbox, 0, len(addrs))
	for _, addr := range addrs {
		msgs, ids := s.inbox(addr)
		mb := &sim.Mailbox{Address: addr, Host: s.host, Messages: make([]*sim.Message, len(msgs))}
		s.mu.Lock()
		for i, m := range msgs {
			info := s.meta[msgKey{addr, m.UID}]
			if info.id == "" {
				info.subject = subject(m.Data)
			}
			mb.Messages[i] = &sim.Message{ID: ids[i], From: info.from, To: []string{addr}, Subject: info.subject,
				Raw: string(m.Data), QueueID: info.id, UID: ids[i], Received: addr,
				Seen: slices.Contains(m.Flags, imap.FlagSeen), Deleted: slices.Contains(m.Flags, imap.FlagDeleted)}
		}
		s.mu.Unlock()
		out = append(out, mb)
	}
	return out
}
