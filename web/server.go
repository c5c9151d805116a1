// Package web assembles mailsim's browser app: the routes of every section
// (each a package beside this one: player, mimelab, console, livelab,
// codes), the security headers and the host guard around them, the static
// files, and the home and error pages.
package web

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"mailsim/lessons"
	"mailsim/scenarios"
	"mailsim/sim"
	"mailsim/sim/live"
	"mailsim/web/classroom"
	"mailsim/web/codes"
	"mailsim/web/console"
	"mailsim/web/learn"
	"mailsim/web/livelab"
	"mailsim/web/mimelab"
	"mailsim/web/outbox"
	"mailsim/web/player"
	"mailsim/web/static"
	"mailsim/web/view"
)

// New returns the browser app for the scenarios in lib, with the consoles
// and the live page on the live lab l (nil: those pages say the lab is
// off). log receives server-side errors; nil discards them. It answers only
// to loopback names; NewWith adds the names of its Options.
func New(lib *scenarios.Library, l *live.Lab, log *slog.Logger) http.Handler {
	return newHandler(lib, l, log, Options{})
}

// NewWith is New for an app that also answers to the -addr host and the
// -allow-host names of o.
func NewWith(lib *scenarios.Library, l *live.Lab, log *slog.Logger, o Options) http.Handler {
	return newHandler(lib, l, log, o)
}

// newHandler builds the routes: each section adds its own, and what no
// route names gets the 404 page.
func newHandler(lib sim.Library, l *live.Lab, log *slog.Logger, o Options) http.Handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	mux := http.NewServeMux()
	msgs := &outbox.Store{}
	play := player.New(lib, msgs, log)
	lessons := learn.New(o.Lessons, lib, play, log)
	play.Teach(lessons.Set())
	mux.HandleFunc("GET /{$}", home(lib, lessons.Set(), log))
	play.Routes(mux)
	lab := mimelab.New(msgs, log)
	lab.Routes(mux)
	console.New(lib, l, log).Routes(mux)
	livelab.New(l, log).Routes(mux)
	codes.New(lib, play, l, log).Routes(mux)
	lessons.Routes(mux)
	classroom.New(lib, play, lessons.Set(), o.Classes, log).Routes(mux)
	lab.Teach(lessons.Set())
	mux.HandleFunc("GET /static/{version}/{file...}", static.Serve)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { view.NotFound(w, r, log) })
	return securityHeaders(newHostGuard(o).wrap(compressed(onlyGet(mux, log))))
}

// NewServer returns an http.Server for h with every timeout set, so that a
// slow or idle client cannot hold a connection open for ever. Websockets set
// their own deadlines on each read and write after the upgrade.
func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    16 << 10,
	}
}

// onlyGet answers 405 to anything but GET and HEAD, except on the few
// routes registered for POST (a form that sends a body the server bounds).
func onlyGet(mux *http.ServeMux, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			if _, pattern := mux.Handler(r); strings.HasPrefix(pattern, "POST ") {
				mux.ServeHTTP(w, r)
				return
			}
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			l, _ := view.RequestLang(r)
			view.Fail(w, r, log, http.StatusMethodNotAllowed, l, tr(l, "error.method"), tr(l, "error.method.text"), "")
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// home lists the lessons, then the scenarios, each with a link to its
// player and to the lesson that explains it.
func home(lib sim.Library, set *lessons.Set, log *slog.Logger) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		l := view.PageLang(w, r)
		view.Render(w, r, log, http.StatusOK, homePage(view.NewMeta(r, l, tr(l, "app.name")), lib.List(), set))
	}
}

// lectureOnes keeps the specs that are (lecture true) or are not one of
// the lecture's own scenarios, in their order.
func lectureOnes(specs []*sim.Spec, lecture bool) []*sim.Spec {
	var out []*sim.Spec
	for _, s := range specs {
		if s.FromLecture() == lecture {
			out = append(out, s)
		}
	}
	return out
}
