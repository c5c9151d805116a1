// Package console is the consoles: pages where a student types SMTP, POP3
// or IMAP commands to the live lab's servers, as with telnet, beside the
// state diagram and the mailboxes, and the nslookup console over the
// scenarios' zones.
package console

import (
	"log/slog"
	"net/http"

	"mailsim/sim"
	"mailsim/sim/live"
)

// Section holds what the consoles need: the live lab (nil when it is off)
// and the scenarios, whose DNS zones nslookup answers from.
type Section struct {
	lib  sim.Library
	live *live.Lab
	log  *slog.Logger
}

// New returns the consoles of lab l over lib's zones.
func New(lib sim.Library, l *live.Lab, log *slog.Logger) *Section {
	return &Section{lib: lib, live: l, log: log}
}

// Routes adds the consoles' pages and websockets to mux.
func (a *Section) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /console", a.console)
	mux.HandleFunc("GET /ws/console/{proto}", a.consoleSocket)
	mux.HandleFunc("GET /console/nslookup", a.nslookup)
	mux.HandleFunc("GET /ws/nslookup", a.nslookupSocket)
}
