package live

import (
	"testing"

	"mailsim/sim"
	"mailsim/sim/wire"
)

// explained reports whether some catalog explains key.
func explained(key string) bool {
	if _, ok := sim.Explain(key); ok {
		return true
	}
	if _, ok := Explanations[key]; ok {
		return true
	}
	_, ok := wire.Explanations[key]
	return ok
}

func TestExplanationsComplete(t *testing.T) {
	if m := Explanations.Missing(); len(m) > 0 {
		t.Errorf("lab keys missing a language: %v", m)
	}
	if m := wire.Explanations.Missing(); len(m) > 0 {
		t.Errorf("wire keys missing a language: %v", m)
	}
	for _, k := range disconnectKeys {
		if _, ok := Explanations[k]; !ok {
			t.Errorf("%s is not explained", k)
		}
	}
	for _, k := range []string{"lab.connect.smtp", "lab.connect.pop3", "lab.connect.imap",
		"lab.connect.console.smtp", "lab.connect.console.pop3", "lab.connect.console.imap", "sim.data.abandoned",
		"smtp.disconnect", "pop3.disconnect", "imap.disconnect", "sim.store", "sim.delete", wire.KeyIMAPTooMany} {
		if !explained(k) {
			t.Errorf("%s is not explained", k)
		}
	}
}
