package web

import (
	"fmt"
	"sync"

	"mailsim/lang"
	"mailsim/sim"
)

// frame is the player's state at one step: what the websocket sends and what
// the player page renders first. Its JSON form is the message documented in
// ws.go.
type frame struct {
	Step      int            `json:"step"`
	Total     int            `json:"total"`
	Events    []frameEvent   `json:"events"`
	Mailboxes []*sim.Mailbox `json:"mailboxes"`
	State     string         `json:"state"`
}

// frameEvent is a sim.Event with its explanation in the reader's language, so
// that the browser needs no catalog of its own.
type frameEvent struct {
	sim.Event
	Text string `json:"text"`
}

// traceLimit stops a scenario that never ends from hanging a request.
const traceLimit = 10000

// totals caches the length of each scenario's whole trace. Specs are never
// mutated, so the pointer is a safe key and the total never goes stale.
type totals struct {
	mu sync.Mutex
	n  map[*sim.Spec]int
}

// of returns the number of events the scenario delivers from start to end.
func (t *totals) of(spec *sim.Spec) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if n, ok := t.n[spec]; ok {
		return n, nil
	}
	trace, err := sim.Run(spec, traceLimit)
	if err != nil {
		return 0, err
	}
	if t.n == nil {
		t.n = map[*sim.Spec]int{}
	}
	t.n[spec] = len(trace)
	return len(trace), nil
}

// frameAt replays spec to step, clamped to [0, total], and describes it in l.
func (t *totals) frameAt(spec *sim.Spec, step int, l lang.Lang) (*frame, error) {
	total, err := t.of(spec)
	if err != nil {
		return nil, err
	}
	step = min(max(step, 0), total)
	w, err := sim.Replay(spec, step)
	if err != nil {
		return nil, err
	}
	trace := w.Trace()
	if len(trace) != step {
		return nil, fmt.Errorf("scenario %s: replay gave %d events, want %d", spec.Name, len(trace), step)
	}
	f := &frame{Step: step, Total: total, Events: make([]frameEvent, len(trace)), Mailboxes: w.Mailboxes()}
	for i, e := range trace {
		f.Events[i] = frameEvent{Event: e, Text: explain(l, e.Key)}
		if e.Proto == "smtp" && e.State != "" {
			f.State = e.State
		}
	}
	return f, nil
}
