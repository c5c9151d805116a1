// Package classroom is the class section: starting a class and joining
// one (/class), the instructor's projector page with the join code, its QR
// code, the count and the poll's chart, and the class's websocket, over
// which the instructor's pages drive and the students' pages follow. The
// rules are package class's; this package is their web.
package classroom

import (
	"log/slog"
	"net/http"

	"mailsim/class"
	"mailsim/lessons"
	"mailsim/sim"
	"mailsim/web/player"
	"mailsim/web/words"
)

var tr = words.T

// Section holds the running classes and what their polls ask about: the
// player's predict questions and the lessons' quizzes.
type Section struct {
	reg     *class.Registry
	lib     sim.Library
	play    *player.Section
	lessons *lessons.Set
	log     *slog.Logger
}

// New is the class section of an app whose scenarios are lib, player
// play and lessons set; with share, its classes are shared with the app's
// other instances (nil: held here alone).
func New(lib sim.Library, play *player.Section, set *lessons.Set, share class.Net, log *slog.Logger) *Section {
	reg := class.NewRegistry(nil)
	if share != nil {
		reg.Share(share)
	}
	return &Section{reg: reg, lib: lib, play: play, lessons: set, log: log}
}

// Routes adds the class's pages and socket to mux.
func (a *Section) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /class", a.start)
	mux.HandleFunc("POST /class/join", a.joinForm)
	mux.HandleFunc("GET /class/{code}", a.join)
	mux.HandleFunc("POST /class/{code}/leave", a.leave)
	mux.HandleFunc("GET /class/{code}/teach", a.teach)
	mux.HandleFunc("GET /class/{code}/qr.svg", a.qr)
	mux.HandleFunc("GET /ws/class/{code}", a.socket)
}
