package player

import (
	"encoding/json"
	"slices"
	"testing"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/web/view"
	"mailsim/web/webtest"
)

// TestLadderDrawsTheEventsSideAndClass recolours every reply of a shipped
// scenario and takes the side off every command: the ladder must follow,
// colouring by the class given and naming the kind of a line with no side.
func TestLadderDrawsTheEventsSideAndClass(t *testing.T) {
	spec, ok := webtest.Shipped(t).Get("two-systems")
	if !ok {
		t.Fatal("no scenario two-systems")
	}
	run, err := (&totals{}).get(spec)
	if err != nil {
		t.Fatal(err)
	}
	trace := slices.Clone(run.trace)
	for i, e := range trace {
		switch e.Kind {
		case sim.KindReply:
			trace[i].Class = 4
		case sim.KindCommand:
			trace[i].Side = ""
		}
	}
	d := newLadder(spec, trace, len(trace), lang.EN)
	replies, commands := 0, 0
	for _, r := range d.Rows {
		switch e := trace[r.Seq]; e.Kind {
		case sim.KindReply:
			replies++
			if r.Class != "c4" {
				t.Errorf("row %d (%s): class %q, want c4", r.Seq, e.Line, r.Class)
			}
		case sim.KindCommand:
			commands++
			if want := explain(lang.EN, "sim.kind.command"); r.Label != want {
				t.Errorf("row %d (%s): label %q, want %q", r.Seq, e.Line, r.Label, want)
			}
		}
	}
	if replies == 0 || commands == 0 {
		t.Fatalf("%d replies and %d commands drawn", replies, commands)
	}
}

// TestFrameEventsCarrySideAndClass checks the JSON the browser reads: the
// events of a shipped scenario carry their side and class, which
// transcript.js and inspector.js draw without working them out.
func TestFrameEventsCarrySideAndClass(t *testing.T) {
	spec, ok := webtest.Shipped(t).Get("two-systems")
	if !ok {
		t.Fatal("no scenario two-systems")
	}
	run, err := (&totals{}).get(spec)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range run.trace {
		b, err := json.Marshal(view.FrameEvent{Event: e, Text: "why"})
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			Kind, Side string
			Class      int
		}
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		switch got.Kind {
		case "command", "reply":
			seen[got.Kind] = true
			if got.Side != string(e.Side) || got.Side == "" || (got.Kind == "reply") != (got.Class > 0) {
				t.Errorf("event %d: %s", e.Seq, b)
			}
		}
	}
	if !seen["command"] || !seen["reply"] {
		t.Fatalf("two-systems has no command or no reply: %v", seen)
	}
}
