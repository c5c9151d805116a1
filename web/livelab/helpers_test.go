package livelab

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"mailsim/sim"
	"mailsim/sim/live"
	"mailsim/web/console"
	"mailsim/web/webtest"
)

// serve is the live page and the consoles whose sessions it shows, over
// lab l (nil: off).
func serve(lib sim.Library, l *live.Lab) http.Handler {
	log := slog.New(slog.DiscardHandler)
	return webtest.Site(func(mux *http.ServeMux) {
		New(l, log).Routes(mux)
		console.New(lib, l, log).Routes(mux)
	})
}

// consoleServer serves them with a lab whose ports are closed.
func consoleServer(t *testing.T) (*httptest.Server, *live.Lab) {
	l := webtest.StartLab(t, "")
	return webtest.Serve(t, serve(webtest.Shipped(t), l)), l
}
