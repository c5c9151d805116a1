package learn

import (
	"os"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mailsim/web/browsertest"
	"mailsim/web/webtest"
)

// TestBrowserScreenshots makes docs/lesson.png, the lesson on the four
// scenarios at 1600 px at its scenario 2 player, and
// docs/lesson-slides.png, the same lesson's scenario 2 slide at 1280×720 in
// presentation mode. It runs only on demand, with MAILSIM_SCREENSHOT set.
func TestBrowserScreenshots(t *testing.T) {
	if os.Getenv("MAILSIM_SCREENSHOT") == "" {
		t.Skip("set MAILSIM_SCREENSHOT=1 to make the screenshots in docs/")
	}
	srv := webtest.Serve(t, webtest.Site(routes(t, nil)))
	tb := browsertest.Open(t)
	defer tb.Close()
	const second = `document.querySelectorAll('[data-testid="player-embed"]')[1]`
	tb.Do("sizing", chromedp.EmulateViewport(1600, 1000))
	tb.Navigate(srv.URL + "/lessons/scenarios?lang=en")
	tb.Do("scrolling", chromedp.Evaluate[chromedp.Void](second+`.previousElementSibling.previousElementSibling.scrollIntoView()`))
	tb.Shoot("lesson.png")

	tb.Do("sizing", chromedp.EmulateViewport(1280, 720))
	tb.Navigate(srv.URL + "/lessons/scenarios?lang=en")
	tb.Do("presenting", chromedp.KeyEvent("p"))
	tb.Do("to the scenario 2 slide", chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowRight))
	tb.Until("the slide with the second player", `document.documentElement.classList.contains('slides') && !`+second+`.hidden`)
	tb.Shoot("lesson-slides.png")
}
