package livelab

import (
	"net/http"
	"strconv"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/sim/live"
	"mailsim/web/socket"
	"mailsim/web/view"
)

// The websocket at /ws/live follows the live lab: it sends the lab's
// history first and then every event as it happens, a burst of them in one
// frame:
//
//	{"events":[...],"machine":{...},"mailboxes":[...]}
//
// events are sim.Event JSON with "text", their explanation in the page's
// language; machine is the state diagram's state after the last event that
// has one, absent when none has; mailboxes, the first page of summaries of
// each (live.Page, as GET /live/mailbox answers), come with the history and
// with every frame that stored or deleted mail. The browser sends nothing; a
// client too slow for the lab's pace is dropped and reconnects.
const (
	liveReadLimit = 512 // the browser sends nothing but pongs and a close
	liveBurst     = 256 // events in one frame at most
)

// liveFrame is one frame of the live socket.
type liveFrame struct {
	Events    []view.FrameEvent  `json:"events"`
	Machine   *view.MachineState `json:"machine,omitempty"`
	Mailboxes []live.Page        `json:"mailboxes,omitempty"`
}

// liveSocket subscribes a page to the lab's events.
func (a *Section) liveSocket(w http.ResponseWriter, r *http.Request) {
	l, _ := view.RequestLang(r)
	if a.live == nil {
		http.Error(w, tr(l, "lab.off.text"), http.StatusServiceUnavailable)
		return
	}
	conn, err := socket.Upgrade(w, r, a.log)
	if err != nil {
		return
	}
	events, cancel := a.live.Subscribe()
	defer cancel()
	go a.forwardLive(conn, events, l, since(r))
	conn.Listen(liveReadLimit)
	for {
		if _, _, err := conn.WS().NextReader(); err != nil {
			return
		}
	}
}

// since is the last event a reconnecting page has already shown, from
// its "since" parameter; -1 for a page that has shown nothing.
func since(r *http.Request) int {
	n, err := strconv.Atoi(r.URL.Query().Get("since"))
	if err != nil || n < 0 {
		return -1
	}
	return n
}

// forwardLive sends the history and then the subscription's events, until
// the subscription ends (the page left, the lab stopped, or the page fell
// behind), and then closes conn. History is read after subscribing, so
// nothing falls between the two; events already in it are skipped. A new
// page gets the latest events that fit in one frame; a page that comes
// back after being dropped (shown up to seen) gets every event it missed
// that the lab still holds, in frames of the same bound, so that falling
// behind loses nothing.
func (a *Section) forwardLive(conn *socket.Conn, events <-chan sim.Event, l lang.Lang, seen int) {
	defer conn.Close()
	states := sessionStates{}
	history := a.live.History()
	last := -1
	if n := len(history); n > 0 {
		last = history[n-1].Seq
	}
	shown := recent(history, l)
	if seen >= 0 {
		i := 0
		for i < len(history) && history[i].Seq <= seen {
			i++
		}
		shown = history[i:]
	}
	for _, e := range history[:len(history)-len(shown)] {
		states.see(e) // the sessions open before the events shown
	}
	parts := chunks(shown, l)
	if len(parts) == 0 {
		parts = [][]sim.Event{nil}
	}
	for i, part := range parts {
		if !conn.Send(a.liveFrame(part, states, l, i == len(parts)-1)) {
			return
		}
	}
	for e := range events {
		batch := []sim.Event{e}
		more := true
		for more && len(batch) < liveBurst {
			select {
			case e, ok := <-events:
				if ok {
					batch = append(batch, e)
				}
				more = ok
			default:
				more = false
			}
		}
		for len(batch) > 0 && batch[0].Seq <= last {
			batch = batch[1:]
		}
		if len(batch) > 0 && !conn.Send(a.liveFrame(batch, states, l, false)) {
			return
		}
	}
}

// liveFrame words events for the page, with the mailboxes when asked or
// when the events changed them.
func (a *Section) liveFrame(events []sim.Event, states sessionStates, l lang.Lang, boxes bool) liveFrame {
	f := liveFrame{Events: make([]view.FrameEvent, len(events))}
	for i, e := range events {
		f.Events[i] = liveEvent(e, l)
		if m, ok := states.see(e); ok {
			f.Machine = &m
		}
		boxes = boxes || e.Kind == sim.KindStore || e.Kind == sim.KindDelete
	}
	if boxes {
		f.Mailboxes = view.LabPages(a.live)
	}
	return f
}
