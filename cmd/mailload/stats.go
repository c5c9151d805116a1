package main

import (
	"math"
	"slices"
	"time"
)

// latencies are the times from a goto sent to its frame received.
type latencies []time.Duration

// sorted returns the latencies in increasing order, for percentile.
func (l latencies) sorted() latencies {
	s := slices.Clone(l)
	slices.Sort(s)
	return s
}

// percentile is the nearest-rank p-th percentile (0 < p <= 100) of sorted
// latencies: the least one that at least p percent of them do not exceed,
// so that it is always a latency that was measured. It is 0 without any.
func (l latencies) percentile(p float64) time.Duration {
	if len(l) == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(len(l))))
	return l[min(max(rank, 1), len(l))-1]
}
