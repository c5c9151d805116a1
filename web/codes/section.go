// Package codes is the reply codes page: every SMTP, POP3 and IMAP reply
// the simulator gives, explained, each SMTP code with the first scenario
// step that shows it and a recipe that makes the live lab answer it, and
// the places where the lecture differs from the RFCs.
package codes

import (
	"log/slog"
	"net/http"

	"mailsim/sim"
	"mailsim/sim/live"
)

// Runs gives a scenario's whole run; the player's cache is the real one.
type Runs interface {
	Trace(spec *sim.Spec) ([]sim.Event, error)
}

// Section holds what the page needs: the scenarios and their runs, and the
// live lab whose accounts the recipes use (nil when it is off).
type Section struct {
	lib  sim.Library
	runs Runs
	live *live.Lab
	log  *slog.Logger
}

// New returns the codes page over lib's scenarios, run through runs.
func New(lib sim.Library, runs Runs, l *live.Lab, log *slog.Logger) *Section {
	return &Section{lib: lib, runs: runs, live: l, log: log}
}

// Routes adds /codes to mux.
func (a *Section) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /codes", a.codes)
}
