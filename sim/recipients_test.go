package sim

import "testing"

// TestRecipientsByPolicy: the world's mail servers decide recipients with
// the one recipient policy, so a domain in capitals reaches the mailbox and
// the postmaster's mail goes to the host's first user, bob, who gets one
// copy for both, as a mailbox gets in the live lab.
func TestRecipientsByPolicy(t *testing.T) {
	spec := twoSystems()
	spec.Sends[0].To = []string{"Bob@B.EXAMPLE", "PostMaster@b.example"}
	events, err := Run(spec, EventLimit)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if e.Kind == KindReply && e.Code >= 400 {
			t.Errorf("refused: %s (%s)", e.Line, e.Key)
		}
	}
	w, _ := Replay(spec, len(events))
	if n := len(w.Mailbox("bob@b.example").Messages); n != 1 {
		t.Errorf("bob holds %d messages, want 1", n)
	}
}
