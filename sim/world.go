package sim

import (
	"container/heap"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"mailsim/sim/dns"
	mailstore "mailsim/sim/store"
)

// Epoch is the wall-clock moment virtual time zero stands for. It is fixed so
// that Date and Received headers, like everything else, repeat byte for byte.
var Epoch = time.Date(2026, time.January, 12, 9, 0, 0, 0, time.FixedZone("EET", 2*60*60))

// World is one running scenario. It is not safe for concurrent use: the web
// layer gives every player its own world, which is cheap because replaying a
// scenario takes microseconds.
type World struct {
	spec      *Spec
	now       time.Duration
	agenda    agenda
	scheduled int
	trace     []Event
	rng       *rand.Rand
	resolver  *dns.Resolver

	hosts    map[string]*Host  // by ID
	byName   map[string]*Host  // by fully qualified name
	agents   map[string]*Agent // by agent ID
	agentOn  map[string]string // agent ID -> host ID
	users    map[string]*User  // by address
	forwards map[string]string // old address -> the address its mail goes to now
	moved    map[string]string // old address -> the address a 551 names
	boxes    map[string]*Mailbox
	ever     map[string][]*Message       // mailbox address -> every message ever stored in it, removed ones included
	queues   map[string][]*outgoing      // MTA client agent ID -> messages waiting to be pushed
	pushing  map[string]bool             // MTA client agent ID -> a session is open
	busy     map[string]int              // MTA server agent ID -> connections turned away so far
	failed   map[string]int              // MTA server agent ID -> messages it failed to write so far
	greylist map[string]time.Duration    // greylisting triplet -> when its server first saw it
	folders  map[string]*Folder          // UA agent ID -> mail it downloaded
	mail     map[string]*mailstore.Store // host ID -> the store of the mailboxes it holds
	msgs     int                         // messages composed so far, for IDs
}

// NewWorld checks spec for dangling references and schedules its script.
func NewWorld(spec *Spec) (*World, error) {
	w := &World{
		spec:     spec,
		rng:      rand.New(rand.NewPCG(1, uint64(len(spec.Name)))),
		hosts:    map[string]*Host{},
		byName:   map[string]*Host{},
		agents:   map[string]*Agent{},
		agentOn:  map[string]string{},
		users:    map[string]*User{},
		forwards: map[string]string{},
		moved:    map[string]string{},
		boxes:    map[string]*Mailbox{},
		ever:     map[string][]*Message{},
		queues:   map[string][]*outgoing{},
		pushing:  map[string]bool{},
		busy:     map[string]int{},
		failed:   map[string]int{},
		greylist: map[string]time.Duration{},
		folders:  map[string]*Folder{},
		mail:     map[string]*mailstore.Store{},
	}
	if err := w.index(); err != nil {
		return nil, fmt.Errorf("scenario %s: %w", spec.Name, err)
	}
	var err error
	if w.resolver, err = dns.NewResolver(spec.Zones...); err != nil {
		return nil, fmt.Errorf("scenario %s: %w", spec.Name, err)
	}
	for i := range spec.Sends {
		s := &spec.Sends[i]
		w.scheduleAt(s.At, func() Event { return w.compose(s) })
	}
	for i := range spec.Reads {
		r := &spec.Reads[i]
		w.scheduleAt(r.At, func() Event { return w.read(r) })
	}
	return w, nil
}

// index builds the lookup tables and rejects references to nothing.
func (w *World) index() error {
	for i := range w.spec.Hosts {
		h := &w.spec.Hosts[i]
		if _, dup := w.hosts[h.ID]; dup {
			return fmt.Errorf("host %q defined twice", h.ID)
		}
		w.hosts[h.ID] = h
		w.byName[strings.ToLower(h.Name)] = h
		for j := range h.Agents {
			a := &h.Agents[j]
			if _, dup := w.agents[a.ID]; dup {
				return fmt.Errorf("agent %q defined twice", a.ID)
			}
			w.agents[a.ID] = a
			w.agentOn[a.ID] = h.ID
		}
	}
	for _, l := range w.spec.Links {
		if w.hosts[l.A] == nil || w.hosts[l.B] == nil {
			return fmt.Errorf("link %s-%s names an unknown host", l.A, l.B)
		}
	}
	for i := range w.spec.Users {
		u := &w.spec.Users[i]
		if w.hosts[u.Host] == nil {
			return fmt.Errorf("user %s lives on unknown host %q", u.Address, u.Host)
		}
		if a := w.agents[u.UA]; a == nil || a.Kind != UA {
			return fmt.Errorf("user %s has no user agent %q", u.Address, u.UA)
		}
		key := strings.ToLower(u.Address)
		w.users[key] = u
		mail := w.mail[u.Host]
		if mail == nil {
			mail = mailstore.New("")
			w.mail[u.Host] = mail
		}
		mail.AddUser(key, u.Password)
		w.boxes[key] = &Mailbox{Address: u.Address, Host: u.Host, HostName: w.hosts[u.Host].Name,
			mail: mail, user: key, copies: map[string]*Message{}}
	}
	if err := w.indexForwards(); err != nil {
		return err
	}
	for _, s := range w.spec.Sends {
		if w.users[strings.ToLower(s.From)] == nil {
			return fmt.Errorf("a message is sent by unknown user %s", s.From)
		}
		if len(s.To) == 0 {
			return fmt.Errorf("a message from %s has no recipient", s.From)
		}
	}
	for _, r := range w.spec.Reads {
		if w.users[strings.ToLower(r.User)] == nil {
			return fmt.Errorf("unknown user %s reads mail", r.User)
		}
	}
	return nil
}

// indexForwards rejects a forward or a move from an address that also has
// a mailbox, an address that forwards or moves twice, and a chain of
// forwards that comes back to itself, which would pass a message around
// for ever.
func (w *World) indexForwards() error {
	for _, f := range w.spec.Forwards {
		key := strings.ToLower(f.Address)
		if w.users[key] != nil {
			return fmt.Errorf("%s has a mailbox and cannot also forward or move", f.Address)
		}
		if w.forwards[key] != "" || w.moved[key] != "" {
			return fmt.Errorf("%s forwards or moves twice", f.Address)
		}
		if f.Moved {
			w.moved[key] = strings.ToLower(f.To)
		} else {
			w.forwards[key] = strings.ToLower(f.To)
		}
	}
	for from := range w.forwards {
		seen := map[string]bool{}
		for a := from; w.forwards[a] != ""; a = w.forwards[a] {
			if seen[a] {
				return fmt.Errorf("the forward of %s comes back to %s", from, a)
			}
			seen[a] = true
		}
	}
	return nil
}

func (w *World) scheduleAt(at time.Duration, action func() Event) {
	w.schedule(at-w.now, action)
}

// Step delivers exactly one event and reports false when nothing is left.
func (w *World) Step() (Event, bool) {
	if len(w.agenda) == 0 {
		return Event{}, false
	}
	p := heap.Pop(&w.agenda).(pending)
	w.now = p.at
	e := p.action()
	e.Seq = len(w.trace)
	e.Time = w.now
	e.Ms = w.now.Milliseconds()
	w.trace = append(w.trace, e)
	return e, true
}

// Done reports whether no event is left to deliver.
func (w *World) Done() bool { return len(w.agenda) == 0 }

// Trace returns the events delivered so far. The caller must not modify it.
func (w *World) Trace() []Event { return w.trace }

// Now is the current virtual time.
func (w *World) Now() time.Duration { return w.now }

// Spec returns the scenario the world runs.
func (w *World) Spec() *Spec { return w.spec }

// Replay builds a fresh world for spec and steps it n times: how the player
// steps back, since a world can only move forward.
func Replay(spec *Spec, n int) (*World, error) {
	w, err := NewWorld(spec)
	if err != nil {
		return nil, err
	}
	for range n {
		if _, ok := w.Step(); !ok {
			break
		}
	}
	return w, nil
}

// Run steps a fresh world for spec to its end and returns the whole trace.
// limit guards against a scenario that never ends.
func Run(spec *Spec, limit int) ([]Event, error) {
	w, err := NewWorld(spec)
	if err != nil {
		return nil, err
	}
	for range limit {
		if _, ok := w.Step(); !ok {
			return w.Trace(), nil
		}
	}
	return w.Trace(), fmt.Errorf("scenario %s: still running after %d events", spec.Name, limit)
}

// hostOf returns the host an agent runs on.
func (w *World) hostOf(agentID string) *Host { return w.hosts[w.agentOn[agentID]] }

// agentOf returns the first agent of kind k on host h, or nil.
func agentOf(h *Host, k AgentKind) *Agent {
	for i := range h.Agents {
		if h.Agents[i].Kind == k {
			return &h.Agents[i]
		}
	}
	return nil
}

// latency is the one-way delay between two hosts; the same host is instant.
func (w *World) latency(a, b string) time.Duration {
	if a == b {
		return 0
	}
	for _, l := range w.spec.Links {
		if (l.A == a && l.B == b) || (l.A == b && l.B == a) {
			return l.Latency
		}
	}
	return -1
}
