package main

import (
	"strings"
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

func TestReadHead(t *testing.T) {
	h, err := readHead(strings.NewReader(`{"step":3,"total":9,"from":2,"events":[{"seq":2}],"mailboxes":[{"raw":"…"}]}`))
	if err != nil || h.Step != 3 || h.Total != 9 || h.From != 2 || len(h.Events) != 1 {
		t.Errorf("a frame read as %+v, %v", h, err)
	}
	h, err = readHead(strings.NewReader(`{"mailboxes":[],"events":[],"from":4,"total":9,"step":4}`))
	if err != nil || h.Step != 4 || h.From != 4 || len(h.Events) != 0 {
		t.Errorf("a frame in another order read as %+v, %v", h, err)
	}
	for _, bad := range []string{`[1,2]`, `{"step":1,"total":2}`, `{"step":"x","total":2,"from":0,"events":[]}`, ``} {
		if _, err := readHead(strings.NewReader(bad)); err == nil {
			t.Errorf("%q was read as a frame", bad)
		}
	}
}
