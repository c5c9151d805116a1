package pop3

import (
	"slices"
	"testing"
)

// TestCommandsMatchTheMachine feeds every verb the server knows in both
// states that read commands: a verb Commands lists is never answered "not
// valid in this state", and every other known verb is.
func TestCommandsMatchTheMachine(t *testing.T) {
	for _, state := range []State{Authorization, Transaction} {
		valid := Commands(state)
		if len(valid) == 0 {
			t.Errorf("Commands(%s) is empty", state)
		}
		for _, verb := range commands {
			s := newSession(t, newStore(t, 1), Config{})
			if state == Transaction {
				s.login()
			}
			out := s.srv.Feed([]byte(verb + " 1"))
			misplaced := out.Key == KeyWrongState
			if listed := slices.Contains(valid, verb); listed == misplaced {
				t.Errorf("in %s, %s got %q (%s) but Commands lists it: %v", state, verb, out.Lines[0], out.Key, listed)
			}
		}
	}
	for _, s := range []State{Connected, Update, Closed} {
		if c := Commands(s); len(c) != 0 {
			t.Errorf("Commands(%s) = %v, want none", s, c)
		}
	}
}
