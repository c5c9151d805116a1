package live

import (
	"sync"
	"time"

	"mailsim/sim"
)

// subscriberBuffer is how many events a subscriber may fall behind before it
// is dropped. A burst of a few hundred events is a whole lecture's worth of
// typing; a subscriber further behind is stuck, and the wire must not wait.
const subscriberBuffer = 256

// hub numbers the lab's events, keeps the latest ones and hands them to
// subscribers. Publishing never blocks: a subscriber whose buffer is full is
// dropped and its channel closed, so it can reconnect and read History.
type hub struct {
	mu      sync.Mutex
	now     func() time.Time
	start   time.Time
	seq     int
	ring    []sim.Event // the latest events, oldest at next once full
	next    int
	full    bool
	subs    map[chan sim.Event]struct{}
	stopped bool
}

func newHub(keep int, now func() time.Time) *hub {
	return &hub{now: now, start: now(), ring: make([]sim.Event, keep), subs: map[chan sim.Event]struct{}{}}
}

// publish stamps events, in place, with sequence numbers and the time
// since the lab started, in the order given, delivers them, and returns
// them stamped (nil once the lab has stopped).
func (h *hub) publish(events ...sim.Event) []sim.Event {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stopped || len(events) == 0 {
		return nil
	}
	at := h.now().Sub(h.start)
	for i := range events {
		events[i].Seq, events[i].Time, events[i].Ms = h.seq, at, at.Milliseconds()
		e := events[i]
		h.seq++
		h.ring[h.next] = e
		h.next = (h.next + 1) % len(h.ring)
		h.full = h.full || h.next == 0
		for ch := range h.subs {
			select {
			case ch <- e:
			default:
				delete(h.subs, ch)
				close(ch)
			}
		}
	}
	return events
}

// subscribe returns a channel of every event from now on and a function that
// ends the subscription; the channel is closed when the subscriber is
// dropped, cancelled, or the lab closes.
func (h *hub) subscribe() (<-chan sim.Event, func()) {
	ch := make(chan sim.Event, subscriberBuffer)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stopped {
		close(ch)
		return ch, func() {}
	}
	h.subs[ch] = struct{}{}
	return ch, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if _, ok := h.subs[ch]; ok {
			delete(h.subs, ch)
			close(ch)
		}
	}
}

// history returns the kept events, oldest first.
func (h *hub) history() []sim.Event {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.full {
		return append([]sim.Event(nil), h.ring[:h.next]...)
	}
	return append(append([]sim.Event(nil), h.ring[h.next:]...), h.ring[:h.next]...)
}

// stop closes every subscription; later events are not published.
func (h *hub) stop() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.stopped = true
	for ch := range h.subs {
		delete(h.subs, ch)
		close(ch)
	}
}
