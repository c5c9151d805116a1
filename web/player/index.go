package player

import (
	"bytes"
	"encoding/json"
	"fmt"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/web/view"
)

// The player's index. A run is deterministic, so everything a goto needs is
// worked out once, when the run is made: the state at every step, encoded
// as the socket sends it, and every event with its explanation in every
// language. A goto then copies bytes (see wireAt) instead of replaying the
// scenario from step 0 and encoding every event up to the step again, which
// was most of the server's time and made a frame grow with the step.
//
// What it costs is mostly the mailboxes and the inspected message, a few
// kilobytes each, which most steps leave as the step before did: a step
// shares their encoding with the step before whenever it is the same, so a
// run and its index hold 130 KB for lan-both and 430 KB for imap-pull, the
// heaviest (TestIndexMemory measures it).
// The frames sockets share (see sendAt) come on top, as they are asked for.

// stepState is the player's state at one step apart from the events, the
// same in every language: the part of a frame that the index keeps for each
// step.
type stepState struct {
	Mailboxes []*sim.Mailbox `json:"mailboxes"`
	Message   *inspected     `json:"message,omitempty"`
	stepRest
}

// stepRest is the small part of a step's state, which changes at almost
// every step.
type stepRest struct {
	State   string            `json:"state"`
	Machine view.MachineState `json:"machine"`
	Motion  motion            `json:"motion"`
	Quiz    *quiz             `json:"quiz,omitempty"`
	Ahead   int               `json:"ahead,omitempty"` // steps to the next quiz, 0 when there is none or it is this one
}

// indexed is a step's state as JSON, in its three parts: the values of
// mailboxes and message (nil when there is none), and the rest as an
// object.
type indexed struct {
	boxes, message, rest []byte
}

// stateAt works out the state at step, in [0, len(r.trace)], from the run;
// name is the scenario's, which seeds the quiz's order.
func (r *run) stateAt(name string, step int) stepState {
	s := stepState{Mailboxes: r.boxes[step], Message: r.inspect(step),
		stepRest: stepRest{Machine: machineAt(r.trace, step), Motion: motionAt(r.trace, step),
			Quiz: quizAt(name, r.trace, step), Ahead: quizAhead(r.trace, step)}}
	for _, e := range r.trace[:step] {
		if e.Proto == "smtp" && e.State != "" {
			s.State = e.State
		}
	}
	return s
}

// index encodes the state at every step and every event in every language.
// boxes are the mailboxes after each number of events, which only the one
// run that made the trace could see.
func (r *run) index(name string, boxes [][]*sim.Mailbox) error {
	if len(boxes) != len(r.trace)+1 {
		return fmt.Errorf("scenario %s: mailboxes at %d steps, want %d", name, len(boxes), len(r.trace)+1)
	}
	r.boxes = boxes
	r.steps = make([]indexed, len(boxes))
	var last indexed
	for step := range r.steps {
		s := r.stateAt(name, step)
		var x indexed
		var err error
		if x.boxes, err = encodeLike(s.Mailboxes, last.boxes); err != nil {
			return fmt.Errorf("scenario %s: encoding step %d: %w", name, step, err)
		}
		if s.Message != nil {
			if x.message, err = encodeLike(s.Message, last.message); err != nil {
				return fmt.Errorf("scenario %s: encoding step %d: %w", name, step, err)
			}
		}
		if x.rest, err = json.Marshal(s.stepRest); err != nil {
			return fmt.Errorf("scenario %s: encoding step %d: %w", name, step, err)
		}
		r.steps[step], last = x, x
	}
	r.said = make(map[lang.Lang][][]byte, len(lang.All))
	r.prepared = make(map[lang.Lang][]prepared, len(lang.All))
	for _, l := range lang.All {
		said := make([][]byte, len(r.trace))
		for i, e := range r.trace {
			b, err := json.Marshal(view.FrameEvent{Event: e, Text: explain(l, e.Key)})
			if err != nil {
				return fmt.Errorf("scenario %s: encoding event %d: %w", name, i, err)
			}
			said[i] = b
		}
		r.said[l] = said
		r.prepared[l] = make([]prepared, len(boxes))
	}
	return nil
}

// encodeLike is v as JSON, or last itself when that is what v encodes to,
// so that equal steps share one copy.
func encodeLike(v any, last []byte) ([]byte, error) {
	b, err := json.Marshal(v)
	if err == nil && bytes.Equal(b, last) {
		return last, nil
	}
	return b, err
}
