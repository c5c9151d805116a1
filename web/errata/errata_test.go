package errata

import (
	"slices"
	"strings"
	"testing"
)

// TestPOP3Replay: mailsim's own server, given the lecture's POP3 commands,
// answers each with +OK, and RETR 2 with message 2 of 912 octets.
func TestPOP3Replay(t *testing.T) {
	got := pop3Replay()
	var commands, oks int
	for i, l := range got {
		if strings.HasPrefix(l, "C: ") {
			commands++
			if i+1 < len(got) && strings.HasPrefix(got[i+1], "S: +OK") {
				oks++
			}
		}
	}
	if commands != 8 || oks != commands {
		t.Errorf("%d of %d commands answered +OK", oks, commands)
	}
	for _, want := range []string{"S: +OK 912 octets", "S: <message 2 contents>"} {
		if !slices.Contains(got, want) {
			t.Errorf("the replay lacks %q", want)
		}
	}
}
