package web

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mailsim/lang"
	"mailsim/web/browsertest"
)

// TestBrowserAxe: axe-core finds nothing wrong on any page, in either
// language, on a wide screen and on a phone (where other parts scroll).
func TestBrowserAxe(t *testing.T) {
	src := browsertest.AxeOrSkip(t)
	srv, _ := consoleServer(t)
	pages := everyPage(t)
	for _, phone := range []bool{false, true} {
		screen := map[bool]string{false: "desktop", true: "phone"}[phone]
		visitAll(t, srv.URL, phone, pages, func(tb *tab, p page, l lang.Lang) {
			found := tb.Axe(src)
			n := 0
			for _, v := range found {
				n += v.Count
			}
			t.Logf("%s (%s, %s): %d violations of %d rules", p.Name, l, screen, n, len(found))
			for _, v := range found {
				t.Errorf("%s (%s, %s): %s (%s, %d elements): %s\n\t%s",
					p.Name, l, screen, v.ID, v.Impact, v.Count, v.Help, strings.Join(v.Nodes, "\n\t"))
			}
		})
	}
}

// firstStopJS is the page's first stop in the keyboard's order: the first
// rendered, enabled element that takes the focus with tabindex 0 or none.
const firstStopJS = `(() => {
	const sel = 'a[href], button, input, select, textarea, summary, [tabindex]';
	const e = [...document.querySelectorAll(sel)].find(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length);
	return e ? e.outerHTML.slice(0, 120) : '';
})()`

// TestBrowserSkipLink: the first stop of the keyboard on every page is the
// skip link, in the page's language. Where no script has taken the focus,
// the first Tab reaches it and Enter moves the focus to the content.
func TestBrowserSkipLink(t *testing.T) {
	srv, _ := consoleServer(t)
	visitAll(t, srv.URL, false, everyPage(t), func(tb *tab, p page, l lang.Lang) {
		want := fmt.Sprintf(`<a class="skip" href="#content">%s</a>`, tr(l, "skip"))
		if got := tb.Eval(firstStopJS); got != want {
			t.Errorf("%s (%s): the first stop is %s, want %s", p.Name, l, got, want)
			return
		}
		if tb.Eval(`String(document.activeElement === document.body)`) != "true" {
			return // the console's scripts focus the line to type in
		}
		tb.Do("pressing Tab", chromedp.KeyEvent(kb.Tab))
		if got := tb.Eval(`document.activeElement.outerHTML.slice(0, 120)`); got != want {
			t.Errorf("%s (%s): the first Tab reaches %s, want the skip link", p.Name, l, got)
			return
		}
		tb.Do("following the skip link", chromedp.KeyEvent(kb.Enter))
		tb.Until(p.Name+": the focus on the content", `document.activeElement === document.getElementById('content')`)
	})
}

// focusJS focuses every visible control of the page in turn (after a Tab,
// so that the browser shows the ring as it does for the keyboard), and lists those whose focus ring has under 3:1 contrast
// with what lies behind it (WCAG 2.2, 1.4.11 and 2.4.13), or no ring.
const focusJS = `(() => {
	const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
	const lum = ([r, g, b]) => [r, g, b].map(v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
		.reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
	const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
	// An outline drawn inside the element (a negative offset) lies on its
	// own background; one outside, on its parent's.
	const behind = e => {
		const inside = parseFloat(getComputedStyle(e).outlineOffset) < 0;
		for (let p = inside ? e : e.parentElement; p; p = p.parentElement) {
			const c = rgb(getComputedStyle(p).backgroundColor);
			if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
		}
		return [255, 255, 255];
	};
	const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' + e.textContent.trim().slice(0, 20) + '"';
	const bad = [];
	const sel = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
	for (const e of document.querySelectorAll(sel)) {
		if (!e.getClientRects().length || getComputedStyle(e).visibility === 'hidden') continue;
		e.focus({preventScroll: true});
		if (document.activeElement !== e) continue;
		if (!e.matches(':focus-visible')) { bad.push(name(e) + ' shows no focus'); continue; }
		const s = getComputedStyle(e);
		const width = parseFloat(s.outlineWidth);
		const r = s.outlineStyle === 'none' || width < 2 ? 0 : ratio(rgb(s.outlineColor), behind(e));
		if (r < 3) bad.push(name(e) + ' ' + r.toFixed(2) + ':1');
	}
	document.activeElement.blur();
	return JSON.stringify(bad);
})()`

// TestBrowserFocusRing: the focus ring of every control on every page has
// at least 3:1 contrast with its background, in the bar and on the paper.
func TestBrowserFocusRing(t *testing.T) {
	srv, _ := consoleServer(t)
	visitAll(t, srv.URL, false, everyPage(t), func(tb *tab, p page, l lang.Lang) {
		var bad []string
		// Where a script has focused the line to type in, nothing may follow
		// it, and the keyboard goes back instead.
		var opts []chromedp.KeyOption
		if tb.Eval(`String(document.activeElement === document.body)`) != "true" {
			opts = append(opts, chromedp.KeyModifiers(chromedp.ModifierShift))
		}
		tb.Do("pressing Tab", chromedp.KeyEvent(kb.Tab, opts...))
		tb.evalJSON(focusJS, &bad)
		if len(bad) > 0 {
			t.Errorf("%s (%s): focus rings under 3:1 (%d): %s", p.Name, l, len(bad), strings.Join(firstN(bad, 8), ", "))
		}
	})
}

func firstN(s []string, n int) []string {
	if len(s) > n {
		return append(s[:n:n], fmt.Sprintf("… %d more", len(s)-n))
	}
	return s
}
