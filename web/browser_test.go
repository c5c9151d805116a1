package web

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mailsim/sim"
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

func TestBrowserPlaysScenarioTwo(t *testing.T) {
	exe := browserOrSkip(t)
	spec := twoSystems(t)
	trace, err := sim.Run(spec, traceLimit)
	if err != nil {
		t.Fatal(err)
	}
	total := len(trace)
	bob, subject := "bob@example.net", spec.Sends[0].Subject

	app := &cutter{Handler: New(shipped(t), nil)}
	srv := httptest.NewServer(app) // listens on 127.0.0.1
	defer srv.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
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
	defer cancelAlloc()
	browser, closeBrowser := chromedp.NewContext(alloc)
	defer closeBrowser()
	if err := chromedp.Do(browser); err != nil { // start the browser and its tab
		t.Fatalf("starting %s: %v", exe, err)
	}
	watch := watchConsole(browser)

	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(browser, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(js string) string {
		t.Helper()
		s, err := chromedp.Run(browser, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("evaluating %s: %v", js, err)
		}
		return s
	}
	until := func(what, js string) {
		t.Helper()
		_, err := chromedp.Run(browser, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingTimeout(10*time.Second)))
		if err != nil {
			t.Fatalf("waiting for %s: %v", what, err)
		}
	}
	atStep := func(n int) {
		t.Helper()
		until(fmt.Sprintf("step %d", n), fmt.Sprintf(`document.querySelector('[data-testid="step"]').textContent === '%d'`, n))
	}
	events := func() int {
		t.Helper()
		n, err := chromedp.Run(browser, chromedp.Evaluate[int](`document.querySelectorAll('#transcript [data-testid="event"]').length`))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	live := func() {
		t.Helper()
		until("the websocket", `document.getElementById('player').dataset.live === 'true'`)
	}
	// shown is the transcript and mailboxes as text without white space, to
	// compare what the server rendered with what the script built.
	const shown = `JSON.stringify([...document.querySelectorAll('#transcript li, #mailboxes [data-testid="mailbox"]')]
		.map(e => e.className.replace(' latest', '') + ':' + e.textContent.replace(/\s+/g, '')))`

	// Step through the whole scenario with the button.
	do("opening the player", chromedp.Navigate(srv.URL+"/play/two-systems"))
	live()
	if n := events(); n != 0 {
		t.Fatalf("the player opens with %d events, want 0", n)
	}
	for i := 1; i <= total; i++ {
		do("stepping", chromedp.Click(chromedp.CSS(`button[data-op="step"]`)))
		atStep(i)
	}
	if n := events(); n != total {
		t.Errorf("at the end the transcript has %d events, want %d", n, total)
	}
	codes := eval(`[...document.querySelectorAll('#transcript .kind-reply .wl:first-child .code')].map(c => c.textContent.slice(0, 3)).join(' ')`)
	if !inOrder(strings.Fields(codes), "220", "250", "354", "250", "221") {
		t.Errorf("reply codes in the transcript: %q, want 220, 250, 354, 250, 221 in that order", codes)
	}
	box := eval(fmt.Sprintf(`(document.querySelector('[data-testid="mailbox"][data-address="%s"] [data-testid="message"]') || {}).textContent || ''`, bob))
	if !strings.Contains(box, subject) {
		t.Errorf("Bob's mailbox shows %q, want a message with subject %q", box, subject)
	}
	if loc := eval(`location.search`); loc != fmt.Sprintf("?step=%d", total) {
		t.Errorf("the address says %q at the end", loc)
	}
	builtByScript := eval(shown)

	// Step back once.
	do("stepping back", chromedp.Click(chromedp.CSS(`button[data-op="back"]`)))
	atStep(total - 1)
	if n := events(); n != total-1 {
		t.Errorf("after one step back the transcript has %d events, want %d", n, total-1)
	}

	// The keyboard: Home restarts, → steps.
	do("pressing Home", chromedp.KeyEvent(kb.Home))
	atStep(0)
	if n := events(); n != 0 {
		t.Errorf("after Home the transcript has %d events", n)
	}
	do("pressing →", chromedp.KeyEvent(kb.ArrowRight))
	atStep(1)

	// A cut connection shows the notice, comes back and resumes at its step.
	app.cut()
	until("the offline notice", `!document.querySelector('.offline').hidden`)
	live()
	do("pressing → after reconnecting", chromedp.KeyEvent(kb.ArrowRight))
	atStep(2)
	if n := events(); n != 2 {
		t.Errorf("after reconnecting and a step the transcript has %d events, want 2", n)
	}

	// The server's rendering of the end equals what the script built.
	do("opening the end", chromedp.Navigate(fmt.Sprintf("%s/play/two-systems?step=%d", srv.URL, total)))
	live()
	if got := eval(shown); got != builtByScript {
		t.Errorf("the page rendered at the end differs from the one the script built:\nserver: %s\nscript: %s", got, builtByScript)
	}

	// A link with ?step=3 opens with 3 events; space plays and pauses.
	do("opening step 3", chromedp.Navigate(srv.URL+"/play/two-systems?step=3"))
	atStep(3)
	if n := events(); n != 3 {
		t.Errorf("?step=3 opens with %d events, want 3", n)
	}
	live()
	do("pressing space", chromedp.KeyEvent(" "))
	atStep(4)
	do("pressing space", chromedp.KeyEvent(" "))
	if p := eval(`document.querySelector('[data-op="play"]').getAttribute('aria-pressed')`); p != "false" {
		t.Errorf("space did not pause: aria-pressed=%q", p)
	}

	closeBrowser()
	if problems := watch.wait(); len(problems) > 0 {
		t.Errorf("the browser reported errors:\n%s", strings.Join(problems, "\n"))
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
