package mimelab

import (
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	smime "mailsim/sim/mime"
	"mailsim/web/browsertest"
	"mailsim/web/webtest"
)

// TestBrowserBase64TracerPages traces the largest input the lab takes,
// whose groups come from the server a page at a time, and steps to groups
// on pages the first answer did not carry: the last one, and one that is
// reached going back.
func TestBrowserBase64TracerPages(t *testing.T) {
	srv := httptest.NewServer(serve(webtest.Shipped(t)))
	defer srv.Close()
	tb := browsertest.Open(t)
	defer tb.Close()
	shown := func() string {
		t.Helper()
		return tb.Eval(`[...document.querySelectorAll('#lab-step [data-role="n"], #lab-step [data-role="offset"], #lab-step [data-row="out"] td, #lab-output mark')].map(e => e.textContent).join(' ')`)
	}
	tb.Do("opening the lab", chromedp.Navigate(srv.URL+"/lab?lang=en"))
	tb.Until("the trace of Man", `document.querySelector('[data-testid="count"]').textContent === '1'`)
	// 65,536 bytes: "Man" 21,845 times and an "M", which ends in TQ==.
	tb.Eval(`document.querySelector('#lab-text').value = 'Man'.repeat(21845) + 'M'`)
	tb.Do("tracing 64 KiB", chromedp.Click(chromedp.CSS(`#lab-form button[type="submit"]`)))
	tb.Until("21,846 groups", `document.querySelector('[data-testid="count"]').textContent === '21846'`)
	tb.Until("the first group", `document.querySelector('#lab-step [data-role="n"]')?.textContent === '1'`)
	if got := shown(); got != "1 0 T W F u TWFu" {
		t.Errorf("the first group shows %q", got)
	}

	tb.Do("jumping to the end", chromedp.Click(chromedp.CSS(`h1`)), chromedp.KeyEvent(kb.End))
	tb.Until("the last group", `document.querySelector('#lab-step [data-role="n"]')?.textContent === '21846'`)
	if got := shown(); got != "21846 65535 T Q = = TQ==" {
		t.Errorf("the last group shows %q", got)
	}
	if got := tb.Eval(`document.querySelector('#lab-step [data-role="rule"]').textContent`); got != smime.Catalog["rule.pad-two"].EN {
		t.Errorf("the last group's rule %q", got)
	}

	// Back 90 groups, past the start of the last page (group 21,761), as
	// fast as a held key: the page before is fetched once, not per step.
	tb.Eval(`for (let i = 0; i < 90; i++) document.querySelector('h1').dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowLeft', bubbles: true})); ''`)
	tb.Until("group 21,756", `document.querySelector('#lab-step [data-role="n"]')?.textContent === '21756'`)
	if got := shown(); got != "21756 65265 T W F u TWFu" {
		t.Errorf("group 21,756 shows %q", got)
	}
	if got := tb.Eval(`document.querySelector('[data-testid="pos"]').textContent`); got != "21756" {
		t.Errorf("the position says %s", got)
	}
	// One request for the last page and one for the page before it.
	if got := tb.Eval(`String(performance.getEntriesByType('resource').filter(e => e.name.includes('/lab/api/trace') && e.name.includes('from=')).length)`); got != "2" {
		t.Errorf("%s page requests, want 2: the last page and the one before", got)
	}
	if tb.Eval(`String(document.querySelector('[data-testid="lab-error"]').hidden)`) != "true" {
		t.Errorf("stepping through pages shows an error")
	}
}
