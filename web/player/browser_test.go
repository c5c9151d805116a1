package player

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mailsim/sim"
	"mailsim/web/browsertest"
)

func TestBrowserPlaysScenarioTwo(t *testing.T) {
	spec := twoSystems(t)
	trace, err := sim.Run(spec, sim.EventLimit)
	if err != nil {
		t.Fatal(err)
	}
	total := len(trace)
	bob, subject := "bob@example.net", spec.Sends[0].Subject

	app := &cutter{Handler: site(t)}
	srv := httptest.NewServer(app) // listens on 127.0.0.1
	defer srv.Close()

	tb := browsertest.Open(t)
	browser, do, eval, until := tb.Ctx, tb.Do, tb.Eval, tb.Until
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
	tb.Navigate(srv.URL + "/play/two-systems")
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
	tb.Navigate(fmt.Sprintf("%s/play/two-systems?step=%d", srv.URL, total))
	live()
	if got := eval(shown); got != builtByScript {
		t.Errorf("the page rendered at the end differs from the one the script built:\nserver: %s\nscript: %s", got, builtByScript)
	}

	// A link with ?step=3 opens with 3 events; space plays and pauses.
	tb.Navigate(srv.URL + "/play/two-systems?step=3")
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

	tb.Close()
}
