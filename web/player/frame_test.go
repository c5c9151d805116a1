package player

import (
	"encoding/json"
	"runtime"
	"testing"

	"github.com/gorilla/websocket"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/web/webtest"
)

// TestWireIsTheFrame: the bytes the socket sends, written from the index,
// are the JSON of the frame worked out afresh, at every step of every
// shipped scenario in both languages, whatever the client says it holds.
func TestWireIsTheFrame(t *testing.T) {
	rs := &totals{}
	for _, spec := range webtest.Shipped(t).List() {
		for _, l := range lang.All {
			spec := spec.In(l)
			r, err := rs.get(spec)
			if err != nil {
				t.Fatal(err)
			}
			total := len(r.trace)
			for step := range total + 1 {
				for _, have := range []int{0, step - 1, step, total, -3, 1 << 40} {
					got, err := rs.wireAt(spec, step, have, l)
					if err != nil {
						t.Fatal(err)
					}
					f, err := rs.frameAt(spec, step, have, l)
					if err != nil {
						t.Fatal(err)
					}
					want, err := json.Marshal(f)
					if err != nil {
						t.Fatal(err)
					}
					if string(got) != string(want) {
						t.Fatalf("%s in %s, step %d, have %d: the socket sends\n%s\nthe frame is\n%s", spec.Name, l, step, have, got, want)
					}
				}
			}
		}
	}
}

// TestFrameDoesNotGrowWithTheStep walks lan-both as the player does, each
// goto saying how many events the page holds: the last step's frame is
// about the size of the first's, where it used to carry every event.
func TestFrameDoesNotGrowWithTheStep(t *testing.T) {
	rs := &totals{}
	spec := lanBoth(t)
	r, err := rs.get(spec)
	if err != nil {
		t.Fatal(err)
	}
	total := len(r.trace)
	size := func(step, have int) int {
		b, err := rs.wireAt(spec, step, have, lang.EN)
		if err != nil {
			t.Fatal(err)
		}
		return len(b)
	}
	first, last, whole := size(1, 0), size(total, total-1), size(total, 0)
	t.Logf("lan-both frame bytes: step 0 %d, step 1 %d, step %d %d (%d with every event, as a fresh page asks)",
		size(0, 0), first, total, last, whole)
	if last > 2*first {
		t.Errorf("the frame of the last step weighs %d bytes, more than twice the first step's %d", last, first)
	}
	if whole <= last {
		t.Errorf("a page that holds no events is sent %d bytes at the end, no more than one that holds all but one (%d)", whole, last)
	}
}

// TestIndexMemory measures what a run and its index keep on the heap, for
// lan-both and for the scenario whose run weighs most, and bounds it: the
// cache keeps up to runLimit runs.
func TestIndexMemory(t *testing.T) {
	const most = 1 << 20
	heaviest, weight := "", 0
	for _, spec := range webtest.Shipped(t).List() {
		n := runBytes(t, spec.In(lang.EN))
		if n > weight {
			heaviest, weight = spec.Name, n
		}
		if spec.Name == "lan-both" {
			t.Logf("lan-both: %d bytes a run", n)
		}
	}
	t.Logf("the heaviest run, %s: %d bytes", heaviest, weight)
	if weight > most {
		t.Errorf("the run of %s keeps %d bytes, more than %d", heaviest, weight, most)
	}
}

// runBytes is how much the heap grows by while one run of spec is kept.
func runBytes(t *testing.T, spec *sim.Spec) int {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r, err := play(spec)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(r)
	return int(after.HeapAlloc) - int(before.HeapAlloc)
}

// lanBoth is scenario 4 as shipped, told in English.
func lanBoth(t testing.TB) *sim.Spec {
	t.Helper()
	spec, ok := webtest.Shipped(t).Get("lan-both")
	if !ok {
		t.Fatal(`scenario "lan-both" is not shipped`)
	}
	return spec.In(lang.EN)
}

// BenchmarkGotoLastStep is the server's work for one goto at the last step
// of lan-both, up to the bytes the socket writes: from a page that walked
// there (holding every event but the last) and from a fresh page.
func BenchmarkGotoLastStep(b *testing.B) {
	rs := &totals{}
	spec := lanBoth(b)
	r, err := rs.get(spec)
	if err != nil {
		b.Fatal(err)
	}
	total := len(r.trace)
	for _, c := range []struct {
		name string
		have int
	}{{"walked", total - 1}, {"fresh", 0}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := rs.wireAt(spec, total, c.have, lang.EN); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestSendAtSharesTheCommonFrames: the frames of a page walking forward and
// of one holding every event are prepared once and shared by every socket;
// any other frame is its own.
func TestSendAtSharesTheCommonFrames(t *testing.T) {
	rs := &totals{}
	spec := lanBoth(t)
	send := func(step, have int) *websocket.PreparedMessage {
		m, err := rs.sendAt(spec, step, have, lang.EN)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	if send(9, 8) != send(9, 8) || send(9, 9) != send(9, 57) || send(0, 0) != send(0, 5) {
		t.Error("the frames of a walking page or a page holding every event are prepared again")
	}
	if send(9, 8) == send(9, 9) || send(9, 3) == send(9, 3) {
		t.Error("different frames, or a frame asked for by one page only, are shared")
	}
}
