package web

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromium is the browser the test drives.
const chromium = "/usr/bin/chromium"

// browserOrSkip returns the browser's path, or skips the test when there is
// none, unless MAILSIM_BROWSER=required (as in CI), where a missing browser
// is a failure rather than a silent pass.
func browserOrSkip(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		if os.Getenv("MAILSIM_BROWSER") == "required" {
			t.Fatalf("MAILSIM_BROWSER=required but %s is missing: %v", chromium, err)
		}
		t.Skipf("no browser at %s (set MAILSIM_BROWSER=required to fail instead)", chromium)
	}
	return chromium
}

// consoleWatch collects what the page reports as an error: console.error,
// uncaught exceptions, and browser log errors such as CSP violations and
// failed loads.
type consoleWatch struct {
	mu       sync.Mutex
	problems []string
	wg       sync.WaitGroup
}

func watchConsole(ctx context.Context) *consoleWatch {
	w := &consoleWatch{}
	console := chromedp.Events(ctx, runtime.ConsoleAPICalled)
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	logs := chromedp.Events(ctx, log.EntryAdded)
	w.wg.Go(func() {
		for ev, err := range console {
			if err != nil {
				return
			}
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, cmp(a.Description, string(a.Value)))
				}
				w.add("console.%s: %s", ev.Type, strings.Join(args, " "))
			}
		}
	})
	w.wg.Go(func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			d := ev.ExceptionDetails
			text := d.Text
			if d.Exception != nil {
				text += " " + d.Exception.Description
			}
			w.add("exception at %s:%d: %s", d.URL, d.LineNumber, text)
		}
	})
	w.wg.Go(func() {
		for ev, err := range logs {
			if err != nil {
				return
			}
			if ev.Entry.Level == log.EntryLevelError {
				w.add("log (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
			}
		}
	})
	return w
}

func cmp(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (w *consoleWatch) add(format string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.problems = append(w.problems, fmt.Sprintf(format, args...))
}

// wait returns what was collected once the browser context has ended.
func (w *consoleWatch) wait() []string {
	w.wg.Wait()
	return w.problems
}

// cutter lets a test cut every websocket the handler has taken over, as a
// server restart or a dropped network would.
type cutter struct {
	http.Handler
	mu    sync.Mutex
	conns []net.Conn
}

func (c *cutter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.Handler.ServeHTTP(hijackWatch{w, c}, r)
}

func (c *cutter) cut() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, conn := range c.conns {
		conn.Close()
	}
	c.conns = nil
}

// hijackWatch records the connections its handler hijacks.
type hijackWatch struct {
	http.ResponseWriter
	c *cutter
}

func (h hijackWatch) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, rw, err := http.NewResponseController(h.ResponseWriter).Hijack()
	if err == nil {
		h.c.mu.Lock()
		h.c.conns = append(h.c.conns, conn)
		h.c.mu.Unlock()
	}
	return conn, rw, err
}

// tab is one headless Chromium page driven by a test, with the errors it
// reports collected, so that every browser test checks the console too.
type tab struct {
	t     *testing.T
	ctx   context.Context
	watch *consoleWatch
	stop  []func()
}

// openBrowser starts Chromium with the flags this machine needs (no
// sandbox as root, no background networking on a closed network) and a
// fresh profile, or skips as browserOrSkip says. close must be called.
func openBrowser(t *testing.T) *tab {
	t.Helper()
	exe := browserOrSkip(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 900),
	)
	browser, closeBrowser := chromedp.NewContext(alloc)
	tb := &tab{t: t, ctx: browser, stop: []func(){closeBrowser, cancelAlloc, cancel}}
	if err := chromedp.Do(browser); err != nil { // start the browser and its tab
		tb.stopAll()
		t.Fatalf("starting %s: %v", exe, err)
	}
	tb.watch = watchConsole(browser)
	return tb
}

func (tb *tab) stopAll() {
	for _, f := range tb.stop {
		f()
	}
}

// close ends the browser and fails the test on any error the page reported.
func (tb *tab) close() {
	tb.t.Helper()
	tb.stopAll()
	if problems := tb.watch.wait(); len(problems) > 0 {
		tb.t.Errorf("the browser reported errors:\n%s", strings.Join(problems, "\n"))
	}
}

// do runs actions, failing the test on an error.
func (tb *tab) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression that yields a string.
func (tb *tab) eval(js string) string {
	tb.t.Helper()
	s, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](js))
	if err != nil {
		tb.t.Fatalf("evaluating %s: %v", js, err)
	}
	return s
}

// until waits up to ten seconds for a JavaScript condition to hold.
func (tb *tab) until(what, js string) {
	tb.t.Helper()
	_, err := chromedp.Run(tb.ctx, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		tb.t.Fatalf("waiting for %s: %v", what, err)
	}
}

// inOrder reports whether want occurs in got in order, other items between.
func inOrder(got []string, want ...string) bool {
	for _, g := range got {
		if len(want) > 0 && g == want[0] {
			want = want[1:]
		}
	}
	return len(want) == 0 && !slices.Contains(got, "")
}

// typeInto focuses the element sel finds and types text into it as key
// events. chromedp's SendKeys would do the same, but it reads the node's
// attributes without the lock that guards them (a data race in chromedp
// v0.23.0 that the race detector reports), so the tests focus with script.
func typeInto(sel, text string) []chromedp.Action[chromedp.Void] {
	focus := fmt.Sprintf(`(() => { const e = document.querySelector(%q); if (!e) throw new Error('no element ' + %q); e.focus(); })()`, sel, sel)
	return []chromedp.Action[chromedp.Void]{chromedp.Evaluate[chromedp.Void](focus), chromedp.KeyEvent(text)}
}
