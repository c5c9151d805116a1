package browsertest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Tab is one page of the package's browser, driven by one test, with the
// errors it reports collected, so that every browser test checks the
// console too.
type Tab struct {
	T        *testing.T
	Ctx      context.Context // the tab's chromedp context, for actions the helpers do not cover
	watch    *consoleWatch
	stop     func()
	closed   bool
	expected []string
}

// tabTime is how long one tab may live; a test that visits many pages opens
// a new tab now and then.
const tabTime = time.Minute

// wait is how long Until and the readiness wait give the page.
const wait = 10 * time.Second

// Open gives the test a fresh tab in a browser context of its own (its own
// cookies, storage and cache), or skips the test when there is no browser,
// as browserOrSkip says. The tab closes when the test ends, or at Close.
func Open(t *testing.T) *Tab {
	t.Helper()
	ctx, cancelTime := context.WithTimeout(browser(t), tabTime)
	tabCtx, cancelTab := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	tb := &Tab{T: t, Ctx: tabCtx, stop: func() { cancelTab(); cancelTime() }}
	if err := chromedp.Do(tabCtx); err != nil { // create the tab
		tb.stop()
		t.Fatalf("opening a tab: %v", err)
	}
	tb.watch = watchConsole(tabCtx)
	t.Cleanup(tb.Close)
	return tb
}

// Expect says that a reported problem ending with suffix is what the test
// means to cause (a page that answers 404, say), not an error.
func (tb *Tab) Expect(suffix string) {
	tb.expected = append(tb.expected, suffix)
}

// Close closes the tab and fails the test on any error its pages reported
// but the expected ones. Closing twice does nothing.
func (tb *Tab) Close() {
	tb.T.Helper()
	if tb.closed {
		return
	}
	tb.closed = true
	tb.stop()
	problems := slices.DeleteFunc(tb.watch.wait(), func(p string) bool {
		return slices.ContainsFunc(tb.expected, func(e string) bool { return strings.HasSuffix(p, e) })
	})
	if len(problems) > 0 {
		tb.T.Errorf("the browser reported errors:\n%s", strings.Join(problems, "\n"))
	}
}

// Do runs actions, failing the test on an error. Actions that open a new
// document belong in Load, which waits for it.
func (tb *Tab) Do(what string, actions ...chromedp.Action[chromedp.Void]) {
	tb.T.Helper()
	if err := chromedp.Do(tb.Ctx, actions...); err != nil {
		tb.T.Fatalf("%s: %v", what, err)
	}
}

// Eval evaluates a JavaScript expression that yields a string.
func (tb *Tab) Eval(js string) string {
	tb.T.Helper()
	s, err := chromedp.Run(tb.Ctx, chromedp.Evaluate[string](js))
	if err != nil {
		tb.T.Fatalf("evaluating %s: %v", js, err)
	}
	return s
}

// Until waits up to ten seconds for a JavaScript condition to hold.
//
// It asks the page from here, a short synchronous evaluation at a time,
// rather than with chromedp.Poll: Poll names the execution context it runs
// in, and right after a navigation chromedp can still hold the old
// document's context, which the browser then cannot find ("Cannot find
// context with specified id"). An evaluation that names no context runs in
// the frame's current document, and a synchronous one cannot see that
// document replaced halfway.
func (tb *Tab) Until(what, js string) {
	tb.T.Helper()
	if err := tb.until(js); err != nil {
		tb.T.Fatalf("waiting for %s: %v", what, err)
	}
}

func (tb *Tab) until(js string) error {
	check := chromedp.Evaluate[bool]("!!(" + js + "\n)")
	deadline := time.Now().Add(wait)
	for {
		ok, err := chromedp.Run(tb.Ctx, check)
		if err != nil || ok {
			return err
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("still false after %v", wait)
		}
		select {
		case <-tb.Ctx.Done():
			return tb.Ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// Navigate opens url and waits until the new page is ready.
func (tb *Tab) Navigate(url string) {
	tb.T.Helper()
	tb.Load("opening "+url, chromedp.Navigate(url))
}

// staleJS marks the document on screen, so that the readiness wait cannot
// take it for the one that replaces it: a new document has a new root
// element, without the mark.
const staleJS = `document.documentElement.browsertestStale = true`

// readyJS holds when the document on screen is a new one and ready: its
// script has set data-ready on the root element once it has wired up its
// controls (and drawn its first frame, on a page with a websocket), or it
// has no script and has loaded.
const readyJS = `(() => {
	const root = document.documentElement;
	if (!root || root.browsertestStale) return false;
	if ('ready' in root.dataset) return true;
	return document.readyState === 'complete' && !document.querySelector('script[type="module"]');
})()`

// Load runs actions that open a new document (a navigation, a link or
// button that leaves the page, a form that submits, a reload) and waits
// until that document is ready.
//
// It first waits, with chromedp.RunResponse, for the browser to say that the
// new document has loaded, and only then asks the page about its marker:
// a question asked while the old document is being replaced is cut off
// ("Inspected target navigated or closed").
func (tb *Tab) Load(what string, actions ...chromedp.Action[chromedp.Void]) {
	tb.T.Helper()
	tb.Do(what, chromedp.Evaluate[chromedp.Void](staleJS))
	if _, err := chromedp.RunResponse(tb.Ctx, actions...); err != nil {
		tb.T.Fatalf("%s: %v", what, err)
	}
	if err := tb.until(readyJS); err != nil {
		tb.T.Fatalf("%s: waiting for the new page to be ready: %v", what, err)
	}
}

// TypeInto focuses the element sel finds and types text into it as key
// events. chromedp's SendKeys would do the same, but it reads the node's
// attributes without the lock that guards them (a data race in chromedp
// v0.23.0 that the race detector reports), so this focuses with script.
func TypeInto(sel, text string) []chromedp.Action[chromedp.Void] {
	focus := fmt.Sprintf(`(() => { const e = document.querySelector(%q); if (!e) throw new Error('no element ' + %q); e.focus(); })()`, sel, sel)
	return []chromedp.Action[chromedp.Void]{chromedp.Evaluate[chromedp.Void](focus), chromedp.KeyEvent(text)}
}
