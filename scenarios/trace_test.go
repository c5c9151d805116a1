package scenarios

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"mailsim/lang"
	"mailsim/sim"
)

var update = flag.Bool("update", false, "rewrite the golden traces in testdata/")

func library(t testing.TB) *Library {
	t.Helper()
	lib, errs := Load("")
	for _, err := range errs {
		t.Fatalf("embedded scenario does not load: %v", err)
	}
	return lib
}

// tellings is every shipped scenario in every language it is told in.
func tellings(t testing.TB) []*sim.Spec {
	var out []*sim.Spec
	for _, spec := range library(t).List() {
		for _, l := range lang.All {
			out = append(out, spec.In(l))
		}
	}
	return out
}

// goldenPath names a telling's golden trace: NAME.golden in English, and
// NAME.ro.golden in Romanian.
func goldenPath(spec *sim.Spec) string {
	if spec.Lang == lang.EN {
		return filepath.Join("testdata", spec.Name+".golden")
	}
	return filepath.Join("testdata", spec.Name+"."+string(spec.Lang)+".golden")
}

// jsonLines is the golden form of a trace: one event's stable JSON a line.
func jsonLines(t *testing.T, events []sim.Event) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, e := range events {
		if err := enc.Encode(e); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

// TestGoldenTraces compares every scenario's whole trace with its reviewed
// golden file. Run with -update after an intended change and review the diff.
func TestGoldenTraces(t *testing.T) {
	for _, spec := range tellings(t) {
		t.Run(spec.Name+"."+string(spec.Lang), func(t *testing.T) {
			events, err := sim.Run(spec, sim.EventLimit)
			if err != nil {
				t.Fatal(err)
			}
			got := jsonLines(t, events)
			path := goldenPath(spec)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no golden trace (run go test ./scenarios -update): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("trace of %s differs from %s (run with -update and review the diff)\ngot:\n%s", spec.Name, path, got)
			}
		})
	}
}

// TestDeterministic runs every scenario twice and expects identical traces.
func TestDeterministic(t *testing.T) {
	for _, spec := range tellings(t) {
		first, err := sim.Run(spec, sim.EventLimit)
		if err != nil {
			t.Fatal(err)
		}
		second, err := sim.Run(spec, sim.EventLimit)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(first, second) {
			t.Errorf("%s: two runs gave different traces", spec.Name)
		}
		if len(first) == 0 {
			t.Errorf("%s: empty trace", spec.Name)
		}
	}
}

// TestStepBackIsReplay walks a world forward one step at a time, recording
// its mailboxes, then steps back from every N: a replay to N-1 must give the
// same events and the same mailboxes as the forward walk had at N-1.
func TestStepBackIsReplay(t *testing.T) {
	for _, spec := range tellings(t) {
		w, err := sim.NewWorld(spec)
		if err != nil {
			t.Fatal(err)
		}
		boxes := []string{mailboxJSON(t, w)}
		for _, ok := w.Step(); ok; _, ok = w.Step() {
			boxes = append(boxes, mailboxJSON(t, w))
		}
		full := w.Trace()
		for n := len(full); n >= 1; n-- {
			back, err := sim.Replay(spec, n-1)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(back.Trace(), full[:n-1]) {
				t.Fatalf("%s: step back from %d does not give the first %d events", spec.Name, n, n-1)
			}
			if got := mailboxJSON(t, back); got != boxes[n-1] {
				t.Fatalf("%s: mailboxes after step back from %d differ from the forward walk:\n%s\n%s", spec.Name, n, got, boxes[n-1])
			}
		}
	}
}

func mailboxJSON(t *testing.T, w *sim.World) string {
	t.Helper()
	b, err := json.Marshal(w.Mailboxes())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
