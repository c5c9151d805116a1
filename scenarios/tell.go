package scenarios

import (
	"slices"

	"mailsim/lang"
	"mailsim/sim"
)

// tell makes one spec per language from what the file said, each with its
// messages' subjects and bodies in that language and everything else
// shared, and links them so that each finds the others.
func (p *parser) tell() []*sim.Spec {
	out := make([]*sim.Spec, len(lang.All))
	for i, l := range lang.All {
		s := *p.spec
		s.Lang = l
		s.Sends = slices.Clone(p.spec.Sends)
		for j := range s.Sends {
			s.Sends[j].Subject, s.Sends[j].Body = p.texts[j].subject.In(l), p.texts[j].body.In(l)
		}
		out[i] = &s
	}
	sim.Tell(out...)
	return out
}
