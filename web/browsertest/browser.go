// Package browsertest drives the web app's pages in a headless Chromium for
// the tests of the web packages. A test package starts one browser, on the
// first test that asks for a tab, and every test gets a tab of its own in a
// browser context of its own, so that cookies and storage never pass from
// one test to the next. Starting a browser costs about two seconds; a tab
// costs a few milliseconds.
//
// A package that uses it runs its tests through Main:
//
//	func TestMain(m *testing.M) { browsertest.Main(m) }
package browsertest

import (
	"context"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/chromedp/chromedp"
)

// Chromium is the browser the tests drive.
const Chromium = "/usr/bin/chromium"

// shared is the package's one browser, started by the first Open and
// stopped by Main once the tests have run.
var shared struct {
	mu      sync.Mutex
	running bool // Main is running the tests
	ctx     context.Context
	stop    []func()
	dir     string // the browser's profile
	err     error  // why the browser did not start, for every later test
}

// started counts the browsers this process has started.
var started atomic.Int32

// Main runs the package's tests and then stops the browser, so that no
// Chromium outlives them; with -v it says how many browsers it started.
// Open refuses to work in a package whose TestMain does not call Main.
func Main(m *testing.M) {
	shared.mu.Lock()
	shared.running = true
	shared.mu.Unlock()
	code := m.Run()
	stopBrowser()
	if testing.Verbose() {
		fmt.Printf("browsertest: %d Chromium process(es) started\n", started.Load())
	}
	os.Exit(code)
}

// browserOrSkip skips the test when there is no browser, unless
// MAILSIM_BROWSER=required (as in CI), where a missing browser is a failure
// rather than a silent pass.
func browserOrSkip(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(Chromium); err != nil {
		if os.Getenv("MAILSIM_BROWSER") == "required" {
			t.Fatalf("MAILSIM_BROWSER=required but %s is missing: %v", Chromium, err)
		}
		t.Skipf("no browser at %s (set MAILSIM_BROWSER=required to fail instead)", Chromium)
	}
}

// browser returns the package's browser context, starting Chromium on the
// first call with the flags this machine needs: no sandbox as root, no
// background networking on a closed network, and a fresh profile.
func browser(t *testing.T) context.Context {
	t.Helper()
	browserOrSkip(t)
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if !shared.running {
		t.Fatal("browsertest: the package's TestMain must call browsertest.Main, which stops the browser")
	}
	if shared.ctx != nil || shared.err != nil {
		if shared.err != nil {
			t.Fatal(shared.err)
		}
		return shared.ctx
	}
	dir, err := os.MkdirTemp("", "browsertest-")
	if err != nil {
		t.Fatal(err)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(Chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(dir),
		chromedp.WindowSize(1400, 900),
	)
	ctx, cancel := chromedp.NewContext(alloc)
	shared.stop = []func(){cancel, cancelAlloc, func() { os.RemoveAll(dir) }}
	started.Add(1)
	if err := chromedp.Do(ctx); err != nil {
		shared.err = fmt.Errorf("starting %s: %w", Chromium, err)
		for _, f := range shared.stop {
			f()
		}
		shared.stop = nil
		t.Fatal(shared.err)
	}
	shared.ctx = ctx
	return ctx
}

// stopBrowser ends the browser, if one was started, and removes its profile.
func stopBrowser() {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	for _, f := range shared.stop {
		f()
	}
	shared.stop, shared.ctx = nil, nil
}
