package web

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"mailsim/lang"
	"mailsim/sim"
)

// The ladder's geometry in SVG user units: one lane per agent, one row per
// event, top to bottom in delivery order.
const (
	laneGap    = 128
	laneMargin = 72 // about half a lane, so the outer labels fit
	ladderHead = 58 // the lanes' labels
	rowH       = 30
	labelMax   = 30 // runes of a line shown on an arrow; the tooltip has all
	fewLanes   = 4
)

// ladder is a whole trace as a sequence diagram. It is drawn with
// presentation attributes rather than classes alone, so that the same SVG
// downloaded for a slide keeps its colours without the page's stylesheet.
type ladder struct {
	Width, Height int
	Few           bool // few enough lanes to stand beside the topology on any screen
	Lanes         []lane
	Rows          []ladderRow
}

type lane struct {
	X           int
	Label, Host string
}

// ladderRow is one event: an arrow from lane X1 to lane X2, or a dot on
// lane X1 when the event has no receiver.
type ladderRow struct {
	Seq            int
	Y              int
	X1, X2         int
	Arrow          bool
	Kind, Dir      string
	Code, Class    string // a reply's code or POP3 status, coloured by class
	Label, Tooltip string
	Future         bool // after the step shown: hidden in the page, left out of an export
	Current        bool
}

// ladderColours are the push, pull and local colours of style.css, and the
// reply classes', for the standalone SVG.
var ladderColours = map[string]string{
	"push": "#1d4ed8", "pull": "#047857", "local": "#6b7280",
	"c2": "#047857", "c3": "#1d4ed8", "c4": "#b45309", "c5": "#b91c1c",
}

// newLadder draws trace with lanes for the agents it involves, in the
// topology's order, and marks the rows after step as future.
func newLadder(spec *sim.Spec, trace []sim.Event, step int, l lang.Lang) ladder {
	used := map[string]bool{}
	for _, e := range trace {
		used[e.From], used[e.To] = true, true
	}
	lanes := map[string]int{}
	var d ladder
	add := func(id, label, host string) {
		if used[id] {
			lanes[id] = laneMargin + len(d.Lanes)*laneGap
			d.Lanes = append(d.Lanes, lane{X: lanes[id], Label: label, Host: host})
		}
	}
	for _, h := range spec.Hosts {
		for _, a := range h.Agents {
			add(a.ID, a.Label.In(l), h.Name)
		}
	}
	add(sim.DNSAgent, "DNS", "")
	d.Width = 2*laneMargin + max(len(d.Lanes)-1, 0)*laneGap
	d.Few = len(d.Lanes) <= fewLanes
	for i, e := range trace {
		x1, ok := lanes[e.From]
		if !ok {
			continue
		}
		r := ladderRow{Seq: e.Seq, Y: ladderHead + i*rowH + rowH/2, X1: x1, X2: x1,
			Kind: string(e.Kind), Dir: string(e.Dir), Future: i >= step, Current: i == step-1}
		if x2, ok := lanes[e.To]; ok && x2 != x1 {
			r.X2, r.Arrow = x2, true
		}
		first, _, _ := strings.Cut(e.Line, "\r\n")
		if e.Line == "" || e.Kind != sim.KindCommand && e.Kind != sim.KindReply && e.Kind != sim.KindData &&
			e.Kind != sim.KindDNSQuery && e.Kind != sim.KindDNSAnswer {
			first = explain(l, "sim.kind."+string(e.Kind))
		}
		if e.Kind == sim.KindReply {
			r.Code = answer(e)
			r.Class = replyClass(e)
			first = strings.TrimPrefix(first, r.Code)
		}
		if n := strings.Count(e.Line, "\r\n"); n > 0 && e.Kind != sim.KindConnect {
			first += " (+" + strconv.Itoa(n) + ")"
		}
		r.Label = shorten(first, labelMax)
		r.Tooltip = strings.TrimSpace(strings.ReplaceAll(e.Line, "\r\n", "\n") + "\n" + explain(l, e.Key))
		d.Rows = append(d.Rows, r)
	}
	d.Height = ladderHead + len(trace)*rowH + rowH/2
	return d
}

// replyClass is the colour class of a reply: c2..c5 by an SMTP code's first
// digit, c2 and c5 for POP3's +OK and -ERR.
func replyClass(e sim.Event) string {
	switch {
	case e.Code > 0:
		return "c" + strconv.Itoa(e.Code/100)
	case strings.HasPrefix(e.Line, "+OK"):
		return "c2"
	case strings.HasPrefix(e.Line, "-ERR"):
		return "c5"
	}
	return ""
}

// shorten cuts s to at most n runes, marking the cut with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// labelX is where a row's label is centred: mid-arrow, or beside its dot.
func (r ladderRow) labelX() int {
	if r.Arrow {
		return (r.X1 + r.X2) / 2
	}
	return r.X1 + 14
}

// colour is the row's stroke: the colour of its direction.
func (r ladderRow) colour() string { return ladderColours[r.Dir] }

// ladderURL is the SVG download of scenario name's ladder up to step.
func ladderURL(name string, step int, l lang.Lang) string {
	return playURL(name) + "/ladder.svg?step=" + strconv.Itoa(step) + "&lang=" + string(l)
}
