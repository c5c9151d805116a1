package console

import (
	"log/slog"
	"net/http"

	"mailsim/sim"
	"mailsim/sim/live"
	"mailsim/web/livelab"
	"mailsim/web/webtest"
)

// serve is the consoles and the live page, which follows what they type,
// over lab l (nil: off).
func serve(lib sim.Library, l *live.Lab) http.Handler {
	log := slog.New(slog.DiscardHandler)
	return webtest.Site(func(mux *http.ServeMux) {
		New(lib, l, log).Routes(mux)
		livelab.New(l, log).Routes(mux)
	})
}
