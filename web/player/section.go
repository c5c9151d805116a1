// Package player is the scenario player: the page of /play/{name} and its
// websocket, which step a scenario's one cached run forwards and back, the
// sequence diagram, predict mode, the message inspector and the exports
// (transcript, SVG, the messages as .eml).
package player

import (
	"log/slog"
	"net/http"

	"mailsim/lang"
	"mailsim/lessons"
	"mailsim/sim"
	"mailsim/web/outbox"
	"mailsim/web/view"
)

// Section holds what the player's handlers share: the scenarios, the runs
// of those played lately, and the messages composed in the MIME lab, which
// the player sends through scenario 4.
type Section struct {
	lib    sim.Library
	log    *slog.Logger
	totals totals
	msgs   *outbox.Store
	// lessons is where a scenario's "why?" link leads; nil: no link.
	lessons *lessons.Set
}

// New returns the player of the scenarios in lib.
func New(lib sim.Library, msgs *outbox.Store, log *slog.Logger) *Section {
	return &Section{lib: lib, log: log, msgs: msgs}
}

// Teach links each scenario's player to the lesson of set that it
// illustrates, so that a student who watched what happens can read why.
func (a *Section) Teach(set *lessons.Set) { a.lessons = set }

// why is the link to the lesson about scenario name in l: its address and
// title, or "" when no lesson names the scenario.
func (a *Section) why(name string, l lang.Lang) (href, title string) {
	if a.lessons == nil {
		return "", ""
	}
	ls, ok := a.lessons.About(name)
	if !ok {
		return "", ""
	}
	return ls.Link(l)
}

// Routes adds the player's pages, its websocket and its exports to mux.
func (a *Section) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /play/{name}", a.play)
	mux.HandleFunc("GET /ws/play/{name}", a.playSocket)
	mux.HandleFunc("GET /play/{name}/transcript.txt", a.transcriptText)
	mux.HandleFunc("GET /play/{name}/ladder.svg", a.ladderSVG)
	mux.HandleFunc("GET /play/{name}/message/{file}", a.messageEML)
}

// Trace is the whole run of spec, from the cache: the reply codes page
// links each code to the first step that shows it.
func (a *Section) Trace(spec *sim.Spec) ([]sim.Event, error) {
	r, err := a.totals.get(spec)
	if err != nil {
		return nil, err
	}
	return r.trace, nil
}

// noScenario is the 404 page for /play/{name} with an unknown name.
// When the scenario exists but the composed message it was asked to carry
// (?msg=) is no longer kept, the page says that instead.
func (a *Section) noScenario(w http.ResponseWriter, r *http.Request, l lang.Lang, name string) {
	title := tr(l, "error.notfound")
	if _, ok := a.lib.Get(name); ok && r.URL.Query().Get("msg") != "" {
		view.Fail(w, r, a.log, http.StatusNotFound, l, title, tr(l, "compose.gone"), "")
		return
	}
	view.Fail(w, r, a.log, http.StatusNotFound, l, title, tr(l, "error.noscenario.text"), name)
}

// specFor is the player's way to the scenario it shows: the library's spec
// for name as told in l, or, when msg names a composed message, scenario 4 carrying that
// message. A msg the store no longer holds (or on another scenario) is
// unknown, rather than silently playing the scenario's own message.
func (a *Section) specFor(name, msg string, l lang.Lang) (*sim.Spec, bool) {
	spec, ok := a.lib.Get(name)
	if ok {
		spec = spec.In(l)
	}
	if !ok || msg == "" {
		return spec, ok
	}
	if name != outbox.SendScenario {
		return nil, false
	}
	return a.msgs.SpecWith(spec, msg)
}
