// Package outbox keeps the messages students compose in the MIME lab, for
// the player to send through scenario 4: in memory only, by content hash,
// and bounded.
package outbox

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sync"

	"mailsim/lang"
	"mailsim/sim"
)

// Limits of the composed-message store. Messages live only in memory and
// only until newer ones push them out, so a class composing all afternoon
// costs at most entries × MaxMessage bytes (16 MiB).
const (
	entries    = 64
	MaxMessage = 256 << 10
)

// SendScenario is the scenario a composed message travels through: the
// lecture's scenario 4, with both sides over LAN/WAN, so that the message is
// pushed by SMTP twice and pulled by POP3 once.
const SendScenario = "lan-both"

// storedMessage is one composed message. spec caches the scenario rebuilt to
// carry it, so that every request for the same message replays the same
// *sim.Spec (the player caches totals by spec).
type storedMessage struct {
	raw     []byte
	subject string
	base    *sim.Spec // the library's spec that spec was derived from
	spec    *sim.Spec
}

// Store keeps composed messages by content hash, oldest first. Its
// zero value is ready to use. The key is a hash of the bytes, so composing
// the same message twice gives the same link and a link cannot be guessed
// into someone else's message without knowing its content.
type Store struct {
	mu     sync.Mutex
	byHash map[string]*storedMessage
	order  []string // hashes, oldest first
}

// Hash is the store's key for raw: 128 bits of SHA-256 in hex.
func Hash(raw []byte) string {
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:16])
}

// Put keeps raw (at most MaxMessage bytes; the caller checks) and
// returns its key. Storing a message again makes it the newest.
func (s *Store) Put(raw []byte, subject string) string {
	key := Hash(raw)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.byHash == nil {
		s.byHash = map[string]*storedMessage{}
	}
	if i := slices.Index(s.order, key); i >= 0 {
		s.order = slices.Delete(s.order, i, i+1)
	} else {
		s.byHash[key] = &storedMessage{raw: slices.Clone(raw), subject: subject}
	}
	s.order = append(s.order, key)
	for len(s.order) > entries {
		delete(s.byHash, s.order[0])
		s.order = slices.Delete(s.order, 0, 1)
	}
	return key
}

// Get returns the message stored under key.
func (s *Store) Get(key string) (raw []byte, subject string, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.byHash[key]
	if !ok {
		return nil, "", false
	}
	return m.raw, m.subject, true
}

// SpecWith returns base with its first send replaced by the message under
// key, or false when the store no longer holds it.
func (s *Store) SpecWith(base *sim.Spec, key string) (*sim.Spec, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.byHash[key]
	if !ok || len(base.Sends) == 0 {
		return nil, false
	}
	if m.base != base {
		m.base, m.spec = base, carrying(base, m.raw, m.subject)
	}
	return m.spec, true
}

// carrying copies spec with the first send's message replaced by raw. The
// copy shares the rest with the library's spec, which nobody mutates.
func carrying(spec *sim.Spec, raw []byte, subject string) *sim.Spec {
	c := *spec
	c.Sends = slices.Clone(spec.Sends)
	c.Sends[0].Raw = raw
	c.Sends[0].Subject = subject
	c.Sends[0].Body = ""
	c.Sends[0].Attach = nil
	c.Title = lang.Text{
		RO: spec.Title.RO + " — " + tr(lang.RO, "compose.yours"),
		EN: spec.Title.EN + " — " + tr(lang.EN, "compose.yours"),
	}
	return &c
}
