package web

import (
	"testing"

	"mailsim/web/browsertest"
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
