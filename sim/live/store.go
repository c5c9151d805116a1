package live

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"mailsim/sim"
)

// store holds the lab's accounts and mailboxes, shared by every SMTP and
// POP3 connection. One mutex guards it all: each operation is short, and a
// lab serves a lecture hall, not an ISP.
type store struct {
	mu      sync.Mutex
	host    string              // the lab's host name, for snapshots
	domain  string              // the domain a bare user name belongs to
	domains map[string]bool     // every domain the lab receives mail for
	boxes   map[string]*mailbox // users by address; the map is fixed at start, the mailboxes change under mu
	lists   map[string][]string // lists by address; fixed at start
	idBase  string              // start of every queue ID in this run
	queued  int                 // messages accepted so far
	size    int64               // octets held in all mailboxes
	max     int64               // octets the mailboxes may hold together
}

type mailbox struct {
	password string
	locked   bool // a POP3 session holds it (RFC 1939 §8)
	msgs     []*message
}

// message is one stored copy. Its queue ID is also its POP3 unique ID:
// unique in the mailbox and, with the run's start in it, not reused by a
// later run, so a client that remembers UIDLs never skips new mail.
type message struct {
	id      string
	from    string
	subject string
	data    []byte // Return-Path, Received, then the text as received
}

func newStore(accts []Account, host string, max int64, start time.Time) *store {
	s := &store{host: host, domains: map[string]bool{}, boxes: map[string]*mailbox{},
		lists: map[string][]string{}, max: max, idBase: fmt.Sprintf("%X", start.Unix())}
	for _, a := range accts {
		_, domain, _ := strings.Cut(a.Address, "@")
		if s.domain == "" {
			s.domain = domain
		}
		s.domains[domain] = true
		if a.IsList() {
			s.lists[a.Address] = slices.Clone(a.Members)
		} else {
			s.boxes[a.Address] = &mailbox{password: a.Password}
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
	case s.boxes[addr] != nil:
		return user
	case s.lists[addr] != nil:
		return list
	}
	return unknown
}

// members returns a list's members; nil for anything else.
func (s *store) members(addr string) []string { return slices.Clone(s.lists[addr]) }

// deliver stores one copy of text per mailbox the recipients reach, lists
// expanded and each mailbox once, with head(address) in front of its copy.
// It stores nothing and returns ok false when the copies would overflow the
// lab's storage.
func (s *store) deliver(from string, rcpts []string, subject string, text []byte,
	head func(id, rcpt string) string) (id string, boxes []string, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range rcpts {
		for _, a := range append([]string{r}, s.lists[r]...) {
			if s.boxes[a] != nil && !slices.Contains(boxes, a) {
				boxes = append(boxes, a)
			}
		}
	}
	id = fmt.Sprintf("%s%05X", s.idBase, s.queued+1)
	copies := make([][]byte, len(boxes))
	var size int64
	for i, a := range boxes {
		h := head(id, a)
		copies[i] = append(append(make([]byte, 0, len(h)+len(text)), h...), text...)
		size += int64(len(copies[i]))
	}
	if s.size+size > s.max {
		return "", nil, false
	}
	s.queued++
	s.size += size
	for i, a := range boxes {
		b := s.boxes[a]
		b.msgs = append(b.msgs, &message{id: id, from: from, subject: subject, data: copies[i]})
	}
	return id, boxes, true
}

// secret returns a user's password; ok is false for lists and unknowns.
func (s *store) secret(addr string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if b := s.boxes[addr]; b != nil {
		return b.password, true
	}
	return "", false
}

func (s *store) lock(addr string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.boxes[addr]
	if b == nil || b.locked {
		return false
	}
	b.locked = true
	return true
}

func (s *store) unlock(addr string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if b := s.boxes[addr]; b != nil {
		b.locked = false
	}
}

// messages returns the mailbox's messages as id and data. The data is
// shared, not copied: stored messages are never modified.
func (s *store) messages(addr string) (ids []string, data [][]byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if b := s.boxes[addr]; b != nil {
		for _, m := range b.msgs {
			ids = append(ids, m.id)
			data = append(data, m.data)
		}
	}
	return ids, data
}

// remove deletes the messages with the given ids and returns those it found.
func (s *store) remove(addr string, ids []string) (removed []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.boxes[addr]
	if b == nil {
		return nil
	}
	b.msgs = slices.DeleteFunc(b.msgs, func(m *message) bool {
		if slices.Contains(ids, m.id) {
			removed = append(removed, m.id)
			s.size -= int64(len(m.data))
			return true
		}
		return false
	})
	return removed
}

// snapshot copies every mailbox into the world's types, sorted by address,
// so that the web layer can draw the lab's mailboxes as it draws a
// scenario's. Lists have no mailbox.
func (s *store) snapshot() []*sim.Mailbox {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*sim.Mailbox, 0, len(s.boxes))
	for addr, b := range s.boxes {
		mb := &sim.Mailbox{Address: addr, Host: s.host, Messages: make([]*sim.Message, len(b.msgs))}
		for i, m := range b.msgs {
			mb.Messages[i] = &sim.Message{ID: m.id, From: m.from, To: []string{addr}, Subject: m.subject,
				Raw: string(m.data), QueueID: m.id, UID: m.id, Received: addr}
		}
		out = append(out, mb)
	}
	slices.SortFunc(out, func(a, b *sim.Mailbox) int { return strings.Compare(a.Address, b.Address) })
	return out
}
