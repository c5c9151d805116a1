package classroom

import (
	"log/slog"

	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/gorilla/websocket"

	"mailsim/class"
	"mailsim/lessons"
	"mailsim/web/learn"
	"mailsim/web/mimelab"
	"mailsim/web/outbox"
	"mailsim/web/player"
	"mailsim/web/view"
	"mailsim/web/webtest"
)

// routes are the class section with the shipped scenarios and lessons,
// and the player, the lab and the lessons, whose pages a class follows.
func routes(t testing.TB) func(*http.ServeMux) { return sharedRoutes(t, nil) }

// sharedRoutes is routes for an instance that shares its classes over net.
func sharedRoutes(t testing.TB, net class.Net) func(*http.ServeMux) {
	lib := webtest.Shipped(t)
	log := slog.New(slog.DiscardHandler)
	set, errs := lessons.Load(lib, "")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	play := player.New(lib, &outbox.Store{}, log)
	a := New(lib, play, set, net, log)
	return func(mux *http.ServeMux) {
		a.Routes(mux)
		play.Routes(mux)
		mimelab.New(&outbox.Store{}, log).Routes(mux)
		learn.New(set, lib, play, log).Routes(mux)
	}
}

// post sends a form as a browser does, with cookies.
func post(h http.Handler, target string, form url.Values, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	r := httptest.NewRequest("POST", target, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.RemoteAddr = "192.0.2.1:4000"
	for _, c := range cookies {
		r.AddCookie(c)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// start starts a class and returns its code and the instructor's cookie.
func start(t testing.TB, h http.Handler) (string, *http.Cookie) {
	t.Helper()
	w := post(h, "/class?lang=en", url.Values{"from": {"/play/lan-both"}})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("POST /class answered %d", w.Code)
	}
	for _, c := range w.Result().Cookies() {
		if c.Name == view.TeachCookie {
			code, _, _ := strings.Cut(c.Value, ":")
			return code, c
		}
	}
	t.Fatal("POST /class set no instructor cookie")
	return "", nil
}

// reader reads a class socket's frames until one with op, under a
// deadline that fails the test rather than hang it.
func reader(t *testing.T) func(conn *websocket.Conn, op string) map[string]any {
	return func(conn *websocket.Conn, op string) map[string]any {
		t.Helper()
		webtest.Deadline(conn)
		for {
			var f map[string]any
			if err := conn.ReadJSON(&f); err != nil {
				t.Fatalf("waiting for %s: %v", op, err)
			}
			if f["op"] == op {
				return f
			}
		}
	}
}
