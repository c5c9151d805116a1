// Package web owns mailsim's browser app: the HTTP routes, the pages (templ
// components rendered on the server in the reader's language), the websocket
// that drives the player, and the embedded scripts and styles.
package web

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/a-h/templ"

	"mailsim/lang"
	"mailsim/scenarios"
	"mailsim/sim"
	"mailsim/sim/live"
)

// library is what the app needs from a scenario library. *scenarios.Library
// is the real one; tests hand in specs of their own.
type library interface {
	List() []*sim.Spec
	Get(name string) (*sim.Spec, bool)
}

// app holds what the handlers share. Every player gets its own replayed
// world per request, so nothing here is mutable except the totals cache.
type app struct {
	lib    library
	log    *slog.Logger
	totals totals
	msgs   messageStore // messages composed in the lab, for the player to send
	live   *live.Lab    // the live lab behind the console and live pages; nil when it is off
}

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

func newHandler(lib library, l *live.Lab, log *slog.Logger, o Options) http.Handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	a := &app{lib: lib, log: log, live: l}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", a.home)
	mux.HandleFunc("GET /play/{name}", a.play)
	mux.HandleFunc("GET /ws/play/{name}", a.playSocket)
	mux.HandleFunc("GET /play/{name}/transcript.txt", a.transcriptText)
	mux.HandleFunc("GET /play/{name}/ladder.svg", a.ladderSVG)
	mux.HandleFunc("GET /play/{name}/message/{file}", a.messageEML)
	a.labRoutes(mux)
	a.mailboxRoutes(mux)
	mux.HandleFunc("GET /console", a.console)
	mux.HandleFunc("GET /ws/console/{proto}", a.consoleSocket)
	mux.HandleFunc("GET /console/nslookup", a.nslookup)
	mux.HandleFunc("GET /ws/nslookup", a.nslookupSocket)
	mux.HandleFunc("GET /codes", a.codes)
	mux.HandleFunc("GET /live", a.livePage)
	mux.HandleFunc("GET /ws/live", a.liveSocket)
	mux.HandleFunc("GET /static/{version}/{file...}", serveAsset)
	mux.HandleFunc("/", a.notFound)
	return securityHeaders(newHostGuard(o).wrap(compressed(a.onlyGet(mux))))
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
func (a *app) onlyGet(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			if _, pattern := mux.Handler(r); strings.HasPrefix(pattern, "POST ") {
				mux.ServeHTTP(w, r)
				return
			}
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			l, _ := requestLang(r)
			a.render(w, r, http.StatusMethodNotAllowed, errorPage(newMeta(r, l, tr(l, "error.method")), tr(l, "error.method.text"), ""))
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// meta is what every page's frame needs: its language, title and address
// (for the language switch).
type meta struct {
	Lang   lang.Lang
	Title  string
	URL    *url.URL
	Styles []string // the page's own stylesheets besides style.css
}

func newMeta(r *http.Request, l lang.Lang, title string) meta {
	return meta{Lang: l, Title: title, URL: r.URL}
}

// render writes a page. It renders into a buffer first so that a template
// error becomes a clean 500 instead of half a page.
func (a *app) render(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	var buf bytes.Buffer
	if err := c.Render(r.Context(), &buf); err != nil {
		a.log.Error("rendering page", "path", r.URL.Path, "err", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

// notFound is the page for an address that names nothing.
func (a *app) notFound(w http.ResponseWriter, r *http.Request) {
	l := pageLang(w, r)
	a.render(w, r, http.StatusNotFound, errorPage(newMeta(r, l, tr(l, "error.notfound")), tr(l, "error.notfound.text"), ""))
}

// noScenario is the 404 page for /play/{name} with an unknown name.
// When the scenario exists but the composed message it was asked to carry
// (?msg=) is no longer kept, the page says that instead.
func (a *app) noScenario(w http.ResponseWriter, r *http.Request, l lang.Lang, name string) {
	if _, ok := a.lib.Get(name); ok && r.URL.Query().Get("msg") != "" {
		a.render(w, r, http.StatusNotFound, errorPage(newMeta(r, l, tr(l, "error.notfound")), tr(l, "compose.gone"), ""))
		return
	}
	a.render(w, r, http.StatusNotFound, errorPage(newMeta(r, l, tr(l, "error.notfound")), tr(l, "error.noscenario.text"), name))
}

// internalError is the page for a scenario the world refuses to run.
func (a *app) internalError(w http.ResponseWriter, r *http.Request, l lang.Lang, err error) {
	a.log.Error("running scenario", "path", r.URL.Path, "err", err)
	a.render(w, r, http.StatusInternalServerError, errorPage(newMeta(r, l, tr(l, "error.internal")), tr(l, "error.internal.text"), ""))
}

// home lists the scenarios, each with a link to its player.
func (a *app) home(w http.ResponseWriter, r *http.Request) {
	l := pageLang(w, r)
	a.render(w, r, http.StatusOK, homePage(newMeta(r, l, tr(l, "app.name")), a.lib.List()))
}
