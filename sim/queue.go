package sim

import (
	"container/heap"
	"time"
)

// pending is one scheduled happening. Its action runs when the clock reaches
// at and returns the one Event it produced.
type pending struct {
	at     time.Duration
	seq    int // order of scheduling, to break ties deterministically
	action func() Event
}

// agenda is the event queue: a heap ordered by time, then by scheduling order.
type agenda []pending

func (a agenda) Len() int { return len(a) }
func (a agenda) Less(i, j int) bool {
	if a[i].at != a[j].at {
		return a[i].at < a[j].at
	}
	return a[i].seq < a[j].seq
}
func (a agenda) Swap(i, j int) { a[i], a[j] = a[j], a[i] }
func (a *agenda) Push(x any)   { *a = append(*a, x.(pending)) }
func (a *agenda) Pop() any {
	old := *a
	p := old[len(old)-1]
	*a = old[:len(old)-1]
	return p
}

// schedule queues action to run delay after the current virtual time.
func (w *World) schedule(delay time.Duration, action func() Event) {
	w.scheduled++
	heap.Push(&w.agenda, pending{at: w.now + delay, seq: w.scheduled, action: action})
}
