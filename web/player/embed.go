package player

import (
	"strconv"

	"github.com/a-h/templ"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/web/view"
)

// embedView is what embed.templ draws: a scenario at a step, kept to the
// steps from..to, as a lesson shows it.
type embedView struct {
	Name, Title string
	Topo        view.Topology
	Frame       *frame
	Lines       []view.TranscriptLine
	Envelope    view.Envelope
	From, To    int
	Href        string // the full player at the same step
}

// Embed is scenario spec's player at step inside a lesson, its controls kept
// to the steps from..to (a to past the run's end, or 0, is the end). It is
// the player's own topology, envelope, transcript line and "now" panel,
// drawn here at step and then, in the browser, moved by frames from the
// player's own socket (player-embed.js, through feed.js), so that a lesson
// cannot show a run the player would not.
func (a *Section) Embed(spec *sim.Spec, step, from, to int, l lang.Lang) (templ.Component, error) {
	run, err := a.totals.get(spec)
	if err != nil {
		return nil, err
	}
	total := len(run.trace)
	if to <= 0 || to > total {
		to = total
	}
	from = min(max(from, 0), to)
	f, err := a.totals.frameAt(spec, min(max(step, from), to), 0, l)
	if err != nil {
		return nil, err
	}
	topo := view.NewTopology(spec, l)
	v := embedView{Name: spec.Name, Title: spec.Title.In(l), Topo: topo, Frame: f,
		Lines: lines(f, topo), Envelope: envelope(f, topo), From: from, To: to,
		Href: URL(spec.Name) + "?step=" + strconv.Itoa(f.Step) + "&lang=" + string(l)}
	return embedPlayer(l, v), nil
}
