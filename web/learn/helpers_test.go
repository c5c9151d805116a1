package learn

import (
	"log/slog"
	"net/http"
	"os"
	"testing"

	"mailsim/lessons"
	"mailsim/web/mimelab"
	"mailsim/web/outbox"
	"mailsim/web/player"
	"mailsim/web/webtest"
)

// fixture is the lessons package's complete tiny set, which has every
// widget kind: lesson "tour" and lesson "rest".
func fixture(t testing.TB) *lessons.Set {
	t.Helper()
	set, errs := lessons.LoadFS(webtest.Shipped(t), os.DirFS("../../lessons/testdata/full"), "fixture")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return set
}

// routes are the lessons of set (nil: the built-in ones), the player
// whose cache runs their scenarios and the lab whose API traces their Base64.
func routes(t testing.TB, set *lessons.Set) func(*http.ServeMux) {
	lib := webtest.Shipped(t)
	log := slog.New(slog.DiscardHandler)
	play := player.New(lib, &outbox.Store{}, log)
	a := New(set, lib, play, log)
	lab := mimelab.New(&outbox.Store{}, log) // the trace API of the Base64 widgets
	return func(mux *http.ServeMux) {
		a.Routes(mux)
		play.Routes(mux)
		lab.Routes(mux)
	}
}
