package player

import (
	"fmt"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/web/view"
)

// frame is the player's state at one step: what the websocket sends and what
// the player page renders first. Its JSON form is the message documented in
// ws.go.
type frame struct {
	Step      int               `json:"step"`
	Total     int               `json:"total"`
	Events    []view.FrameEvent `json:"events"`
	Mailboxes []*sim.Mailbox    `json:"mailboxes"`
	State     string            `json:"state"`
	Machine   view.MachineState `json:"machine"`
	Motion    motion            `json:"motion"`
	Message   *inspected        `json:"message,omitempty"`
	Quiz      *quiz             `json:"quiz,omitempty"`
	Ahead     int               `json:"ahead,omitempty"` // steps to the next quiz, 0 when there is none or it is this one
}

// frameAt replays spec to step, clamped to [0, total], and describes it in l.
func (rs *totals) frameAt(spec *sim.Spec, step int, l lang.Lang) (*frame, error) {
	r, err := rs.get(spec)
	if err != nil {
		return nil, err
	}
	total := len(r.trace)
	step = min(max(step, 0), total)
	w, err := sim.Replay(spec, step)
	if err != nil {
		return nil, err
	}
	trace := w.Trace()
	if len(trace) != step {
		return nil, fmt.Errorf("scenario %s: replay gave %d events, want %d", spec.Name, len(trace), step)
	}
	f := &frame{Step: step, Total: total, Events: make([]view.FrameEvent, len(trace)), Mailboxes: w.Mailboxes(),
		Machine: machineAt(r.trace, step), Motion: motionAt(r.trace, step), Message: r.inspect(step), Quiz: quizAt(spec.Name, r.trace, step), Ahead: quizAhead(r.trace, step)}
	for i, e := range trace {
		f.Events[i] = view.FrameEvent{Event: e, Text: explain(l, e.Key)}
		if e.Proto == "smtp" && e.State != "" {
			f.State = e.State
		}
	}
	return f, nil
}
