package view

import (
	"context"
	"strings"
	"testing"

	"mailsim/lang"
	"mailsim/sim"
)

// TestTranscriptDrawsTheEventsSideAndClass renders lines whose side and
// class disagree with what their kind and code would suggest: the
// transcript must show the event's fields, for it decides nothing itself.
func TestTranscriptDrawsTheEventsSideAndClass(t *testing.T) {
	for _, c := range []struct {
		e          sim.Event
		want, lack []string
	}{
		{sim.Event{Kind: sim.KindReply, Code: 250, Line: "250 ok", Side: sim.SideClient, Class: 4},
			[]string{">C:<", `class="code c4"`}, []string{"S:", "c2", "narration"}},
		{sim.Event{Kind: sim.KindNote, Line: "a note", Side: sim.SideServer},
			[]string{">S:<"}, []string{"C:", "narration"}},
		{sim.Event{Kind: sim.KindCommand, Line: "HELO pc"},
			[]string{"narration"}, []string{"C:", "S:"}},
	} {
		var b strings.Builder
		line := NewTranscriptLine(FrameEvent{Event: c.e}, func(id string) string { return id })
		if err := TranscriptItem(line, lang.EN).Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		html := strings.Join(strings.Fields(b.String()), "") // the side's span holds whitespace around its mark
		for _, w := range c.want {
			if !strings.Contains(html, strings.ReplaceAll(w, " ", "")) {
				t.Errorf("%s %q: no %s in %s", c.e.Kind, c.e.Line, w, b.String())
			}
		}
		for _, w := range c.lack {
			if strings.Contains(b.String(), w) {
				t.Errorf("%s %q: %s in %s", c.e.Kind, c.e.Line, w, b.String())
			}
		}
	}
}
