package learn

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mailsim/lang"
	"mailsim/lessons"
	"mailsim/sim/mime"
	"mailsim/web/browsertest"
	"mailsim/web/webtest"
)

// tracerIn is a JavaScript expression for the element sel inside the n-th
// tracer of the lesson (from 1).
func tracerIn(n int, sel string) string {
	return fmt.Sprintf(`document.querySelectorAll('[data-widget="base64"] [data-tracer]')[%d].querySelector('%s')`, n-1, sel)
}

// groupShown is what the n-th tracer's step view shows of its group: the
// group's number, its characters and the Base64 it writes.
func groupShown(n int) string {
	return `(() => { const s = ` + tracerIn(n, `[data-part="step"]`) + `;
		return [s.querySelector('[data-role="n"]')?.textContent,
			[...s.querySelectorAll('[data-row="char"] td')].map(td => td.textContent).join(''),
			[...s.querySelectorAll('[data-row="out"] td')].map(td => td.textContent).join('')].join(' '); })()`
}

// groupOf is what groupShown should say of group g of input's encoding,
// from sim/mime's own trace.
func groupOf(input string, g int) string {
	grp := mime.TraceEncode([]byte(input)).Groups[g]
	var chars, out strings.Builder
	for _, b := range grp.Bytes {
		chars.WriteString(b.Char)
	}
	for _, s := range grp.Sextets {
		out.WriteString(s.Char)
	}
	return fmt.Sprintf("%d %s %s", g+1, chars.String(), out.String())
}

// TestBrowserLessonTracer opens the built-in lesson with a Base64 widget,
// finds it traced as the lab traces it, types a new input, traces it, and
// steps to its second group with the button and with the arrow key.
func TestBrowserLessonTracer(t *testing.T) {
	lib := webtest.Shipped(t)
	set, errs := lessons.Load(lib, "")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var slug, input string
	for _, ls := range set.List() {
		for _, w := range ls.In(lang.EN).Widgets {
			if w.Kind == "base64" && w.Attrs["mode"] != "decode" && slug == "" {
				slug, input = ls.Slug, w.Attrs["input"]
			}
		}
	}
	if slug == "" {
		t.Fatal("no built-in lesson has a Base64 widget that encodes")
	}
	srv := webtest.Serve(t, webtest.Site(routes(t, set)))
	tb := browsertest.Open(t)
	tb.Navigate(srv.URL + URL(slug) + "?lang=en")

	count := func(n int) string { return tracerIn(n, `[data-testid="count"]`) + `.textContent` }
	pos := func(n int) string { return tracerIn(n, `[data-testid="pos"]`) + `.textContent` }
	tb.Until("the lesson's example traced", count(1)+` === '`+fmt.Sprint(len(mime.TraceEncode([]byte(input)).Groups))+`'`)
	if got, want := tb.Eval(groupShown(1)), groupOf(input, 0); got != want {
		t.Errorf("the example's first group shows %q, want %q", got, want)
	}
	if got, want := tb.Eval(tracerIn(1, `[data-part="output"] mark`)+`.textContent`), mime.TraceEncode([]byte(input)).Output[:4]; got != want {
		t.Errorf("the output marks %q, want %q", got, want)
	}

	// A new input, typed and traced with the tracer's own button.
	const typed = "Many"
	tb.Eval(tracerIn(1, `textarea`) + `.value = ''`)
	tb.Do("typing "+typed, browsertest.TypeInto(`[data-widget="base64"] textarea`, typed)...)
	tb.Do("tracing it", chromedp.Evaluate[chromedp.Void](tracerIn(1, `button[type="submit"]`)+`.click()`))
	tb.Until("its groups", count(1)+` === '`+fmt.Sprint(len(mime.TraceEncode([]byte(typed)).Groups))+`'`)
	if got, want := tb.Eval(groupShown(1)), groupOf(typed, 0); got != want {
		t.Errorf("%s's first group shows %q, want %q", typed, got, want)
	}
	tb.Do("stepping", chromedp.Evaluate[chromedp.Void](tracerIn(1, `[data-op="step"]`)+`.click()`))
	tb.Until("group 2", pos(1)+` === '2'`)
	if got, want := tb.Eval(groupShown(1)), groupOf(typed, 1); got != want {
		t.Errorf("%s's second group shows %q, want %q", typed, got, want)
	}
	if got, want := tb.Eval(tracerIn(1, `[data-part="output"] mark`)+`.textContent`), mime.TraceEncode([]byte(typed)).Output[4:8]; got != want {
		t.Errorf("the output marks %q, want %q", got, want)
	}
	// The keys work while the focus is in the tracer: ← goes back.
	tb.Do("back with ←", chromedp.Evaluate[chromedp.Void](tracerIn(1, `[data-op="step"]`)+`.focus()`), chromedp.KeyEvent(kb.ArrowLeft))
	tb.Until("group 1", pos(1)+` === '1'`)
}

// TestBrowserTwoTracersApart opens a lesson with two Base64 widgets, one
// encoding and one decoding, and finds that stepping, the keys and a new
// input in one leave the other as it was, and that the keys pressed outside
// both move neither.
func TestBrowserTwoTracersApart(t *testing.T) {
	const enc, dec = "Many", "TWFueQ=="
	lesson := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntopics: encodings\n---\n# " + title + "\n\n## Two\n\n" +
			"```mailsim base64 input=\"" + enc + "\"\n```\n\nBetween.\n\n```mailsim base64 input=\"TWFueQ==\" mode=decode\n```\n")}
	}
	set, errs := lessons.LoadFS(webtest.Shipped(t), fstest.MapFS{"en/01-two.md": lesson("Two"), "ro/01-two.md": lesson("Două")}, "two")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	srv := webtest.Serve(t, webtest.Site(routes(t, set)))
	tb := browsertest.Open(t)
	tb.Navigate(srv.URL + URL("two") + "?lang=en")
	count := func(n int) string { return tracerIn(n, `[data-testid="count"]`) + `.textContent` }
	pos := func(n int) string { return tracerIn(n, `[data-testid="pos"]`) + `.textContent` }
	state := func() string {
		return tb.Eval(`[...document.querySelectorAll('[data-widget="base64"] [data-tracer]')].map(r =>
			r.querySelector('[data-testid="pos"]').textContent + '/' + r.querySelector('[data-testid="count"]').textContent).join(' ')`)
	}
	lit := func(n int) string {
		return tb.Eval(`[...` + tracerIn(n, `ol`) + `.querySelectorAll('li.lit')].map(l => Number(l.dataset.index)).sort((a, b) => a - b).join(' ')`)
	}
	indices := func(sextets []mime.Sextet) string { // in the order of the values
		var out []int
		for _, s := range sextets {
			if !s.Pad {
				out = append(out, s.Index)
			}
		}
		slices.Sort(out)
		return strings.Trim(fmt.Sprint(out), "[]")
	}
	decoded, err := mime.TraceDecode(dec)
	if err != nil {
		t.Fatal(err)
	}
	tb.Until("both traced", count(1)+` === '2' && `+count(2)+` === '2'`)
	if got := tb.Eval(`String(new Set([...document.querySelectorAll('[id]')].map(e => e.id)).size === document.querySelectorAll('[id]').length)`); got != "true" {
		t.Errorf("two tracers repeat an id")
	}
	if got := tb.Eval(tracerIn(2, `[data-part="decoded"]`) + `.textContent`); !strings.HasPrefix(got, decoded.Text) {
		t.Errorf("the decoding tracer shows %q, want %q", got, decoded.Text)
	}

	tb.Do("stepping the first", chromedp.Evaluate[chromedp.Void](tracerIn(1, `[data-op="last"]`)+`.click()`))
	tb.Until("the first at group 2", pos(1)+` === '2'`)
	if got := state(); got != "2/2 1/2" {
		t.Errorf("after stepping the first tracer: %s, want 2/2 1/2", got)
	}
	if got, want := lit(1), indices(mime.TraceEncode([]byte(enc)).Groups[1].Sextets); got != want {
		t.Errorf("the first tracer's index table lights %s, want %s", got, want)
	}
	if got, want := lit(2), indices(decoded.Groups[0].Sextets); got != want {
		t.Errorf("the second tracer's index table lights %s, want %s, its own first group", got, want)
	}
	tb.Do("← in the first", chromedp.Evaluate[chromedp.Void](tracerIn(1, `[data-op="step"]`)+`.focus()`), chromedp.KeyEvent(kb.ArrowLeft))
	tb.Until("the first at group 1", pos(1)+` === '1'`)
	tb.Do("→ in the second", chromedp.Evaluate[chromedp.Void](tracerIn(2, `[data-op="step"]`)+`.focus()`), chromedp.KeyEvent(kb.ArrowRight))
	tb.Until("the second at group 2", pos(2)+` === '2'`)
	if got := state(); got != "1/2 2/2" {
		t.Errorf("after → in the second tracer: %s, want 1/2 2/2", got)
	}
	tb.Do("Home outside both", chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`), chromedp.KeyEvent(kb.Home))
	if got := state(); got != "1/2 2/2" {
		t.Errorf("Home outside the tracers moved them: %s", got)
	}

	tb.Eval(tracerIn(2, `textarea`) + `.value = 'TWFu'`)
	tb.Do("a new input in the second", chromedp.Evaluate[chromedp.Void](tracerIn(2, `button[type="submit"]`)+`.click()`))
	tb.Until("the second's one group", count(2)+` === '1'`)
	if got := state(); got != "1/2 1/1" {
		t.Errorf("after a new input in the second tracer: %s, want 1/2 1/1", got)
	}
	if got, want := tb.Eval(groupShown(1)), groupOf(enc, 0); got != want {
		t.Errorf("the first tracer now shows %q, want %q", got, want)
	}
}
