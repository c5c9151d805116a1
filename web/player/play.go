package player

import (
	"errors"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/web/view"
)

// playerView is everything player.templ draws for one scenario at one step.
// The page shows the same state the websocket would send for that step, so a
// link with ?step=N opens that moment even before the script connects.
type playerView struct {
	Name, Title string
	Topo        view.Topology
	Frame       *frame
	Lines       []view.TranscriptLine
	Machines    []view.Machine
	Ladder      ladder
	Envelope    view.Envelope
	Asks        bool // whether predict mode has a question: scenario 1 has no server replies
	// Why and WhyTitle link to the lesson the scenario illustrates; "" for none.
	Why, WhyTitle string
}

// play renders the player page for /play/{name}?step=N.
func (a *Section) play(w http.ResponseWriter, r *http.Request) {
	l := view.PageLang(w, r)
	name := r.PathValue("name")
	spec, ok := a.specFor(name, r.URL.Query().Get("msg"), l)
	if !ok {
		a.noScenario(w, r, l, name)
		return
	}
	f, err := a.totals.frameAt(spec, parseStep(r.URL.Query().Get("step")), 0, l)
	if err != nil {
		view.InternalError(w, r, a.log, l, err)
		return
	}
	run, err := a.totals.get(spec)
	if err != nil {
		view.InternalError(w, r, a.log, l, err)
		return
	}
	v := newPlayerView(spec, f, run, l)
	v.Why, v.WhyTitle = a.why(spec.Name, l)
	view.Render(w, r, a.log, http.StatusOK, playerPage(view.NewMeta(r, l, v.Title), v))
}

// parseStep reads the step parameter. Anything that is not a number opens the
// start; frameAt clamps numbers to the scenario's length.
func parseStep(s string) int {
	n, err := strconv.Atoi(s)
	if errors.Is(err, strconv.ErrRange) && n > 0 {
		return math.MaxInt
	}
	if err != nil {
		return 0
	}
	return n
}

func newPlayerView(spec *sim.Spec, f *frame, r *run, l lang.Lang) playerView {
	v := playerView{Name: spec.Name, Title: spec.Title.In(l), Topo: view.NewTopology(spec, l), Frame: f,
		Machines: view.Machines(l), Ladder: newLadder(spec, r.trace, f.Step, l), Asks: slices.ContainsFunc(r.trace, asked)}
	v.Lines = lines(f, v.Topo)
	v.Envelope = envelope(f, v.Topo)
	return v
}

// lines are frame f's events as the transcript draws them.
func lines(f *frame, topo view.Topology) []view.TranscriptLine {
	var out []view.TranscriptLine
	for _, e := range f.Events {
		out = append(out, view.NewTranscriptLine(e, topo.Who))
	}
	return out
}

// envelope is where frame f's message rests on topo and what it moved
// last, and how many messages each mailbox holds.
func envelope(f *frame, topo view.Topology) view.Envelope {
	mo := f.Motion
	env := view.Envelope{From: mo.From, To: mo.To, Dir: mo.Dir, Held: map[string]int{}}
	for _, b := range f.Mailboxes {
		for _, m := range b.Messages {
			if !m.Deleted {
				env.Held[strings.ToLower(b.Address)]++
			}
		}
	}
	if c, ok := topo.Chip(mo.Rest); ok {
		env.Shown, env.X, env.Y = true, c.DockX, c.DockY
	}
	return env
}

// URL is the player page of scenario name.
func URL(name string) string {
	return "/play/" + url.PathEscape(name)
}
