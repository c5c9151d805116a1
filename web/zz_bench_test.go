package web

import (
	"testing"

	"mailsim/lang"
)

func BenchmarkZZFrame(b *testing.B) {
	spec := twoSystems(b)
	var rs totals
	for b.Loop() {
		rs.frameAt(spec, 1000, lang.EN)
	}
}

func BenchmarkZZInspect(b *testing.B) {
	spec := twoSystems(b)
	var rs totals
	r, _ := rs.get(spec)
	for b.Loop() {
		r.inspect(1000)
	}
}
