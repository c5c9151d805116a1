package player

import (
	"fmt"
	"strconv"
	"sync/atomic"

	"github.com/gorilla/websocket"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/web/view"
)

// frame is the player's state at one step: what the player page renders
// first and, encoded, what the websocket sends. Its JSON form is the
// message documented in ws.go; wireAt writes the same bytes from the index.
type frame struct {
	Step   int               `json:"step"`
	Total  int               `json:"total"`
	From   int               `json:"from"`   // the index of Events[0]: the client holds the events before it
	Events []view.FrameEvent `json:"events"` // events From..Step-1
	stepState
}

// span clamps a goto: step to [0, total], and have, how many events the
// client holds, to [0, step], which is where the events sent start.
func span(total, step, have int) (int, int) {
	step = min(max(step, 0), total)
	return step, min(max(have, 0), step)
}

// frameAt describes spec at step in l, with the events from have on, both
// clamped as span does. It works the state out afresh, except for the
// mailboxes, which only the run saw: the page needs it once per load.
func (rs *totals) frameAt(spec *sim.Spec, step, have int, l lang.Lang) (*frame, error) {
	r, err := rs.get(spec)
	if err != nil {
		return nil, err
	}
	step, from := span(len(r.trace), step, have)
	f := &frame{Step: step, Total: len(r.trace), From: from, Events: make([]view.FrameEvent, 0, step-from),
		stepState: r.stateAt(spec.Name, step)}
	for _, e := range r.trace[from:step] {
		f.Events = append(f.Events, view.FrameEvent{Event: e, Text: explain(l, e.Key)})
	}
	return f, nil
}

// wireAt is the socket's answer to a goto: the JSON of frameAt's frame,
// written from the index without working anything out. Its length is the
// state's plus that of the events the client lacks, whatever the step.
func (rs *totals) wireAt(spec *sim.Spec, step, have int, l lang.Lang) ([]byte, error) {
	r, err := rs.get(spec)
	if err != nil {
		return nil, err
	}
	said, ok := r.said[l]
	if !ok {
		return nil, fmt.Errorf("scenario %s: no events in language %q", spec.Name, l)
	}
	step, from := span(len(r.trace), step, have)
	x := r.steps[step]
	n := 96 + len(x.boxes) + len(x.message) + len(x.rest)
	for _, e := range said[from:step] {
		n += len(e) + 1
	}
	b := make([]byte, 0, n)
	b = append(b, `{"step":`...)
	b = strconv.AppendInt(b, int64(step), 10)
	b = append(b, `,"total":`...)
	b = strconv.AppendInt(b, int64(len(r.trace)), 10)
	b = append(b, `,"from":`...)
	b = strconv.AppendInt(b, int64(from), 10)
	b = append(b, `,"events":[`...)
	for i, e := range said[from:step] {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, e...)
	}
	b = append(b, `],"mailboxes":`...)
	b = append(b, x.boxes...)
	if x.message != nil {
		b = append(b, `,"message":`...)
		b = append(b, x.message...)
	}
	b = append(b, ',')
	return append(b, x.rest[1:]...), nil // the rest's fields, after its opening brace
}

// sendAt is wireAt's frame as a message ready for any socket, compressed or
// not as each negotiated. The two frames nearly every goto asks for are
// prepared once per run and language: a page walking forward, which holds
// every event but the step's last, and one that holds them all, as after
// going back or once round. Each is then compressed once, not once per
// socket, which was most of a goto's time. Other frames are made for their
// one goto, and so are frames over shareLimit: a message composed in the lab
// may weigh 256 KiB, and a step's frame holds it several times over.
func (rs *totals) sendAt(spec *sim.Spec, step, have int, l lang.Lang) (*websocket.PreparedMessage, error) {
	r, err := rs.get(spec)
	if err != nil {
		return nil, err
	}
	step, from := span(len(r.trace), step, have)
	var slot *atomic.Pointer[websocket.PreparedMessage]
	if p, ok := r.prepared[l]; ok {
		switch from {
		case step:
			slot = &p[step].held
		case step - 1:
			slot = &p[step].walked
		}
	}
	if slot != nil {
		if m := slot.Load(); m != nil {
			return m, nil
		}
	}
	b, err := rs.wireAt(spec, step, have, l)
	if err != nil {
		return nil, err
	}
	m, err := websocket.NewPreparedMessage(websocket.TextMessage, b)
	if err != nil {
		return nil, err
	}
	if slot != nil && len(b) <= shareLimit && !slot.CompareAndSwap(nil, m) {
		m = slot.Load() // another socket prepared it first: share that one
	}
	return m, nil
}

// shareLimit is the largest frame sendAt shares. A shared frame keeps its
// bytes and, once a socket that compresses asks for it, its deflated form:
// about 465 KB for all of lan-both's, and 2.1 MB for imap-pull's, whose
// frames carry the fetched message.
const shareLimit = 32 << 10

// prepared are a step's two shared frames (see sendAt), made when first
// asked for.
type prepared struct {
	walked, held atomic.Pointer[websocket.PreparedMessage]
}
