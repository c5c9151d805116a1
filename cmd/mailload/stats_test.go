package main

import (
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ms := func(ns ...int) latencies {
		var l latencies
		for _, n := range ns {
			l = append(l, time.Duration(n)*time.Millisecond)
		}
		return l
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = 100 - i // given in decreasing order: sorted must order them
	}
	for _, c := range []struct {
		l    latencies
		p    float64
		want time.Duration
	}{
		{nil, 50, 0},
		{ms(7), 50, 7 * time.Millisecond},
		{ms(7), 99, 7 * time.Millisecond},
		{ms(3, 1, 2), 50, 2 * time.Millisecond},
		{ms(3, 1, 2), 100, 3 * time.Millisecond},
		{ms(4, 1, 3, 2), 50, 2 * time.Millisecond}, // nearest rank: the 2nd of 4
		{ms(hundred...), 50, 50 * time.Millisecond},
		{ms(hundred...), 99, 99 * time.Millisecond},
		{ms(hundred...), 99.5, 100 * time.Millisecond},
		{ms(hundred...), 1, 1 * time.Millisecond},
		{ms(hundred...), 0.001, 1 * time.Millisecond},
	} {
		if got := c.l.sorted().percentile(c.p); got != c.want {
			t.Errorf("p%v of %v: %v, want %v", c.p, c.l, got, c.want)
		}
	}
}

func TestSortedLeavesTheOriginal(t *testing.T) {
	l := latencies{3, 1, 2}
	l.sorted()
	if l[0] != 3 || l[1] != 1 || l[2] != 2 {
		t.Errorf("sorted reordered its receiver: %v", l)
	}
}
