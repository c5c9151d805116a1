package browsertest

import (
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"
)

// Shoot saves what the tab shows as docs/name, at the module's root, when
// MAILSIM_SCREENSHOT is set, for the README and for a person to look at;
// otherwise it does nothing. It first waits a second for what moves (the
// envelope's journey) to come to rest.
func (tb *Tab) Shoot(name string) {
	tb.T.Helper()
	if os.Getenv("MAILSIM_SCREENSHOT") == "" {
		return
	}
	time.Sleep(time.Second)
	png, err := chromedp.Run(tb.Ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.T.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(moduleRoot(tb.T), "docs", name), png, 0o644); err != nil {
		tb.T.Fatal(err)
	}
}

// moduleRoot is the directory of go.mod above the test's package.
func moduleRoot(t interface {
	Helper()
	Fatalf(string, ...any)
}) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("finding the module: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatalf("no go.mod above the test's directory")
		}
		dir = up
	}
}
