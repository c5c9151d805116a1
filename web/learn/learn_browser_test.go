package learn

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mailsim/web/browsertest"
	"mailsim/web/webtest"
)

// TestBrowserQuizOnAPhone opens a lesson at 390×844, answers a quiz wrong
// and then right, as the server grades it, finds the result kept for the
// index, checks that nothing scrolls sideways, and steps through the
// lesson's slides in presentation mode.
func TestBrowserQuizOnAPhone(t *testing.T) {
	srv := webtest.Serve(t, webtest.Site(routes(t, fixture(t))))
	tb := browsertest.Open(t)
	tb.Do("sizing", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)))
	tb.Navigate(srv.URL + "/lessons/tour?lang=en")

	answer := func(option, want string) {
		tb.Do("answering "+option, chromedp.Evaluate[chromedp.Void](`(() => {
			const form = document.querySelector('[data-testid="quiz-pick"]');
			form.querySelector('input[value="`+option+`"]').click();
			form.querySelector('.quiz-verdict').textContent = '';
			form.querySelector('button').click(); })()`))
		tb.Until("the verdict "+want, `document.querySelector('[data-testid="quiz-pick"] .quiz-verdict').textContent === '`+want+`'`)
	}
	answer("0", "Wrong. because.")
	answer("1", "Right. because.")
	if got := tb.Eval(`JSON.stringify(JSON.parse(localStorage.getItem('mailsim.lessons')).tour.quiz)`); got != `{"pick":true}` {
		t.Errorf("the stored results are %s", got)
	}
	if got := tb.Eval(`String(document.documentElement.scrollWidth <= innerWidth)`); got != "true" {
		t.Errorf("the lesson scrolls sideways at 390 px: %s", tb.Eval(`JSON.stringify([document.documentElement.scrollWidth,
			[...document.querySelectorAll('#lesson *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + (e.className.baseVal ?? e.className))])`))
	}

	// P opens the first "##" section (nothing precedes it, so no slide is
	// empty); the right arrow goes on to the second.
	shown := `JSON.stringify([...document.querySelectorAll('.lesson-body > :not([hidden])')].map(e => e.dataset.slide).filter((s, i, a) => a.indexOf(s) === i))`
	tb.Do("presenting", chromedp.KeyEvent("p"))
	if got := tb.Eval(shown); got != `["0"]` {
		t.Errorf("presentation mode opens on slide %s, want only the first ## section", got)
	}
	tb.Do("the next slide", chromedp.KeyEvent(kb.ArrowRight))
	if got := tb.Eval(shown); got != `["1"]` {
		t.Errorf("after the right arrow the slide shown is %s, want only the second ## section", got)
	}
	if got := tb.Eval(`String([...document.querySelectorAll('.lesson-body > table')].every(e => e.getBoundingClientRect().height === 0))`); got != "true" {
		t.Errorf("a table of another slide still shows in presentation mode")
	}

	tb.Navigate(srv.URL + "/lessons?lang=en")
	if got := tb.Eval(`document.querySelector('li[data-slug="tour"] .lesson-progress').textContent`); got != "Questions right: 1 of 3" {
		t.Errorf("the index's progress mark says %q", got)
	}
}
