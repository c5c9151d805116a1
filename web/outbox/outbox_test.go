package outbox

import (
	"fmt"
	"mailsim/sim"
	"testing"
)

func TestMessageStore(t *testing.T) {
	var s Store
	first := s.Put([]byte("first"), "1")
	for i := range entries - 1 {
		s.Put(fmt.Appendf(nil, "message %d", i), "")
	}
	s.Put([]byte("first"), "1") // storing it again makes it the newest
	s.Put([]byte("one more"), "")
	if _, _, ok := s.Get(first); !ok {
		t.Errorf("a message stored again was evicted")
	}
	if _, _, ok := s.Get(Hash([]byte("message 0"))); ok {
		t.Errorf("the oldest message was kept past %d entries", entries)
	}
	if len(s.byHash) != entries || len(s.order) != entries {
		t.Errorf("the store holds %d/%d entries, want %d", len(s.byHash), len(s.order), entries)
	}

	base := &sim.Spec{Name: SendScenario, Sends: []sim.Send{{Subject: "old", Body: "old"}}}
	a, ok := s.SpecWith(base, first)
	b, _ := s.SpecWith(base, first)
	if !ok || a != b {
		t.Errorf("the same message gave different specs, so the player would run it twice")
	}
	if string(a.Sends[0].Raw) != "first" || a.Sends[0].Subject != "1" || a.Sends[0].Body != "" || base.Sends[0].Subject != "old" {
		t.Errorf("spec carries %q %q; the library's spec became %q", a.Sends[0].Raw, a.Sends[0].Subject, base.Sends[0].Subject)
	}
	if _, ok := s.SpecWith(base, "nope"); ok {
		t.Errorf("an unknown key gave a spec")
	}
}
