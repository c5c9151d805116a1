package view

import "mailsim/sim"

// FrameEvent is a sim.Event with its explanation in the reader's language, so
// that the browser needs no catalog of its own.
type FrameEvent struct {
	sim.Event
	Text string `json:"text"`
}
