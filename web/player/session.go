package player

import (
	"slices"

	"mailsim/sim"
	"mailsim/web/view"
)

// session is one connection in a trace: the indices of its events from its
// connect to its disconnect, between one client and one server agent.
// Sessions of several connections interleave in a trace (a DNS answer can
// arrive between a QUIT and its 221), so a session is found by its agents,
// not by position.
type session struct {
	proto          string
	client, server string
	events         []int
}

// sessionAt returns the session event i belongs to, or false when i is not
// part of a connection (narration, DNS, a local hand-over).
func sessionAt(trace []sim.Event, i int) (session, bool) {
	e := trace[i]
	if !slices.Contains(view.Diagrammed, e.Proto) || e.To == "" {
		return session{}, false
	}
	member := func(x sim.Event) bool {
		return x.Proto == e.Proto && (x.From == e.From && x.To == e.To || x.From == e.To && x.To == e.From)
	}
	start := -1
	for j := i; j >= 0; j-- {
		if member(trace[j]) && trace[j].Kind == sim.KindConnect {
			start = j
			break
		}
	}
	if start < 0 {
		return session{}, false
	}
	s := session{proto: e.Proto, client: trace[start].From, server: trace[start].To}
	for j := start; j < len(trace); j++ {
		if !member(trace[j]) {
			continue
		}
		if j > start && trace[j].Kind == sim.KindConnect {
			break
		}
		s.events = append(s.events, j)
		if trace[j].Kind == sim.KindDisconnect {
			break
		}
	}
	return s, true
}

// requests pairs each reply of the session with what it answers: the
// connection itself for the greeting, then each command or message text in
// order, since a server answers in the order it is asked. The map goes from
// a reply's index to its request's index.
func (s session) requests(trace []sim.Event) map[int]int {
	var asked []int
	answered := map[int]int{}
	for _, j := range s.events {
		switch trace[j].Kind {
		case sim.KindConnect, sim.KindCommand, sim.KindData:
			asked = append(asked, j)
		case sim.KindReply:
			if len(asked) > 0 {
				answered[j] = asked[0]
				asked = asked[1:]
			}
		}
	}
	return answered
}

// machineAt finds the diagram state after the first step events of trace.
// Before the first session it is the diagram of the protocol that comes
// first, with no state lit; a trace with no session at all, as in scenario
// 1, where everything happens on one system, has none (Proto "").
func machineAt(trace []sim.Event, step int) view.MachineState {
	for i := step - 1; i >= 0; i-- {
		e := trace[i]
		if e.State == "" || !slices.Contains(view.Diagrammed, e.Proto) {
			continue
		}
		m := view.MachineState{Proto: e.Proto, State: e.State}
		if s, ok := sessionAt(trace, i); ok {
			for _, j := range s.events {
				if j >= i {
					break
				}
				if trace[j].State != "" {
					m.From = trace[j].State
				}
			}
		}
		if m.From == m.State {
			m.From = ""
		}
		return m
	}
	for _, e := range trace[step:] {
		if e.State != "" && slices.Contains(view.Diagrammed, e.Proto) {
			return view.MachineState{Proto: e.Proto}
		}
	}
	return view.MachineState{}
}
