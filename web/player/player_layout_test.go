package player

import (
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mailsim/sim"
	"mailsim/web/webtest"
)

// overlapsJS lists the pairs among the elements sel finds, in the document
// doc, whose boxes overlap, as "text / text".
const overlapsJS = `((doc, sel) => {
	const boxes = [...doc.querySelectorAll(sel)].map(e => [e.textContent, e.getBoundingClientRect()]);
	const out = [];
	for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
		const [a, p] = boxes[i], [b, q] = boxes[j];
		if (p.width && q.width && p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) out.push(a + ' / ' + b);
	}
	return JSON.stringify(out);
})`

// TestBrowserLaneLabelsApart measures every scenario's lane labels and host
// names, on the page at 1280 and 1600 px and in the SVG export, and wants
// no two boxes to overlap, and no row's label out of the diagram. Then it
// scrolls the ladder to its end and wants the labels still in view: the
// lanes' header is sticky.
func TestBrowserLaneLabelsApart(t *testing.T) {
	tb, base := playerTab(t)
	defer tb.Close()
	const labels = `.lane-label, .lane-host`
	for _, width := range []int64{1280, 1600} {
		tb.Do("sizing", chromedp.EmulateViewport(width, 900))
		for _, spec := range webtest.Shipped(t).List() {
			for _, l := range []string{"ro", "en"} {
				tb.Navigate(base + URL(spec.Name) + "?step=1000&lang=" + l)
				tb.Until("the player", liveJS)
				if got := tb.Eval(fmt.Sprintf(`%s(document, %q)`, overlapsJS, labels)); got != "[]" {
					t.Errorf("%s (%s) at %d px: lane labels overlap: %s", spec.Name, l, width, got)
				}
				cut := tb.Eval(`(() => { const svg = document.querySelector('.ladder').getBoundingClientRect();
					return JSON.stringify([...document.querySelectorAll('.ladder .row text')].filter(e => { const r = e.getBoundingClientRect(); return r.left < svg.left - 1 || r.right > svg.right + 1; }).map(e => e.textContent)); })()`)
				if cut != "[]" {
					t.Errorf("%s (%s) at %d px: ladder rows run out of the diagram: %s", spec.Name, l, width, cut)
				}
				// A diagram with few lanes keeps its drawn size rather than
				// stretching to the box.
				if scale := tb.Eval(`(() => { const svg = document.querySelector('.ladder');
					const k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; return k > 1.01 ? k.toFixed(2) : ''; })()`); scale != "" {
					t.Errorf("%s (%s) at %d px: the ladder is drawn %s× its size", spec.Name, l, width, scale)
				}
			}
			if width == 1280 { // the page is in English now
				got, err := chromedp.Run(tb.Ctx, chromedp.Evaluate[string](fmt.Sprintf(`(async () => {
					const r = await fetch(document.querySelector('[data-testid="export-ladder"]').href);
					const svg = new DOMParser().parseFromString(await r.text(), 'image/svg+xml').documentElement;
					const host = document.createElement('div');
					host.append(document.adoptNode(svg));
					document.body.append(host);
					const out = %s(host, %q);
					host.remove();
					return out;
				})()`, overlapsJS, labels), chromedp.EvalAwaitPromise))
				if err != nil || got != "[]" {
					t.Errorf("%s: lane labels overlap in the SVG export: %s %v", spec.Name, got, err)
				}
			}
		}
	}
	tb.Navigate(base + "/play/lan-both?step=1000&lang=en")
	tb.Until("connecting", liveJS)
	tb.Do("scrolling the ladder", chromedp.Evaluate[chromedp.Void](`document.querySelector('.ladder-scroll').scrollTo(0, 1e6)`))
	tb.Until("the header following", `(() => {
		const box = document.querySelector('.ladder-scroll').getBoundingClientRect();
		const label = document.querySelector('.lane-label').getBoundingClientRect();
		return document.querySelector('.ladder-scroll').scrollTop > 200 && label.top >= box.top && label.bottom <= box.bottom;
	})()`)
}

// retrStep is the step of scenario 4 that shows the RETR reply bringing
// the message back to the reader.
func retrStep(t *testing.T) int {
	spec, _ := webtest.Shipped(t).Get("lan-both")
	trace, _ := sim.Run(spec, sim.EventLimit)
	for i := range trace {
		if bringsMessage(trace, i) {
			return i + 1
		}
	}
	t.Fatal("scenario 4 has no RETR reply")
	return 0
}

// inViewJS tells, for each of the elements sel lists, whether it shows
// inside the first viewport, unscrolled, and is at least 12 CSS px tall.
const inViewJS = `((sels) => JSON.stringify(sels.map(sel => {
	const e = document.querySelector(sel);
	if (!e) return sel + ': missing';
	const r = e.getBoundingClientRect();
	const ok = r.height >= 12 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1;
	return ok ? 'ok' : sel + ': ' + [r.left, r.top, r.right, r.bottom].map(Math.round).join(',') + ' in ' + innerWidth + 'x' + innerHeight;
})))`

// TestBrowserPresentFitsAProjector opens scenario 4 at the RETR reply in
// presentation mode at 1280×720 and at 150% zoom of it (853×480), and wants
// the topology, the current transcript line and the current explanation
// inside the first screen, the explanation at least 22 device pixels high.
func TestBrowserPresentFitsAProjector(t *testing.T) {
	step := retrStep(t)
	tb, base := playerTab(t)
	defer tb.Close()
	for _, zoom := range []float64{1, 1.5} {
		w, h := int64(1280/zoom), int64(720/zoom)
		tb.Do("sizing", chromedp.EmulateViewport(w, h, chromedp.EmulateScale(zoom)))
		tb.Navigate(fmt.Sprintf("%s/play/lan-both?step=%d&lang=ro", base, step))
		tb.Until("the player", liveJS)
		if tb.Eval(`String(document.documentElement.classList.contains('present'))`) != "true" {
			tb.Do("pressing p", chromedp.KeyEvent("p"))
		}
		tb.Until("presentation mode", `document.documentElement.classList.contains('present')`)
		tb.Until("the current line", `document.querySelector('#transcript li.latest') !== null`)
		tb.Do("scrolling to the top", chromedp.Evaluate[chromedp.Void](`scrollTo(0, 0)`))
		got := tb.Eval(inViewJS + `(['.stage .topology', '#transcript li.latest .wl', '.now .now-why'])`)
		if got != `["ok","ok","ok"]` {
			t.Errorf("presentation at %dx%d (zoom %.1f): %s", w, h, zoom, got)
		}
		if txt := tb.Eval(`document.querySelector('.now .now-why').textContent`); txt == "" {
			t.Errorf("presentation at %dx%d: the current explanation is empty", w, h)
		}
		if px := tb.Eval(`String(parseFloat(getComputedStyle(document.querySelector('.now .now-why')).fontSize) * devicePixelRatio >= 22)`); px != "true" {
			t.Errorf("presentation at %dx%d: the explanation's type is under 22 device px", w, h)
		}
		if zoom == 1 {
			tb.Shoot("player-present.png")
		}
	}
	// A slide clicker sends PageDown and PageUp.
	tb.Do("pressing PageDown", chromedp.KeyEvent(kb.PageDown))
	tb.Until("the next step", stepIs(step+1))
	tb.Do("pressing PageUp", chromedp.KeyEvent(kb.PageUp))
	tb.Until("the step before", stepIs(step))
}

// TestBrowserPlayerOnAPhone opens every scenario at its end at 390×844 and
// wants nothing of the player wider than the screen, so that it does not
// scroll sideways, and a transcript whose lines fit. The ladder scrolls
// sideways inside its own box, by design. (The bar above every page is the
// layout's, which the test over all routes checks.)
func TestBrowserPlayerOnAPhone(t *testing.T) {
	tb, base := playerTab(t)
	defer tb.Close()
	tb.Do("sizing", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)))
	if _, err := chromedp.Call(tb.Ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "hover", Value: "none"}}}); err != nil {
		t.Fatalf("emulating a touch screen: %v", err)
	}
	for _, spec := range webtest.Shipped(t).List() {
		tb.Navigate(base + URL(spec.Name) + "?step=1000&lang=ro")
		tb.Until("the player", liveJS)
		got := tb.Eval(`JSON.stringify([document.getElementById('player').scrollWidth <= innerWidth,
			[...document.querySelectorAll('#transcript li')].every(li => li.getBoundingClientRect().right <= innerWidth + 1 && li.scrollWidth <= li.clientWidth + 1),
			[...document.querySelectorAll('#player *:not(.ladder-scroll *, .topo-scroll *)')].filter(e => e.getBoundingClientRect().right > innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + (e.className.baseVal ?? e.className))])`)
		if got != `[true,true,[]]` {
			t.Errorf("%s at 390 px: player fits, transcript fits, wider parts = %s", spec.Name, got)
		}
		// The topology scrolls in its own box rather than shrink its
		// names to a few pixels; touch screens get no keyboard hint.
		if got := tb.Eval(`(() => { const svg = document.querySelector('.topology');
			const k = svg.getBoundingClientRect().height / svg.viewBox.baseVal.height;
			return JSON.stringify([k >= 0.6, getComputedStyle(document.querySelector('.keys')).display]); })()`); got != `[true,"none"]` {
			t.Errorf("%s at 390 px: topology readable, keys hint display = %s", spec.Name, got)
		}
	}
}

// TestBrowserReducedMotion steps scenario 4 onto a command with
// prefers-reduced-motion set: the token and the envelope jump without a
// transition, and the chips the step goes between stay marked.
func TestBrowserReducedMotion(t *testing.T) {
	tb, base := playerTab(t)
	defer tb.Close()
	if _, err := chromedp.Call(tb.Ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}}); err != nil {
		t.Fatalf("asking for less motion: %v", err)
	}
	step := retrStep(t) - 1 // the RETR command
	tb.Navigate(fmt.Sprintf("%s/play/lan-both?step=%d", base, step-1))
	tb.Until("connecting", liveJS)
	tb.Do("stepping", chromedp.KeyEvent(kb.ArrowRight))
	tb.Until("the step", stepIs(step))
	got := tb.Eval(`JSON.stringify([getComputedStyle(document.querySelector('.token')).transitionDuration, getComputedStyle(document.querySelector('.envelope')).transitionDuration,
		document.querySelectorAll('.chip.from, .chip.to').length, document.querySelector('.token text').textContent])`)
	if got != `["0s","0s",2,"RETR"]` {
		t.Errorf("with reduced motion: token and envelope transitions, marked chips, token = %s", got)
	}
}
