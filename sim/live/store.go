package live

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"mailsim/sim"
	mailstore "mailsim/sim/store"
)

// store holds the lab's accounts and mailboxes, shared by every SMTP, POP3
// and IMAP connection. The mail itself, in folders with UIDs and flags, is
// the one mail store (mailsim/sim/store) the simulated world keeps its
// mailboxes in too: SMTP delivers into INBOX, POP3 works on INBOX, IMAP on
// every folder, so that a message sent over SMTP is read over either and a
// POP3 DELE and an IMAP EXPUNGE remove the same message.
type store struct {
	mail *mailstore.Store
	// disk, with Config.Data, journals every change to mail (see
	// persist.go); nil keeps the mail in memory only.
	disk *disk

	host    string              // the lab's host name, for snapshots
	domain  string              // the domain a bare user name belongs to
	domains map[string]bool     // every domain the lab receives mail for
	users   map[string]bool     // users by address; the map is fixed at start
	lists   map[string][]string // lists by address; fixed at start
	idBase  string              // start of every queue ID in this run
	max     int64               // octets the folders may hold together
	now     func() time.Time    // internal dates of deliveries

	mu     sync.Mutex // guards queued, and makes a delivery's room check and copies one step
	queued int        // messages accepted so far
}

func newStore(accts []Account, host string, max int64, start time.Time, now func() time.Time) *store {
	idBase := fmt.Sprintf("%X", start.Unix())
	s := &store{mail: mailstore.New(idBase), host: host, domains: map[string]bool{}, users: map[string]bool{},
		lists: map[string][]string{}, max: max, idBase: idBase, now: now}
	for _, a := range accts {
		_, domain, _ := strings.Cut(a.Address, "@")
		if s.domain == "" {
			s.domain = domain
		}
		s.domains[domain] = true
		if a.IsList() {
			s.lists[a.Address] = slices.Clone(a.Members)
		} else {
			s.users[a.Address] = true
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
	case s.users[addr]:
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
	for _, r := range rcpts {
		for _, a := range append([]string{r}, s.lists[r]...) {
			if s.users[a] && !slices.Contains(boxes, a) {
				boxes = append(boxes, a)
			}
		}
	}
	id, ops, ticket, ok := s.accept(from, subject, text, boxes, head)
	if !ok {
		return "", nil, false
	}
	// The wait for the disk is outside s.mu, so that concurrent
	// deliveries share one fsync.
	if s.disk.sync(ticket) != nil {
		s.undeliver(ops)
		return "", nil, false
	}
	return id, boxes, true
}

// accept makes the queue ID and each mailbox's copy of a delivery, checks
// that the copies fit in the lab's storage and records them, all under
// s.mu, so that two deliveries cannot both take the last room. It returns
// the ticket of the last copy for disk.sync.
func (s *store) accept(from, subject string, text []byte, boxes []string,
	head func(id, rcpt string) string) (id string, ops []op, ticket uint64, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id = fmt.Sprintf("%s%05X", s.idBase, s.queued+1)
	ops = make([]op, len(boxes))
	var size int64
	date := s.now()
	for i, a := range boxes {
		h := head(id, a)
		data := append(append(make([]byte, 0, len(h)+len(text)), h...), text...)
		ops[i] = op{kind: opDeliver, user: a, box: mailstore.Inbox, data: data, date: date, id: id, from: from, subject: subject}
		size += storedSize(data)
	}
	if !s.room(size) {
		return "", nil, 0, false
	}
	s.queued++
	for i := range ops {
		t, err := s.record(&ops[i])
		if errors.Is(err, errJournal) {
			s.undeliver(ops[:i])
			return "", nil, 0, false
		}
		if err != nil { // every user has an INBOX, which cannot be deleted
			panic("live: delivery into " + ops[i].user + ": " + err.Error())
		}
		ticket = t
	}
	return id, ops, ticket, true
}

// room reports whether size more octets fit in the lab's storage.
func (s *store) room(size int64) bool { return s.mail.Total()+size <= s.max }

// storedSize is how many octets the mail store keeps of data: it stores
// CRLF line ends, as IMAP counts sizes and offsets, so a bare LF, which
// SMTP text may hold, takes two.
func storedSize(data []byte) int64 {
	return int64(len(data) + bytes.Count(data, []byte("\n")) - bytes.Count(data, []byte("\r\n")))
}

// remove deletes the INBOX messages with the given POP3 unique IDs, as
// POP3's UPDATE does, and returns those it found; with a data file, the
// removal is on disk when it returns.
func (s *store) remove(addr string, ids []string) (removed []string) {
	byUID := map[uint32]string{}
	var uids []uint32
	for _, m := range s.mail.Maildrop(addr) {
		if slices.Contains(ids, m.Info.ID) {
			uids = append(uids, m.UID)
			byUID[m.UID] = m.Info.ID
		}
	}
	if len(uids) == 0 {
		return nil
	}
	o := op{kind: opRemove, user: addr, box: mailstore.Inbox, uids: uids}
	if s.commit(&o) != nil {
		return nil
	}
	for _, uid := range o.out {
		removed = append(removed, byUID[uid])
	}
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
		drop := s.mail.Maildrop(addr)
		mb := &sim.Mailbox{Address: addr, Host: s.host, Messages: make([]*sim.Message, len(drop))}
		for i, m := range drop {
			info := m.Info
			if info.Queue == "" {
				info.Subject = subject(m.Data)
			}
			mb.Messages[i] = &sim.Message{ID: info.ID, From: info.From, To: []string{addr}, Subject: info.Subject,
				Raw: string(m.Data), QueueID: info.Queue, UID: info.ID, Received: addr,
				Seen: mailstore.HasFlag(m.Flags, mailstore.FlagSeen), Deleted: m.Deleted()}
		}
		out = append(out, mb)
	}
	return out
}
