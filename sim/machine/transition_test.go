package machine_test

import (
	"fmt"
	"slices"
	"testing"

	"mailsim/sim/imap"
	"mailsim/sim/machine"
	"mailsim/sim/pop3"
	"mailsim/sim/smtp"
)

// TestTransitionsDrawEveryState checks each protocol's transition list
// against its states: every arrow joins two different listed states, none
// is listed twice, and every state has an arrow, so that no box of a
// diagram stands alone. Which transitions the scenarios take is checked by
// the web's diagram test, which replays them.
func TestTransitionsDrawEveryState(t *testing.T) {
	check(t, "smtp", smtp.States, smtp.Transitions)
	check(t, "pop3", pop3.States, pop3.Transitions)
	check(t, "imap", imap.States, imap.Transitions)
}

func check[S interface {
	comparable
	fmt.Stringer
}](t *testing.T, proto string, states []S, ts []machine.Transition[S]) {
	t.Helper()
	if len(ts) == 0 {
		t.Fatalf("%s lists no transition", proto)
	}
	joined := map[S]bool{}
	seen := map[[2]S]bool{}
	for _, tr := range ts {
		name := tr.From.String() + ">" + tr.To.String()
		if !slices.Contains(states, tr.From) || !slices.Contains(states, tr.To) || tr.From == tr.To {
			t.Errorf("%s %s joins states the diagram does not draw", proto, name)
		}
		if pair := [2]S{tr.From, tr.To}; seen[pair] {
			t.Errorf("%s %s is listed twice", proto, name)
		} else {
			seen[pair] = true
		}
		if tr.Label == "" {
			t.Errorf("%s %s has no label", proto, name)
		}
		joined[tr.From], joined[tr.To] = true, true
	}
	for _, s := range states {
		if !joined[s] {
			t.Errorf("%s state %s has no transition", proto, s)
		}
	}
}
