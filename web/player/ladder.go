package player

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/web/view"
)

// The ladder's geometry in SVG user units: one lane per agent, one row per
// event, top to bottom in delivery order.
const (
	laneGap    = 128 // the least distance between lifelines
	laneMargin = 16  // left and right of the outermost labels
	labelPad   = 14  // the least room between two labels side by side
	ladderHead = 78  // the host names and the lanes' labels, on two lines at most
	rowH       = 30
	labelMax   = 30 // runes of a line shown on an arrow; the tooltip has all
	fewLanes   = 4

	// Widths of a character, a little over DejaVu's, from which labels are
	// kept apart: of a lane's label (14 px bold) and of a host name (11 px
	// monospace). A browser test measures the real boxes.
	laneCharW = 9.6
	hostCharW = 6.8
	rowCharW  = 8.5 // a row label's, 14 px monospace
)

// ladder is a whole trace as a sequence diagram. It is drawn with
// presentation attributes rather than classes alone, so that the same SVG
// downloaded for a slide keeps its colours without the page's stylesheet.
type ladder struct {
	Width, Height int
	Few           bool // few enough lanes to stand beside the topology on any screen
	Lanes         []lane
	Hosts         []laneHost
	Rows          []ladderRow
}

// lane is one agent's lifeline, its label on one or two lines.
type lane struct {
	X     int
	Lines []string
}

// laneHost is a host's name, once above the lanes of its agents.
type laneHost struct {
	X    int
	Name string
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
	var d ladder
	lanes := map[string]int{}
	x, right := 0.0, 0.0 // the last lane's X and the right end of its label
	hostRight := 0.0     // the right end of the last host name
	place := func(ids, labels []string, host string) {
		first := len(d.Lanes)
		for i, id := range ids {
			ln := lane{Lines: wrapLabel(labels[i])}
			half := widest(ln.Lines, laneCharW) / 2
			if first == 0 && i == 0 {
				x = laneMargin + half
			} else {
				x = max(x+laneGap, right+labelPad+half)
			}
			right = x + half
			ln.X = int(x)
			lanes[id] = ln.X
			d.Lanes = append(d.Lanes, ln)
		}
		if host == "" || len(d.Lanes) == first {
			return
		}
		// A host name wider than its lanes' span may push them right.
		half := float64(utf8.RuneCountInString(host)) * hostCharW / 2
		mid := float64(d.Lanes[first].X+d.Lanes[len(d.Lanes)-1].X) / 2
		if shift := int(math.Ceil(hostRight + labelPad + half - mid)); hostRight > 0 && shift > 0 {
			for j := first; j < len(d.Lanes); j++ {
				d.Lanes[j].X += shift
			}
			for _, id := range ids {
				lanes[id] += shift
			}
			mid, x, right = mid+float64(shift), x+float64(shift), right+float64(shift)
		}
		hostRight = mid + half
		right = max(right, hostRight)
		d.Hosts = append(d.Hosts, laneHost{X: int(mid), Name: host})
	}
	for _, h := range spec.Hosts {
		var ids, labels []string
		for _, a := range h.Agents {
			if used[a.ID] {
				ids, labels = append(ids, a.ID), append(labels, a.Label.In(l))
			}
		}
		place(ids, labels, h.Name)
	}
	if used[sim.DNSAgent] {
		place([]string{sim.DNSAgent}, []string{"DNS"}, "")
	}
	d.Width = int(right) + laneMargin
	d.Few = len(d.Lanes) <= fewLanes
	for i, e := range trace {
		x1, ok := lanes[e.From]
		if !ok {
			continue
		}
		r := ladderRow{Seq: e.Seq, Y: ladderHead + i*rowH + rowH/2, X1: x1, X2: x1,
			Kind: string(e.Kind), Dir: string(e.Dir), Future: i >= step, Current: i == step-1}
		if x2, ok := lanes[e.To]; ok && x2 != x1 && e.Kind != sim.KindStore { // a store goes into a mailbox, not to an agent
			r.X2, r.Arrow = x2, true
		}
		first, _, _ := strings.Cut(e.Line, "\r\n")
		if e.Line == "" || e.Side == "" { // narration: name the kind
			first = explain(l, "sim.kind."+string(e.Kind))
			if e.Kind == sim.KindStore && e.Box != "" {
				first += " → " + e.Box
			}
		}
		if e.Kind == sim.KindReply {
			r.Code = token(e) // the status alone: "+OK", not predict's "+OK …"
			r.Class = view.ClassCSS(e.Class)
			// The code and the rest meet as on the wire: "250-" for a
			// multiline reply's first line, one space otherwise.
			if rest := strings.TrimPrefix(first, r.Code); rest != "" && !strings.HasPrefix(rest, "-") {
				first = " " + strings.TrimLeft(rest, " ")
			} else {
				first = rest
			}
		}
		if n := strings.Count(e.Line, "\r\n"); n > 0 && e.Kind != sim.KindConnect {
			first += " (+" + strconv.Itoa(n) + ")"
		}
		r.Label = shorten(first, labelMax)
		if !r.Arrow { // a dot's label runs to the right of its lane: widen the diagram to hold it
			d.Width = max(d.Width, r.labelX()+int(float64(utf8.RuneCountInString(r.Code+r.Label))*rowCharW)+laneMargin)
		}
		r.Tooltip = strings.TrimSpace(strings.ReplaceAll(e.Line, "\r\n", "\n") + "\n" + explain(l, e.Key))
		d.Rows = append(d.Rows, r)
	}
	d.Height = ladderHead + len(trace)*rowH + rowH/2
	return d
}

// wrapLabel breaks a lane's label at the space nearest its middle when it
// is wider than a lane, so that neighbours' labels need no wider gap.
func wrapLabel(s string) []string {
	if float64(utf8.RuneCountInString(s))*laneCharW <= laneGap-labelPad {
		return []string{s}
	}
	return view.SplitMiddle(s)
}

// widest is the estimated width of the longest of lines.
func widest(lines []string, charW float64) float64 {
	n := 0
	for _, l := range lines {
		n = max(n, utf8.RuneCountInString(l))
	}
	return float64(n) * charW
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
	return URL(name) + "/ladder.svg?step=" + strconv.Itoa(step) + "&lang=" + string(l)
}
