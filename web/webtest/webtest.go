// Package webtest is what the tests of every web section share: the
// shipped scenarios, a live lab on closed or free ports, and one request
// to a handler as a browser on this machine would send it.
package webtest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"mailsim/scenarios"
	"mailsim/sim"
	"mailsim/sim/live"
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
