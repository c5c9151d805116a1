package scenarios

import (
	"testing"

	"mailsim/sim"
)

// BenchmarkRun measures one whole run of each scenario: what stepping back
// costs, since a step back is a replay from the start.
func BenchmarkRun(b *testing.B) {
	for _, spec := range library(b).List() {
		b.Run(spec.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := sim.Run(spec, sim.EventLimit); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
