package web

import (
	"fmt"
	"sync"

	"mailsim/sim"
)

// traceLimit stops a scenario that never ends from hanging a request.
const traceLimit = 10000

// run is a scenario's whole trace and every copy of every message it ever
// stored, from one run to the end. The player reads ahead in it: the total,
// the next reply a prediction asks about, the message a session carries.
type run struct {
	trace  []sim.Event
	copies map[copyKey]string // raw text of each stored or downloaded copy
}

// copyKey names one copy of a message: the mailbox address or the user
// agent's ID that holds it, and the message's ID.
type copyKey struct{ place, id string }

// totals caches the run of each scenario played lately (its total length
// among the rest, hence the name). Specs are never mutated, so the pointer is
// a safe key and a run never goes stale; runs are read-only once made. The
// lab plays composed messages through specs of their own, so the cache is
// bounded: past runLimit runs the oldest goes.
type totals struct {
	mu    sync.Mutex
	of    map[*sim.Spec]*run
	order []*sim.Spec // oldest first
}

// runLimit is more than the shipped scenarios plus the lab's stored messages.
const runLimit = 256

// get returns the run of spec, running it the first time.
func (rs *totals) get(spec *sim.Spec) (*run, error) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if r, ok := rs.of[spec]; ok {
		return r, nil
	}
	w, err := sim.NewWorld(spec)
	if err != nil {
		return nil, err
	}
	for range traceLimit {
		if _, ok := w.Step(); !ok {
			break
		}
	}
	if !w.Done() {
		return nil, fmt.Errorf("scenario %s: still running after %d events", spec.Name, traceLimit)
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
	if rs.of == nil {
		rs.of = map[*sim.Spec]*run{}
	}
	if len(rs.order) == runLimit {
		delete(rs.of, rs.order[0])
		rs.order = rs.order[1:]
	}
	rs.of[spec] = r
	rs.order = append(rs.order, spec)
	return r, nil
}
