package web

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
)

// playerView is everything player.templ draws for one scenario at one step.
// The page shows the same state the websocket would send for that step, so a
// link with ?step=N opens that moment even before the script connects.
type playerView struct {
	Name, Title string
	Topo        topology
	Frame       *frame
	Lines       []transcriptLine
	Machines    []machine
	Ladder      ladder
	Envelope    envelope
	Asks        bool // whether predict mode has a question: scenario 1 has no server replies
}

// envelope is where the topology's envelope rests: on the chip the message
// reached last (see motion). From and To are the chips of the last step,
// which are marked. Held is how many messages each mailbox holds, by
// address in lower case, for the mailbox chips.
type envelope struct {
	Shown    bool
	X, Y     int
	Dir      string
	From, To string
	Held     map[string]int
}

// play renders the player page for /play/{name}?step=N.
func (a *app) play(w http.ResponseWriter, r *http.Request) {
	l := pageLang(w, r)
	name := r.PathValue("name")
	spec, ok := a.specFor(name, r.URL.Query().Get("msg"), l)
	if !ok {
		a.noScenario(w, r, l, name)
		return
	}
	f, err := a.totals.frameAt(spec, parseStep(r.URL.Query().Get("step")), 0, l)
	if err != nil {
		a.internalError(w, r, l, err)
		return
	}
	run, err := a.totals.get(spec)
	if err != nil {
		a.internalError(w, r, l, err)
		return
	}
	v := newPlayerView(spec, f, run, l)
	a.render(w, r, http.StatusOK, playerPage(newMeta(r, l, v.Title), v))
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
	v := playerView{Name: spec.Name, Title: spec.Title.In(l), Topo: newTopology(spec, l), Frame: f,
		Machines: machines(l), Ladder: newLadder(spec, r.trace, f.Step, l), Asks: slices.ContainsFunc(r.trace, asked)}
	for _, e := range f.Events {
		v.Lines = append(v.Lines, newTranscriptLine(e, v.Topo.who))
	}
	mo := f.Motion
	v.Envelope = envelope{From: mo.From, To: mo.To, Dir: mo.Dir, Held: map[string]int{}}
	for _, b := range f.Mailboxes {
		for _, m := range b.Messages {
			if !m.Deleted {
				v.Envelope.Held[strings.ToLower(b.Address)]++
			}
		}
	}
	if c, ok := v.Topo.chip(mo.Rest); ok {
		v.Envelope.Shown, v.Envelope.X, v.Envelope.Y = true, c.DockX, c.DockY
	}
	return v
}

// playURL is the player page of scenario name.
func playURL(name string) string {
	return "/play/" + url.PathEscape(name)
}
