package player

import (
	"log/slog"
	"net/http"
	"testing"

	"mailsim/sim"
	"mailsim/web/outbox"
	"mailsim/web/webtest"
)

// twoSystems is the lecture's scenario 2 as shipped.
func twoSystems(t testing.TB) *sim.Spec { return webtest.Scenario(t, "two-systems") }

// serve is the player alone, routed as the app routes it; log nil
// discards.
func serve(lib sim.Library, log *slog.Logger) http.Handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return webtest.Mux(New(lib, &outbox.Store{}, log).Routes)
}
