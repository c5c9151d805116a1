package livelab

import (
	"fmt"
	"mailsim/web/browsertest"
	"mailsim/web/view"
	"mailsim/web/webtest"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserLabMailboxPages: on /live a full mailbox shows its newest
// page; Older turns to the next page, which stays turned when new mail
// arrives; a message opened shows its text, fetched then; Newer turns back.
func TestBrowserLabMailboxPages(t *testing.T) {
	l := webtest.StartLab(t, "127.0.0.1:0")
	srv := httptest.NewServer(serve(webtest.Shipped(t), l))
	defer srv.Close()
	size := view.BoxPage(l)
	fill(t, l, "alice@mailsim.test", size+5, 100)
	tb := browsertest.Open(t)
	const alice = `document.querySelector('[data-testid="mailbox"][data-address="alice@mailsim.test"]')`
	const rng = alice + `.querySelector('.pager .range').textContent`
	const count = `String(` + alice + `.querySelectorAll('[data-testid="message"]').length)`
	tb.Navigate(srv.URL + "/live?lang=ro")
	tb.Until("the websocket", `document.getElementById('live').dataset.live === 'true'`)
	// The page size depends on how many mailboxes share a frame, so the
	// expected ranges are worked out from it: five more than one page.
	if got, want := tb.Eval(rng), fmt.Sprintf("1–%d din %d", size, size+5); got != want {
		t.Errorf("first page %q, want %q", got, want)
	}
	if got := tb.Eval(count); got != strconv.Itoa(size) {
		t.Errorf("first page shows %s messages, want %d", got, size)
	}
	tb.Do("older", chromedp.Evaluate[chromedp.Void](alice+`.querySelector('[data-op="older"]').click()`))
	tb.Until("the second page", fmt.Sprintf("%s === '%d–%d din %d'", rng, size+1, size+5, size+5))
	fill(t, l, "alice@mailsim.test", 1, 100)
	tb.Until("the second page, fetched again", fmt.Sprintf("%s === '%d–%d din %d'", rng, size+1, size+6, size+6))
	if got := tb.Eval(count); got != "6" {
		t.Errorf("second page shows %s messages", got)
	}
	tb.Do("opening a message", chromedp.Evaluate[chromedp.Void](alice+`.querySelector('details').open = true`))
	tb.Until("its text", alice+`.querySelector('details pre.raw').textContent.includes('Subject: message ')`)
	if meta := tb.Eval(alice + `.querySelector('[data-testid="meta"]').textContent`); !strings.HasSuffix(meta, " B") {
		t.Errorf("summary date and size %q", meta)
	}
	tb.Do("newer", chromedp.Evaluate[chromedp.Void](alice+`.querySelector('[data-op="newer"]').click()`))
	tb.Until("the first page", fmt.Sprintf("%s === '1–%d din %d'", rng, size, size+6))
	tb.Close()
}
