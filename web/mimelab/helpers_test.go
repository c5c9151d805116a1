package mimelab

import (
	"log/slog"
	"net/http"

	"mailsim/sim"
	"mailsim/web/outbox"
	"mailsim/web/player"
	"mailsim/web/webtest"
)

// serve is the lab with the player its composer sends through.
func serve(lib sim.Library) http.Handler {
	log := slog.New(slog.DiscardHandler)
	msgs := &outbox.Store{}
	return webtest.Site(func(mux *http.ServeMux) {
		New(msgs, log).Routes(mux)
		player.New(lib, msgs, log).Routes(mux)
	})
}
