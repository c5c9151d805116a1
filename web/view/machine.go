package view

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"mailsim/lang"
	"mailsim/sim/imap"
	protocol "mailsim/sim/machine"
	"mailsim/sim/pop3"
	"mailsim/sim/smtp"
)

// The state diagram's geometry: the states in one row, transitions between
// neighbours as straight arrows in the gap, forward jumps as arcs above the
// row and steps back as arcs below it. An arc goes up (or down) from a port
// on its box to a level of its own, along, and back to its target's port:
// arcs that share boxes take different levels and ports, so that none
// crosses another's label.
const (
	stateW     = 132 // a box's least width; a longer state name widens every box
	stateH     = 52  // room for a name on two lines
	stateGap   = 44  // the least gap; a longer label between two neighbours widens theirs
	charW      = 11  // the width of a character of a state name, in the diagram's monospace
	labelCharW = 10  // and of a transition label, a little over its 16 px, big enough for a projector
	labelH     = 22  // a label's height with its background
	arcBase    = 22  // how far the lowest level stands from the row
	levelGap   = 28  // between two levels, more than a label's height
)

// Machine is one protocol's server state diagram, drawn from the protocol
// package's own list of states.
type Machine struct {
	Proto         string
	Title         string
	Width, Height int
	BoxW          int // every state box's width
	RowY          int // top of the row of states
	States        []diagramState
	Edges         []diagramEdge
	Note          string // what a dashed (lenient) transition means, if any is drawn
}

// diagramState is one box: the state's stable name, which events carry,
// the name shown in the reader's language, and its explanation for the
// tooltip and screen readers.
type diagramState struct {
	Name, Label, Text string
	Lines             []string // Label, broken in two when long ("Textul" / "mesajului")
	X                 int
}

// diagramEdge is one transition; ID is "From>To", which player.js marks when
// the session takes it. The label stands on a background box (Box*), so
// that the line it sits on, lit or not, never runs through its letters.
type diagramEdge struct {
	ID, Label      string
	Path           string
	Dashed         bool // a server's leniency, not what the RFC asks for
	LabelX, LabelY int
	BoxX, BoxY     int
	BoxW           int
}

// transition is a server transition as the layout reads it: the names of
// its states, and its label in the reader's language (see
// protocol.Transition, whose typed lists in the protocol packages are the
// only source of these).
type transition struct {
	from, to, label string
	lenient         bool
}

// edges names the states of ts for the layout and says in l the labels
// that are words ("state.edge.close").
func edges[S fmt.Stringer](ts []protocol.Transition[S], l lang.Lang) []transition {
	out := make([]transition, len(ts))
	for i, t := range ts {
		out[i] = transition{from: t.From.String(), to: t.To.String(), label: t.Label, lenient: t.Lenient}
		if strings.HasPrefix(t.Label, "state.edge.") {
			out[i].label = tr(l, t.Label)
		}
	}
	return out
}

// Machines returns the diagrams of the protocols the player shows, with
// state names and explanations in l.
func Machines(l lang.Lang) []Machine {
	state := func(proto, name, key string) diagramState {
		return diagramState{Name: name, Label: tr(l, "state.name."+proto+"."+name), Text: explain(l, key)}
	}
	var smtpStates, pop3States, imapStates []diagramState
	for _, s := range smtp.States {
		smtpStates = append(smtpStates, state("smtp", s.String(), s.Key()))
	}
	for _, s := range pop3.States { // pop3.State has no Key method; its doc names the key
		pop3States = append(pop3States, state("pop3", s.String(), "pop3.state."+s.String()))
	}
	for _, s := range imap.States {
		imapStates = append(imapStates, state("imap", s.String(), s.Key()))
	}
	smtpMachine := newMachine("smtp", tr(l, "state.smtp"), smtpStates, edges(smtp.Transitions, l))
	smtpMachine.Note = tr(l, "state.smtp.lenient")
	return []Machine{
		smtpMachine,
		newMachine("pop3", tr(l, "state.pop3"), pop3States, edges(pop3.Transitions, l)),
		newMachine("imap", tr(l, "state.imap"), imapStates, edges(imap.Transitions, l)),
	}
}

// splitName breaks a state's name longer than 12 runes in two, so that one
// long name does not widen every box.
func splitName(name string) []string {
	if utf8.RuneCountInString(name) <= 12 {
		return []string{name}
	}
	return SplitMiddle(name)
}

// SplitMiddle breaks s in two at its space nearest the middle, or returns
// it whole when it has no space: a label in two balanced lines is the
// narrowest two-line form.
func SplitMiddle(s string) []string {
	best := -1
	for i, r := range s {
		if r == ' ' && (best < 0 || abs(i-len(s)/2) < abs(best-len(s)/2)) {
			best = i
		}
	}
	if best < 0 {
		return []string{s}
	}
	return []string{s[:best], s[best+1:]}
}

func abs(n int) int { return max(n, -n) }

// arc is a transition between states that are not neighbours, while it is
// laid out: its boxes, its side of the row and its level there.
type arc struct {
	edge   int // index in the machine's Edges
	from   int // box indices
	to     int
	above  bool
	level  int
	x1, x2 int // its ports
}

func (a arc) lo() int { return min(a.from, a.to) }
func (a arc) hi() int { return max(a.from, a.to) }

// newMachine lays out states in a row and its transitions around it.
func newMachine(proto, title string, states []diagramState, ts []transition) Machine {
	pos := map[string]int{}
	for i, s := range states {
		pos[s.Name] = i
	}
	w := stateW
	for i := range states {
		states[i].Lines = splitName(states[i].Label)
		for _, l := range states[i].Lines {
			w = max(w, utf8.RuneCountInString(l)*charW+24)
		}
	}
	// Each gap is as wide as its own label needs, so that one long label
	// ("HELO/EHLO") does not widen the whole row and shrink every label.
	gaps := make([]int, len(states))
	for i := range gaps {
		gaps[i] = stateGap
	}
	for _, t := range ts {
		if pos[t.to]-pos[t.from] == 1 {
			gaps[pos[t.from]] = max(gaps[pos[t.from]], utf8.RuneCountInString(t.label)*labelCharW+24)
		}
	}
	m := Machine{Proto: proto, Title: title, BoxW: w}
	x := 2
	for i, s := range states {
		s.X = x
		x += w + gaps[i]
		m.States = append(m.States, s)
	}

	// Levels: the shorter arcs nearer the row; an arc shares a level only
	// with arcs whose boxes it does not share.
	var arcs []arc
	for k, t := range ts {
		m.Edges = append(m.Edges, diagramEdge{ID: t.from + ">" + t.to, Label: t.label, Dashed: t.lenient})
		if span := pos[t.to] - pos[t.from]; span != 1 {
			arcs = append(arcs, arc{edge: k, from: pos[t.from], to: pos[t.to], above: span > 1})
		}
	}
	order := make([]int, len(arcs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return (arcs[i].hi() - arcs[i].lo()) - (arcs[j].hi() - arcs[j].lo()) })
	levels := map[bool]int{} // levels used above and below
	for n, i := range order {
		a := &arcs[i]
		for taken := true; taken; a.level++ {
			taken = false
			for _, j := range order[:n] {
				b := arcs[j]
				if b.above == a.above && b.level == a.level && a.lo() <= b.hi() && b.lo() <= a.hi() {
					taken = true
					break
				}
			}
			if !taken {
				break
			}
		}
		levels[a.above] = max(levels[a.above], a.level+1)
	}
	above := arcBase + max(levels[true]-1, 0)*levelGap + labelH
	below := arcBase + max(levels[false]-1, 0)*levelGap + labelH
	if levels[true] == 0 {
		above = 8
	}
	if levels[false] == 0 {
		below = 8
	}
	m.RowY = above
	m.Height = above + stateH + below
	m.Width = m.States[len(states)-1].X + w + 2

	// Ports: on each box and side, arcs to the left first, nearest first,
	// then arcs to the right, farthest first, so that no arc's rise cuts
	// another's run.
	for i := range states {
		for _, side := range []bool{true, false} {
			var at []*int
			var key []int
			for k := range arcs {
				a := &arcs[k]
				if a.above != side {
					continue
				}
				other := -1
				switch i {
				case a.from:
					at, other = append(at, &a.x1), a.to
				case a.to:
					at, other = append(at, &a.x2), a.from
				default:
					continue
				}
				if other < i {
					key = append(key, i-other)
				} else {
					key = append(key, 1000-(other-i))
				}
			}
			idx := make([]int, len(at))
			for k := range idx {
				idx[k] = k
			}
			slices.SortFunc(idx, func(p, q int) int { return key[p] - key[q] })
			for rank, k := range idx {
				*at[k] = m.States[i].X + (rank+1)*w/(len(at)+1)
			}
		}
	}

	mid := m.RowY + stateH/2
	for _, t := range ts {
		if a, b := pos[t.from], pos[t.to]; b-a == 1 {
			e := &m.Edges[slices.IndexFunc(m.Edges, func(e diagramEdge) bool { return e.ID == t.from+">"+t.to })]
			e.Path = fmt.Sprintf("M %d %d H %d", m.States[a].X+w, mid, m.States[b].X-2)
			e.LabelX, e.LabelY = (m.States[a].X+w+m.States[b].X)/2, mid-10
		}
	}
	for _, a := range arcs {
		e := &m.Edges[a.edge]
		y0, y, end := m.RowY, m.RowY-arcBase-a.level*levelGap, m.RowY-2
		if !a.above {
			y0, y, end = m.RowY+stateH, m.RowY+stateH+arcBase+a.level*levelGap, m.RowY+stateH+2
		}
		e.Path = fmt.Sprintf("M %d %d V %d H %d V %d", a.x1, y0, y, a.x2, end)
		e.LabelX, e.LabelY = labelSpot(m, arcs, a, y, utf8.RuneCountInString(e.Label)*labelCharW+8), y+6
	}
	for i := range m.Edges {
		e := &m.Edges[i]
		e.BoxW = utf8.RuneCountInString(e.Label)*labelCharW + 8
		e.BoxX, e.BoxY = e.LabelX-e.BoxW/2, e.LabelY-labelH+6
	}
	return m
}

// labelSpot is where along its run arc a's label, width wide, centres
// clear of every other arc's rise: the run's middle if it is free, else
// the free place nearest to it.
func labelSpot(m Machine, arcs []arc, a arc, y, width int) int {
	lo, hi := min(a.x1, a.x2)+width/2+4, max(a.x1, a.x2)-width/2-4
	best := (a.x1 + a.x2) / 2
	if lo > hi {
		return best
	}
	free := func(x int) bool {
		for _, b := range arcs {
			if b == a || b.above != a.above {
				continue
			}
			by := m.RowY - arcBase - b.level*levelGap
			if !b.above {
				by = m.RowY + stateH + arcBase + b.level*levelGap
			}
			for _, px := range []int{b.x1, b.x2} {
				// b's rise at px spans from the row to its own level.
				reaches := b.above && by <= y+labelH/2 || !b.above && by >= y-labelH/2
				if reaches && px >= x-width/2-3 && px <= x+width/2+3 {
					return false
				}
			}
		}
		return true
	}
	for d := 0; d <= hi-lo; d += 2 {
		for _, x := range []int{best - d, best + d} {
			if x >= lo && x <= hi && free(x) {
				return x
			}
		}
	}
	return best
}

// Diagrammed are the protocols that have a state diagram.
var Diagrammed = []string{"smtp", "pop3", "imap"}

// MachineState is the diagram state at a step: the protocol of the last
// session event up to it, the state that event left, and the transition
// it took (From > State), when it took one.
type MachineState struct {
	Proto string `json:"proto"`
	State string `json:"state"`
	From  string `json:"from,omitempty"`
}
