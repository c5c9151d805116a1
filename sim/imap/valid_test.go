package imap

import (
	"slices"
	"testing"
)

// TestCommandsCoverHandlers: the hint order names every command the server
// handles once, so that no command is missing from a hint line.
func TestCommandsCoverHandlers(t *testing.T) {
	for v := range handlers {
		if n := len(slices.DeleteFunc(slices.Clone(verbOrder), func(o string) bool { return o != v })); n != 1 {
			t.Errorf("%s appears %d times in verbOrder", v, n)
		}
	}
	if len(verbOrder) != len(handlers) {
		t.Errorf("verbOrder has %d verbs, the server %d", len(verbOrder), len(handlers))
	}
	if got := Commands(NotAuthenticated); !slices.Equal(got, []string{"LOGIN", "AUTHENTICATE", "STARTTLS", "CAPABILITY", "NOOP", "LOGOUT"}) {
		t.Errorf("NotAuthenticated: %v", got)
	}
	if got := Commands(Selected); got[0] != "FETCH" || !slices.Contains(got, "IDLE") || slices.Contains(got, "LOGIN") {
		t.Errorf("Selected: %v", got)
	}
	if got := Commands(Logout); len(got) != 0 {
		t.Errorf("Logout: %v", got)
	}
}
