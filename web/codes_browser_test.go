package web

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserCodesOnPhone: on a 390 px phone nothing of /codes (the bar
// aside, which the layout owns) reaches past the screen's edge, and a
// code's link opens the player at the step the page names.
func TestBrowserCodesOnPhone(t *testing.T) {
	srv := httptest.NewServer(New(shipped(t), nil, nil))
	defer srv.Close()
	tb := openBrowser(t)
	tb.Do("sizing", chromedp.EmulateViewport(390, 844))
	tb.Navigate(srv.URL + "/codes?lang=ro")
	if wide := tb.Eval(`[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > innerWidth + 0.5).map(e => e.tagName + '.' + e.className).slice(0, 5).join(' ')`); wide != "" {
		t.Errorf("wider than the phone: %s", wide)
	}
	href := tb.Eval(`document.querySelector('#c552 [data-testid="step"]').getAttribute('href')`)
	tb.Navigate(srv.URL + href)
	tb.Until("the player", `document.querySelector('#transcript') !== null`)
	if last := tb.Eval(`[...document.querySelectorAll('#transcript [data-testid="event"]')].pop().textContent`); !strings.Contains(last, "552") {
		t.Errorf("%s shows last %q, not the 552", href, last)
	}
	tb.Close()
}
