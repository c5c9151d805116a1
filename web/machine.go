package web

import (
	"fmt"
	"slices"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/sim/imap"
	"mailsim/sim/pop3"
	"mailsim/sim/smtp"
)

// The state diagram's geometry: the states in one row, transitions between
// neighbours as straight arrows, forward jumps as arcs above the row and
// steps back as arcs below it.
const (
	stateW     = 132 // a box's least width; a longer state name widens every box
	stateH     = 44
	stateGap   = 44 // the least gap; a longer label between neighbours widens every gap
	charW      = 11 // the width of a character of a state name, in the diagram's monospace
	labelCharW = 8  // and of a transition label
	arcBase    = 18 // how high the arc over neighbours' neighbours rises
	arcPerBox  = 16 // and how much higher for each box more it spans
)

// machine is one protocol's server state diagram, drawn from the protocol
// package's own list of states.
type machine struct {
	Proto         string
	Title         string
	Width, Height int
	BoxW          int // every state box's width
	RowY          int // top of the row of states
	States        []diagramState
	Edges         []diagramEdge
}

// diagramState is one box: the state's stable name, which events carry, and
// its explanation for the tooltip and screen readers.
type diagramState struct {
	Name, Text string
	X          int
}

// diagramEdge is one transition; ID is "From>To", which player.js marks when
// the session takes it.
type diagramEdge struct {
	ID, Label      string
	Path           string
	LabelX, LabelY int
}

// transition is a server transition and the protocol element that causes it.
type transition struct{ from, to, label string }

// smtpTransitions are the SMTP server's transitions (RFC 5321 §4.1.4 and
// §3.3): the happy path, the greeting a busy server replaces with 421, MAIL
// straight after the greeting (Postfix allows it, as the lecture's telnet
// session shows), the end of the message text and RSET going back to Ready,
// and QUIT from any state after the greeting. A test checks that every
// transition the shipped scenarios take is here.
var smtpTransitions = []transition{
	{"Connected", "Greeted", "220"},
	{"Greeted", "Ready", "EHLO"},
	{"Ready", "MailFrom", "MAIL"},
	{"MailFrom", "RcptTo", "RCPT"},
	{"RcptTo", "Data", "DATA"},
	{"Greeted", "MailFrom", "MAIL"},
	{"Data", "Ready", "."},
	{"MailFrom", "Ready", "RSET"},
	{"RcptTo", "Ready", "RSET"},
	{"Connected", "Closed", "421"},
	{"Greeted", "Closed", "QUIT"},
	{"Ready", "Closed", "QUIT"},
	{"MailFrom", "Closed", "QUIT"},
	{"RcptTo", "Closed", "QUIT"},
}

// pop3Transitions are the POP3 server's (RFC 1939 §3): the greeting, a
// successful PASS or APOP, QUIT into UPDATE, and the connection closing.
var pop3Transitions = []transition{
	{"Connected", "Authorization", "+OK"},
	{"Authorization", "Transaction", "PASS"},
	{"Transaction", "Update", "QUIT"},
	{"Update", "Closed", "close"},
	{"Authorization", "Closed", "QUIT"},
}

// imapTransitions are the IMAP server's (RFC 3501 §3): the greeting, LOGIN,
// SELECT (or EXAMINE) of a folder and CLOSE back out of it, and LOGOUT from
// any state after the greeting.
var imapTransitions = []transition{
	{"Connected", "NotAuthenticated", "* OK"},
	{"NotAuthenticated", "Authenticated", "LOGIN"},
	{"Authenticated", "Selected", "SELECT"},
	{"Selected", "Authenticated", "CLOSE"},
	{"NotAuthenticated", "Logout", "LOGOUT"},
	{"Authenticated", "Logout", "LOGOUT"},
	{"Selected", "Logout", "LOGOUT"},
}

// machines returns the diagrams of the protocols the player shows, with
// their explanations in l.
func machines(l lang.Lang) []machine {
	var smtpStates, pop3States, imapStates []diagramState
	for _, s := range smtp.States {
		smtpStates = append(smtpStates, diagramState{Name: s.String(), Text: explain(l, s.Key())})
	}
	for _, s := range pop3.States { // pop3.State has no Key method; its doc names the key
		pop3States = append(pop3States, diagramState{Name: s.String(), Text: explain(l, "pop3.state."+s.String())})
	}
	for _, s := range imap.States {
		imapStates = append(imapStates, diagramState{Name: s.String(), Text: explain(l, s.Key())})
	}
	return []machine{
		newMachine("smtp", tr(l, "state.smtp"), smtpStates, smtpTransitions),
		newMachine("pop3", tr(l, "state.pop3"), pop3States, pop3Transitions),
		newMachine("imap", tr(l, "state.imap"), imapStates, imapTransitions),
	}
}

// newMachine lays out states in a row and its transitions around it.
func newMachine(proto, title string, states []diagramState, ts []transition) machine {
	pos := map[string]int{}
	for i, s := range states {
		pos[s.Name] = i
	}
	above, below := 0, 0
	for _, t := range ts {
		span := pos[t.to] - pos[t.from]
		if span > 1 {
			above = max(above, arcBase+(span-2)*arcPerBox)
		} else if span < 0 {
			below = max(below, arcBase+(-span-1)*arcPerBox)
		}
	}
	w, gap := stateW, stateGap
	for _, s := range states {
		w = max(w, len(s.Name)*charW+24)
	}
	for _, t := range ts {
		if pos[t.to]-pos[t.from] == 1 {
			gap = max(gap, len(t.label)*labelCharW+20)
		}
	}
	m := machine{Proto: proto, Title: title, RowY: above + 24, BoxW: w,
		Width: len(states)*(w+gap) - gap + 4}
	m.Height = m.RowY + stateH + below + 24
	for i, s := range states {
		s.X = 2 + i*(w+gap)
		m.States = append(m.States, s)
	}
	mid := m.RowY + stateH/2
	for _, t := range ts {
		a, b := m.States[pos[t.from]], m.States[pos[t.to]]
		e := diagramEdge{ID: t.from + ">" + t.to, Label: t.label}
		switch span := pos[t.to] - pos[t.from]; {
		case span == 1:
			e.Path = fmt.Sprintf("M %d %d H %d", a.X+w, mid, b.X-2)
			e.LabelX, e.LabelY = a.X+w+gap/2, mid-8
		case span > 1:
			x1, x2, h := a.X+w/2+12, b.X+w/2-12, arcBase+(span-2)*arcPerBox
			e.Path = fmt.Sprintf("M %d %d C %d %d %d %d %d %d", x1, m.RowY, x1, m.RowY-h, x2, m.RowY-h, x2, m.RowY-2)
			e.LabelX, e.LabelY = (x1+x2)/2, m.RowY-h*3/4-4
		default:
			y := m.RowY + stateH
			x1, x2, h := a.X+w/2-12, b.X+w/2+12, arcBase+(-span-1)*arcPerBox
			e.Path = fmt.Sprintf("M %d %d C %d %d %d %d %d %d", x1, y, x1, y+h, x2, y+h, x2, y+2)
			e.LabelX, e.LabelY = (x1+x2)/2, y+h*3/4+16
		}
		m.Edges = append(m.Edges, e)
	}
	return m
}

// diagrammed are the protocols that have a state diagram.
var diagrammed = []string{"smtp", "pop3", "imap"}

// machineState is the diagram state at a step: the protocol of the last
// session event up to it, the state that event left, and the transition
// it took (From > State), when it took one.
type machineState struct {
	Proto string `json:"proto"`
	State string `json:"state"`
	From  string `json:"from,omitempty"`
}

// machineAt finds the diagram state after the first step events of trace.
func machineAt(trace []sim.Event, step int) machineState {
	for i := step - 1; i >= 0; i-- {
		e := trace[i]
		if e.State == "" || !slices.Contains(diagrammed, e.Proto) {
			continue
		}
		m := machineState{Proto: e.Proto, State: e.State}
		if s, ok := sessionAt(trace, i); ok {
			for _, j := range s.events {
				if j >= i {
					break
				}
				if trace[j].State != "" {
					m.From = trace[j].State
				}
			}
		}
		if m.From == m.State {
			m.From = ""
		}
		return m
	}
	return machineState{Proto: "smtp"}
}
