// Package webtest is what the tests of every web section share: the
// shipped scenarios, a live lab on closed or free ports, and one request
// to a handler as a browser on this machine would send it.
package webtest

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"mailsim/scenarios"
	"mailsim/sim"
	"mailsim/sim/live"
	"mailsim/web/static"

	"github.com/gorilla/websocket"
)

// Shipped loads the scenarios the binary embeds.
func Shipped(t testing.TB) *scenarios.Library {
	t.Helper()
	lib, errs := scenarios.Load("")
	if len(errs) > 0 {
		t.Fatalf("loading scenarios: %v", errs)
	}
	return lib
}

// Scenario is the shipped scenario name.
func Scenario(t testing.TB, name string) *sim.Spec {
	t.Helper()
	spec, ok := Shipped(t).Get(name)
	if !ok {
		t.Fatalf("scenario %q is not shipped", name)
	}
	return spec
}

// Specs is a scenario library of the test's own specs.
type Specs []*sim.Spec

// List returns the specs in their order.
func (s Specs) List() []*sim.Spec { return s }

// Get returns the spec called name.
func (s Specs) Get(name string) (*sim.Spec, bool) {
	for _, spec := range s {
		if spec.Name == name {
			return spec, true
		}
	}
	return nil, false
}

// Get sends one request to h; header is pairs of name and value. The Host
// is localhost: httptest's example.com is not a name the app answers to.
func Get(t testing.TB, h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	r.Host = "localhost"
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// Escape is how templ writes text into HTML.
func Escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// StartLab starts a live lab with every port on ports ("" closes them,
// "127.0.0.1:0" picks free ones), stopped when the test ends.
func StartLab(t testing.TB, ports string) *live.Lab {
	t.Helper()
	l, err := live.Start(live.Config{SMTPAddr: ports, POP3Addr: ports, IMAPAddr: ports}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

// Mux is a handler serving only what routes adds, as a section's tests
// need it: the section's own pages without the rest of the app.
func Mux(routes func(*http.ServeMux)) http.Handler {
	mux := http.NewServeMux()
	routes(mux)
	return mux
}

// Dial opens a websocket at path on srv, closed when the test ends; header is pairs of name and value.
func Dial(t testing.TB, srv *httptest.Server, path string, header ...string) (*websocket.Conn, *http.Response, error) {
	t.Helper()
	h := http.Header{}
	for i := 0; i+1 < len(header); i += 2 {
		h.Set(header[i], header[i+1])
	}
	conn, resp, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(srv.URL, "http")+path, h)
	if conn != nil {
		t.Cleanup(func() { conn.Close() })
	}
	return conn, resp, err
}

// Deadline keeps a broken server from hanging the test.
func Deadline(conn *websocket.Conn) {
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	conn.SetWriteDeadline(time.Now().Add(10 * time.Second))
}

// Frame is the player socket's message as a client decodes it.
type Frame struct {
	Step   int `json:"step"`
	Total  int `json:"total"`
	From   int `json:"from"` // the index of Events[0]
	Events []struct {
		sim.Event
		Text string `json:"text"`
	} `json:"events"`
	Mailboxes []*sim.Mailbox `json:"mailboxes"`
	State     string         `json:"state"`
}

// Goto asks a player socket for step as a page that holds no events.
func Goto(t testing.TB, conn *websocket.Conn, step int) Frame {
	t.Helper()
	return GotoHave(t, conn, step, 0)
}

// GotoHave asks a player socket for step as a page that holds have
// events, and reads the frame it answers.
func GotoHave(t testing.TB, conn *websocket.Conn, step, have int) Frame {
	t.Helper()
	Deadline(conn)
	if err := conn.WriteJSON(map[string]any{"op": "goto", "step": step, "have": have}); err != nil {
		t.Fatal(err)
	}
	var f Frame
	if err := conn.ReadJSON(&f); err != nil {
		t.Fatal(err)
	}
	return f
}

// MissingKey is what a page shows for a key the catalog lacks (see
// words.T), keys with digits and hyphens included
// ("[lecture.reply-504.title]").
var MissingKey = regexp.MustCompile(`\[[a-z]+(\.[a-z0-9-]+)+\]`)

// Sep is the separator that adds a parameter to target: "?" or "&".
func Sep(target string) string {
	if strings.Contains(target, "?") {
		return "&"
	}
	return "?"
}

// Site is Mux with the static files, for a browser: the section's pages
// with their scripts and styles.
func Site(routes func(*http.ServeMux)) http.Handler {
	return Mux(func(mux *http.ServeMux) {
		routes(mux)
		mux.HandleFunc("GET /static/{version}/{file...}", static.Serve)
	})
}

// Serve starts a test server for h, closed when the test ends.
func Serve(t testing.TB, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}
