package livelab

import (
	"net"
	"net/http"
	"unicode/utf8"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/sim/live"
	"mailsim/web/view"
	"mailsim/web/words"
)

// Agent IDs of the live topology's outside host: one chip for every SMTP
// client, one for every POP3 client and one for every IMAP client, since
// the lab knows its clients only by address. live.js puts an event's client
// on its protocol's chip.
const (
	liveClientSMTP = "client.smtp"
	liveClientPOP3 = "client.pop3"
	liveClientIMAP = "client.imap"
)

// liveView is what live.templ draws: the lab as a topology, the latest
// events as a transcript, and how to reach the real ports.
type liveView struct {
	On        bool
	Topo      view.Topology
	Machines  []view.Machine
	Now       view.MachineState
	Lines     []view.TranscriptLine
	LastSeq   int         // the last event shown, -1 for none; the socket's events after it are new
	Mailboxes []live.Page // a page of summaries of each mailbox
	BoxPage   int         // summaries in a page
	Accounts  []live.Account
	Try       []view.TrySession
	Ports     []livePort
}

// livePort is one of the lab's real ports as the page names it.
type livePort struct {
	Proto  string // "SMTP", "POP3" or "IMAP"
	Telnet string // "telnet 127.0.0.1 2525", or "" when the port is closed
}

// livePage renders /live with the lab's history so far; live.js then
// follows the websocket.
func (a *Section) livePage(w http.ResponseWriter, r *http.Request) {
	l := view.PageLang(w, r)
	m := view.NewMeta(r, l, tr(l, "live.title"))
	m.Styles = []string{"console.css"}
	v := liveView{Machines: view.Machines(l), Now: view.MachineState{Proto: "smtp"}, LastSeq: -1}
	if a.live != nil {
		v.On, v.Mailboxes, v.BoxPage, v.Accounts = true, view.LabPages(a.live), view.BoxPage(a.live), a.live.Accounts()
		v.Topo = liveTopology(a.live, l)
		v.Ports = []livePort{{Proto: "SMTP", Telnet: telnet(a.live.SMTPAddr())}, {Proto: "POP3", Telnet: telnet(a.live.POP3Addr())},
			{Proto: "IMAP", Telnet: telnet(a.live.IMAPAddr())}, {Proto: "SMTP AUTH", Telnet: telnet(a.live.SubmissionAddr())}}
		v.Try = view.LectureSessions(v.Accounts)
		for i := range v.Try {
			v.Try[i].Open = v.Ports[i].Telnet
		}
		states := sessionStates{}
		history := a.live.History()
		shown := recent(history, l)
		for i, e := range history {
			if ms, ok := states.see(e); ok {
				v.Now = ms
			}
			if i < len(history)-len(shown) {
				continue
			}
			v.Lines = append(v.Lines, view.NewTranscriptLine(liveEvent(e, l), func(id string) string {
				if c, ok := v.Topo.Chip(id); ok {
					return c.Label
				}
				return id
			}))
			v.LastSeq = e.Seq
		}
	}
	view.Render(w, r, a.log, http.StatusOK, livePage(m, v))
}

// The live views show events as they are, except that the text of a
// message (one DATA event) is cut at liveLineMost octets, and a page or a
// history frame holds the latest events that fit in liveHistoryMost
// octets (each counted with liveEventCost for its markup): a lab's history
// of a thousand 4 KB deliveries would otherwise make /live weigh megabytes.
const (
	liveLineMost    = 2 << 10
	liveHistoryMost = 48 << 10
	liveEventCost   = 400
)

// liveEvent is an event as the live views send it, explained in l.
func liveEvent(e sim.Event, l lang.Lang) view.FrameEvent {
	if len(e.Line) > liveLineMost {
		cut := liveLineMost
		for cut > 0 && !utf8.RuneStart(e.Line[cut]) {
			cut--
		}
		e.Line = e.Line[:cut] + "…"
	}
	return view.FrameEvent{Event: e, Text: explain(l, e.Key)}
}

// recent is the latest events that fit in liveHistoryMost.
func recent(events []sim.Event, l lang.Lang) []sim.Event {
	size := 0
	for i := len(events) - 1; i >= 0; i-- {
		size += liveCost(events[i], l)
		if size > liveHistoryMost {
			return events[i+1:]
		}
	}
	return events
}

// liveCost is about what an event weighs in a frame: its clipped line, its
// explanation and the markup around them.
func liveCost(e sim.Event, l lang.Lang) int {
	return min(len(e.Line), liveLineMost) + len(explain(l, e.Key)) + liveEventCost
}

// chunks cuts events into runs that each fit in liveHistoryMost, oldest
// first, so that a page catching up after a reconnection gets everything
// it missed without any one frame growing with the lab's history.
func chunks(events []sim.Event, l lang.Lang) [][]sim.Event {
	var out [][]sim.Event
	start, size := 0, 0
	for i, e := range events {
		if c := liveCost(e, l); i > start && size+c > liveHistoryMost {
			out = append(out, events[start:i])
			start, size = i, 0
		}
		size += liveCost(e, l)
	}
	if start < len(events) {
		out = append(out, events[start:])
	}
	return out
}

// telnet is the command that reaches a port, as the lecture's "telnet
// localhost 25"; "" for a closed port.
func telnet(addr net.Addr) string {
	if addr == nil {
		return ""
	}
	host, port, _ := net.SplitHostPort(addr.String())
	return "telnet " + host + " " + port
}

// liveTopology draws the lab as two hosts: this computer, whose programs
// are the clients, and the lab with its three servers.
func liveTopology(l *live.Lab, lg lang.Lang) view.Topology {
	text := words.Text
	spec := &sim.Spec{
		Hosts: []sim.Host{
			{ID: "outside", Name: "127.0.0.1", Label: text("live.host.outside"), Agents: []sim.Agent{
				{ID: liveClientSMTP, Kind: sim.MTAClient, Label: text("live.client.smtp")},
				{ID: liveClientPOP3, Kind: sim.MAAClient, Label: text("live.client.pop3")},
				{ID: liveClientIMAP, Kind: sim.MAAClient, Label: text("live.client.imap")},
			}},
			{ID: "lab", Name: l.Hostname(), Label: text("live.host.lab"), Agents: []sim.Agent{
				{ID: live.SMTPAgent, Kind: sim.MTAServer, Label: text("live.server.smtp")},
				{ID: live.POP3Agent, Kind: sim.MAAServer, Label: text("live.server.pop3")},
				{ID: live.IMAPAgent, Kind: sim.MAAServer, Label: text("live.server.imap")},
			}},
		},
		Links: []sim.Link{{A: "outside", B: "lab", Kind: sim.LinkLocal}},
	}
	return view.NewTopology(spec, lg)
}

// sessionStates follows the server state of every open live session, so
// that the state diagram can mark the transition that led to it. A line
// that leaves the state as it was (a reply after its command) keeps the
// last transition marked.
type sessionStates map[string]view.MachineState // by protocol and client

// see notes e and returns the diagram's state after it, or false for an
// event that carries no state (a delivery, a DNS line).
func (s sessionStates) see(e sim.Event) (view.MachineState, bool) {
	if e.State == "" || (e.Proto != "smtp" && e.Proto != "pop3" && e.Proto != "imap") {
		return view.MachineState{}, false
	}
	client := e.From
	if e.From == live.SMTPAgent || e.From == live.POP3Agent || e.From == live.IMAPAgent {
		client = e.To
	}
	key := e.Proto + " " + client
	m, ok := s[key]
	if !ok || m.State != e.State {
		m = view.MachineState{Proto: e.Proto, State: e.State, From: m.State}
	}
	if e.Kind == sim.KindDisconnect {
		delete(s, key)
	} else {
		s[key] = m
	}
	return m, true
}
