package web

import (
	"net/http/httptest"
	"testing"

	"mailsim/sim/live"
	"mailsim/web/browsertest"
	"mailsim/web/webtest"
)

// tab is a tab of the package's one browser (see main_test.go), with the
// helpers of this package's tests as its methods.
type tab struct{ *browsertest.Tab }

// openBrowser gives the test a fresh tab, or skips it when there is no
// browser, as browsertest.Open says.
func openBrowser(t *testing.T) *tab {
	t.Helper()
	return &tab{browsertest.Open(t)}
}

// consoleServer serves the whole app with a lab whose ports are closed.
func consoleServer(t *testing.T) (*httptest.Server, *live.Lab) {
	l := webtest.StartLab(t, "")
	return webtest.Serve(t, New(shipped(t), l, nil)), l
}

// termEvents counts the lines the console's terminal shows.
const termEvents = `document.querySelectorAll('#term [data-testid="event"]').length`
