package player

import (
	"fmt"
	"reflect"
	"sync"

	"mailsim/lang"
	"mailsim/sim"
)

// run is a scenario's whole trace and every copy of every message it ever
// stored, from one run to the end. The player reads ahead in it: the total,
// the next reply a prediction asks about, the message a session carries.
// It is also the player's index (see index.go): the mailboxes and the
// socket's encoding of the state at every step, and of every event, so that
// no step is ever replayed.
type run struct {
	trace  []sim.Event
	copies map[copyKey]string // raw text of each stored or downloaded copy
	boxes  [][]*sim.Mailbox   // the mailboxes after each number of events, 0 to len(trace)
	steps  []indexed          // the state at each step, as JSON
	said   map[lang.Lang][][]byte
	// prepared are the frames sendAt shares between sockets, by language
	// and step.
	prepared map[lang.Lang][]prepared
}

// copyKey names one copy of a message: the mailbox address or the user
// agent's ID that holds it, and the message's ID.
type copyKey struct{ place, id string }

// totals caches the run of each scenario played lately (its total length
// among the rest, hence the name). Specs are never mutated, so the pointer is
// a safe key and a run never goes stale; runs are read-only once made. The
// lab plays composed messages through specs of their own, so the cache is
// bounded: past runLimit runs the oldest goes.
//
// Each spec has an entry of its own, computed once and outside the cache's
// lock: requests for the same scenario wait for that one run, and nobody else
// waits at all, however slow a run is. A run that fails is cached as failed,
// so forty requests for a broken scenario run it once.
type totals struct {
	mu    sync.Mutex
	of    map[*sim.Spec]*entry
	order []*sim.Spec // oldest first
	// compute makes a run; nil means play. Tests replace it to hold a
	// run in the middle.
	compute func(*sim.Spec) (*run, error)
}

// entry is one spec's run, or its failure, once done is closed.
type entry struct {
	done chan struct{}
	r    *run
	err  error
}

// runLimit is more than the shipped scenarios plus the lab's stored messages.
const runLimit = 256

// get returns the run of spec, running it the first time.
func (rs *totals) get(spec *sim.Spec) (*run, error) {
	rs.mu.Lock()
	e, ok := rs.of[spec]
	if !ok {
		e = &entry{done: make(chan struct{})}
		if rs.of == nil {
			rs.of = map[*sim.Spec]*entry{}
		}
		if len(rs.order) == runLimit {
			delete(rs.of, rs.order[0])
			rs.order = rs.order[1:]
		}
		rs.of[spec] = e
		rs.order = append(rs.order, spec)
	}
	rs.mu.Unlock()
	if !ok {
		rs.fill(e, spec)
	}
	<-e.done
	return e.r, e.err
}

// fill computes e. A run that panics still ends the wait of the others, as
// a failure.
func (rs *totals) fill(e *entry, spec *sim.Spec) {
	defer func() {
		if e.r == nil && e.err == nil {
			e.err = fmt.Errorf("scenario %s: the run failed", spec.Name)
		}
		close(e.done)
	}()
	compute := rs.compute
	if compute == nil {
		compute = play
	}
	e.r, e.err = compute(spec)
}

// play runs spec to its end, at most sim.EventLimit events, and indexes
// the run. The mailboxes are taken after every event, since a world only
// moves forward; a step that leaves them as they were shares the slice of
// the step before.
func play(spec *sim.Spec) (*run, error) {
	w, err := sim.NewWorld(spec)
	if err != nil {
		return nil, err
	}
	boxes := [][]*sim.Mailbox{w.Mailboxes()}
	for range sim.EventLimit {
		if _, ok := w.Step(); !ok {
			break
		}
		now, last := w.Mailboxes(), boxes[len(boxes)-1]
		if reflect.DeepEqual(now, last) {
			now = last
		}
		boxes = append(boxes, now)
	}
	if !w.Done() {
		return nil, fmt.Errorf("scenario %s: still running after %d events", spec.Name, sim.EventLimit)
	}
	r := &run{trace: w.Trace(), copies: map[copyKey]string{}}
	for _, b := range w.Stored() {
		for _, m := range b.Messages {
			r.copies[copyKey{b.Address, m.ID}] = m.Raw
		}
	}
	for _, f := range w.Folders() {
		for _, m := range f.Messages {
			r.copies[copyKey{f.Agent, m.ID}] = m.Raw
		}
	}
	if err := r.index(spec.Name, boxes); err != nil {
		return nil, err
	}
	return r, nil
}
