package codes

import (
	"log/slog"
	"net/http"

	"mailsim/sim"
	"mailsim/sim/live"
	"mailsim/web/console"
	"mailsim/web/mimelab"
	"mailsim/web/outbox"
	"mailsim/web/player"
	"mailsim/web/webtest"
)

// serve is the codes page with the pages it shares the lecture's notes
// with (the digest lab and nslookup), over lab l (nil: off).
func serve(lib sim.Library, l *live.Lab) http.Handler {
	log := slog.New(slog.DiscardHandler)
	msgs := &outbox.Store{}
	return webtest.Mux(func(mux *http.ServeMux) {
		New(lib, player.New(lib, msgs, log), l, log).Routes(mux)
		mimelab.New(msgs, log).Routes(mux)
		console.New(lib, l, log).Routes(mux)
	})
}
