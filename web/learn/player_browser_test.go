package learn

import (
	"log/slog"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mailsim/lang"
	"mailsim/web/browsertest"
	"mailsim/web/outbox"
	"mailsim/web/player"
	"mailsim/web/webtest"
)

// TestBrowserEmbeddedPlayer steps a lesson's player over the player's
// socket: the counter, the transcript and the "now" panel follow the run
// the player itself would show, the controls keep to the widget's
// from..to, the link into the full player follows the step, the arrow keys
// move only the player that has the focus, the lesson's other player
// stays where it was, and in presentation mode the players still work.
func TestBrowserEmbeddedPlayer(t *testing.T) {
	lib := webtest.Shipped(t)
	spec, _ := lib.Get("one-system")
	trace, err := player.New(lib, &outbox.Store{}, slog.New(slog.DiscardHandler)).Trace(spec.In(lang.EN))
	if err != nil {
		t.Fatal(err)
	}
	srv := webtest.Serve(t, webtest.Site(routes(t, fixture(t))))
	tb := browsertest.Open(t)
	tb.Navigate(srv.URL + "/lessons/tour?lang=en")

	// The tour's second player is one-system from=1 to=4; the first is
	// lan-both at step 3.
	const second = `document.querySelectorAll('[data-testid="player-embed"]')[1]`
	at := func(n int) {
		t.Helper()
		tb.Until("the second player at step "+strconv.Itoa(n), second+`.querySelector('[data-testid="step"]').textContent === '`+strconv.Itoa(n)+`'
			&& `+second+`.querySelectorAll('[data-testid="event"]').length === `+strconv.Itoa(n))
		if got, want := tb.Eval(second+`.querySelector('.now-why').textContent`), explain(lang.EN, trace[n-1].Key); got != want {
			t.Errorf("at step %d the player says %q, want %q", n, got, want)
		}
		if got := tb.Eval(`new URL(` + second + `.querySelector('[data-testid="widget-open"]').href).searchParams.get('step')`); got != strconv.Itoa(n) {
			t.Errorf("at step %d the link into the player opens step %s", n, got)
		}
	}
	click := func(op string) {
		tb.Do(op, chromedp.Evaluate[chromedp.Void](second+`.querySelector('button[data-op="`+op+`"]').click()`))
	}
	at(1)
	click("step")
	at(2)
	click("end")
	at(4)
	click("step") // to=4 is the widget's last step
	click("back")
	at(3)
	tb.Do("focusing the second player", chromedp.Evaluate[chromedp.Void](second+`.querySelector('button[data-op="back"]').focus()`))
	tb.Do("the left arrow", chromedp.KeyEvent(kb.ArrowLeft))
	at(2)
	click("restart")
	at(1)
	if got := tb.Eval(`document.querySelector('[data-testid="player-embed"] [data-testid="step"]').textContent`); got != "3" {
		t.Errorf("the first player moved to step %s with the second", got)
	}

	// As a slide (P), the players still step, and the slide stays put.
	tb.Do("presenting", chromedp.KeyEvent("p"))
	click("step")
	at(2)
	if got := tb.Eval(`[...document.querySelectorAll('.lesson-body > :not([hidden])')].map(e => e.dataset.slide).filter((s, i, a) => a.indexOf(s) === i).join()`); got != "0" {
		t.Errorf("stepping a player in presentation mode shows slide(s) %s, want the players' slide 0", got)
	}
}
