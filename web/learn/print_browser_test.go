package learn

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"testing/fstest"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"mailsim/lessons"
	"mailsim/web/browsertest"
	"mailsim/web/webtest"
)

// printable is the fixture's lesson "tour", every widget kind in it, with
// an external link added, since the built-in lessons have none yet.
func printable(t *testing.T) *lessons.Set {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, l := range lessons.Langs {
		for _, name := range []string{"01-tour.md", "02-rest.md"} {
			src, err := os.ReadFile(filepath.Join("../../lessons/testdata/full", string(l), name))
			if err != nil {
				t.Fatal(err)
			}
			if name == "01-tour.md" {
				src = append(src, "\nRead [RFC 5321](https://www.rfc-editor.org/rfc/rfc5321) and the [codes](/codes).\n"...)
			}
			fsys[string(l)+"/"+name] = &fstest.MapFile{Data: src}
		}
	}
	set, errs := lessons.LoadFS(webtest.Shipped(t), fsys, "print")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return set
}

// emulate is Emulation.setEmulatedMedia: "print" lays the page out as
// for paper, "" as for the screen again.
func emulate(media string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return err
	})
}

// TestBrowserPrintedLesson lays a lesson out for print, at the width of an
// A4 page's text, and checks what paper gets: no chrome, no buttons, no
// notes, black text on white, the quiz's question and options, the
// external link's address after it, tables kept whole, nothing wider than
// the page. MAILSIM_PRINT_OUT=DIR also writes DIR/lesson-print.pdf and
// the printed layout as DIR/lesson-print-N.png, for a person to look at.
func TestBrowserPrintedLesson(t *testing.T) {
	srv := webtest.Serve(t, webtest.Site(routes(t, printable(t))))
	tb := browsertest.Open(t)
	tb.Do("an A4 page's width", chromedp.EmulateViewport(680, 960))
	tb.Navigate(srv.URL + "/lessons/tour?lang=ro")
	tb.Do("print media", emulate("print"))
	if got := tb.Eval(`String(matchMedia('print').matches)`); got != "true" {
		t.Fatalf("print media is not emulated: %s", got)
	}

	shown := func(sel string) string {
		return `[...document.querySelectorAll('` + sel + `')].filter(e => e.getClientRects().length > 0).length`
	}
	for _, sel := range []string{".bar", ".skip", ".lesson-toc", ".lesson-pager", ".lesson-search", ".notes", "button", ".widget-open"} {
		if got := tb.Eval(`String(` + shown(sel) + `)`); got != "0" {
			t.Errorf("%s: %s element(s) printed", sel, got)
		}
	}
	for _, sel := range []string{".lesson-body h1", ".quiz legend", ".quiz-option", ".lesson-body table", ".player-embed"} {
		if got := tb.Eval(`String(` + shown(sel) + ` > 0)`); got != "true" {
			t.Errorf("%s is not printed", sel)
		}
	}
	if got := tb.Eval(`(() => { const s = getComputedStyle(document.querySelector('.lesson-body p')), b = getComputedStyle(document.body);
		return [s.color, b.backgroundColor, s.fontSize].join(' '); })()`); got != "rgb(0, 0, 0) rgb(255, 255, 255) 14.6667px" {
		t.Errorf("printed text (color, background, size) is %s, want black on white at 11pt", got)
	}
	if got := tb.Eval(`getComputedStyle(document.querySelector('a[href^="https:"]'), '::after').content`); got != `" (" attr(href) ")"` && got != `" (https://www.rfc-editor.org/rfc/rfc5321)"` {
		t.Errorf("the external link's address is not printed: %s", got)
	}
	if got := tb.Eval(`getComputedStyle(document.querySelector('a[href="/codes"]'), '::after').content`); got != "none" {
		t.Errorf("a link within the site prints its address: %s", got)
	}
	if got := tb.Eval(`[...document.querySelectorAll('.lesson-body table, .widget')].map(e => getComputedStyle(e).breakInside).filter(b => b !== 'avoid').join()`); got != "" {
		t.Errorf("tables or widgets may split across pages: %s", got)
	}
	if got := tb.Eval(`String(document.documentElement.scrollWidth <= innerWidth)`); got != "true" {
		t.Errorf("the printed lesson is wider than the page: %s", tb.Eval(`JSON.stringify([document.documentElement.scrollWidth, innerWidth,
			[...document.querySelectorAll('#lesson *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + (e.className.baseVal ?? e.className))])`))
	}
	if got := tb.Eval(`String([...document.querySelectorAll('.lesson-body *')].filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible').length)`); got != "0" {
		t.Errorf("%s printed boxes scroll sideways, cutting their content", got)
	}

	if dir := os.Getenv("MAILSIM_PRINT_OUT"); dir != "" {
		yes := true
		pdf, err := chromedp.Run(tb.Ctx, chromedp.Action[page.PrintToPDFResult](func(ctx context.Context, tg *chromedp.Target) (page.PrintToPDFResult, error) {
			return cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69})
		}))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "lesson-print.pdf"), pdf.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		// The layout as pictures, a page-sized piece at a time.
		height, _ := strconv.Atoi(tb.Eval(`String(document.documentElement.scrollHeight)`))
		for i, y := 0, 0; y < height && i < 12; i, y = i+1, y+960 {
			clip := &page.Viewport{X: 0, Y: float64(y), Width: 680, Height: float64(min(960, height-y)), Scale: 1}
			shot, err := chromedp.Run(tb.Ctx, chromedp.Action[page.CaptureScreenshotResult](func(ctx context.Context, tg *chromedp.Target) (page.CaptureScreenshotResult, error) {
				return cdp.Call(ctx, tg, page.CaptureScreenshot, page.CaptureScreenshotParams{Clip: clip, CaptureBeyondViewport: &yes})
			}))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("lesson-print-%d.png", i+1)), shot.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	tb.Do("screen media", emulate(""))
	if got := tb.Eval(`String(` + shown(".lesson-search") + `)`); got != "1" {
		t.Errorf("on screen again, %s search boxes show", got)
	}
}

// TestBrowserPrintedLessonsFitThePage: every built-in lesson, printed in
// either language at an A4 page's text width, is no wider than the page
// and cuts nothing off in a box that would scroll.
func TestBrowserPrintedLessonsFitThePage(t *testing.T) {
	srv := webtest.Serve(t, webtest.Site(routes(t, nil)))
	set, _ := lessons.Load(webtest.Shipped(t), "")
	tb := browsertest.Open(t)
	tb.Do("an A4 page's width", chromedp.EmulateViewport(680, 960), emulate("print"))
	for _, ls := range set.List() {
		for _, l := range lessons.Langs {
			tb.Navigate(srv.URL + URL(ls.Slug) + "?lang=" + string(l))
			if got := tb.Eval(`JSON.stringify([document.documentElement.scrollWidth - innerWidth,
				[...document.querySelectorAll('#lesson *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1 ||
					e.scrollWidth > e.clientWidth + 1 && !['visible', 'hidden', 'clip'].includes(getComputedStyle(e).overflowX))
				.slice(0, 5).map(e => e.tagName + '.' + (e.className.baseVal ?? e.className)), matchMedia('print').matches])`); got != "[0,[],true]" {
				t.Errorf("%s (%s) printed: [overflow in px, boxes too wide, print media] = %s", ls.Slug, l, got)
			}
		}
	}
}
