package web

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"mailsim/lang"
	"mailsim/lessons"
	"mailsim/web/browsertest"
	"mailsim/web/mimelab"
	"mailsim/web/player"
	"mailsim/web/view"
)

// page is one state of one page that the layout tests visit: its address
// (without the language) and, where its script draws after loading or the
// page shows more once used, what to wait for and do before measuring.
type page struct {
	Name  string
	Path  string
	Ready string        // a JavaScript condition that the page has drawn itself; "" when it is static
	Use   func(tb *tab) // what a student does first (connect, build a message); nil for nothing
	Gone  bool          // the page is a 404, which the browser logs as a failed load
}

// everyPage lists every page the router serves, as a reader reaches them:
// the bar's sections, every scenario's player, the lab's tabs and sheets,
// the consoles connected and not, and the error pages. A new page joins the
// tests by joining the bar's sections, the lab's pages, the lessons or
// extraPages.
func everyPage(t *testing.T) []page {
	t.Helper()
	var pages []page
	seen := map[string]bool{}
	add := func(p page) {
		if !seen[p.Name] {
			seen[p.Name] = true
			pages = append(pages, p)
		}
	}
	for _, p := range view.SectionPaths() {
		add(page{Name: p, Path: p})
	}
	for _, spec := range shipped(t).List() {
		add(page{Name: player.URL(spec.Name), Path: player.URL(spec.Name)})
	}
	for _, p := range mimelab.Pages() {
		add(page{Name: p, Path: p, Ready: tracerReady[p]})
	}
	set, errs := lessons.Load(shipped(t), "")
	if len(errs) > 0 {
		t.Fatalf("loading the lessons: %v", errs)
	}
	for _, ls := range set.List() {
		add(page{Name: lessons.Path(ls.Slug), Path: lessons.Path(ls.Slug)})
	}
	for _, p := range extraPages {
		add(p)
	}
	return pages
}

// tracerReady is how a tracer page shows that its first trace is drawn.
var tracerReady = map[string]string{
	"/lab":    tracedJS,
	"/lab/qp": tracedJS,
	"/lab/uu": tracedJS,
}

const tracedJS = `document.querySelector('[data-testid="count"]').textContent !== '0'`

// extraPages are the pages no list of the app names: those behind a link
// inside a page, the states a student brings a page into, and the errors.
var extraPages = []page{
	{Name: "/lab?mode=decode", Path: "/lab?mode=decode&text=TWFu", Ready: tracedJS},
	{Name: "/lab/compose (built)", Path: "/lab/compose", Use: buildMessage},
	{Name: "/console (SMTP)", Path: "/console", Use: connectConsole("smtp")},
	{Name: "/console (POP3)", Path: "/console", Use: connectConsole("pop3")},
	{Name: "/console/nslookup", Path: "/console/nslookup", Ready: `!document.getElementById('line').disabled`},
	{Name: "/lessons/search", Path: "/lessons/search?q=casuta"},
	{Name: "/lessons/glossary", Path: "/lessons/glossary"},
	{Name: "404", Path: "/no/such/page", Gone: true},
	{Name: "404 scenario", Path: "/play/no-such-scenario", Gone: true},
}

// buildMessage fills the composer's form and builds the message, so that
// the page shows its header table, MIME tree and raw text.
func buildMessage(tb *tab) {
	tb.T.Helper()
	tb.Load("building a message",
		chromedp.SetValue(chromedp.CSS(`input[name="subject"]`), "Diagrama"),
		chromedp.SetValue(chromedp.CSS(`textarea[name="html"]`), "<p>Bună, <b>Bob</b>!</p>"),
		chromedp.Click(chromedp.CSS(`[data-testid="compose-form"] button[type="submit"]`)),
	)
	tb.Do("finding the message", chromedp.WaitVisible(chromedp.CSS(`[data-testid="raw"]`)))
}

// connectConsole opens a session on the console and types a command, so
// that the terminal shows the server's lines and their explanations.
func connectConsole(proto string) func(tb *tab) {
	return func(tb *tab) {
		tb.T.Helper()
		tb.Do("connecting", chromedp.Click(chromedp.CSS(`[data-testid="connect-`+proto+`"]`)))
		tb.Until("the greeting", termEvents+` >= 1 && document.getElementById('console').dataset.live === 'true'`)
		line := map[string]string{"smtp": "ehlo pc.example.org", "pop3": "capa"}[proto]
		tb.Do("typing "+line, browsertest.TypeInto(`#line`, line+"\r")...)
		tb.Until("the reply", termEvents+` >= 3`)
	}
}

// inLang is path in language l.
func inLang(path string, l lang.Lang) string {
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + "lang=" + string(l)
}

// open loads p in language l and brings it to the state p describes.
func (tb *tab) open(base string, p page, l lang.Lang) {
	tb.T.Helper()
	addr := base + inLang(p.Path, l)
	if p.Gone { // its failed load is no error
		tb.Expect("status of 404 (Not Found) " + addr)
	}
	tb.Navigate(addr)
	if p.Ready != "" {
		tb.Until(p.Name+" drawn", p.Ready)
	}
	if p.Use != nil {
		p.Use(tb)
	}
}

// phone is the viewport of a common phone held upright.
const phoneWidth, phoneHeight = 390, 844

// onPhone makes the tab a 390×844 touch screen.
func (tb *tab) onPhone() {
	tb.T.Helper()
	tb.Do("emulating a phone", chromedp.EmulateViewport(phoneWidth, phoneHeight, chromedp.EmulateMobile, chromedp.EmulateTouch))
}

// overflowJS measures the page's width against the screen's and names the
// widest elements that stick out, so that a failure says where to look.
const overflowJS = `(() => {
	const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
		(e.classList.length ? '.' + [...e.classList].join('.') : '');
	const out = [...document.body.querySelectorAll('*')]
		.filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && e.getClientRects().length)
		.filter(e => ![...e.children].some(c => c.getBoundingClientRect().right >= e.getBoundingClientRect().right))
		.slice(0, 6)
		.map(e => name(e) + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
	return JSON.stringify({scroll: document.documentElement.scrollWidth, inner: innerWidth, out});
})()`

type overflow struct {
	Scroll int      `json:"scroll"`
	Inner  int      `json:"inner"`
	Out    []string `json:"out"`
}

// TestBrowserPhoneNoSidewaysScroll: on a 390×844 phone, no page of the app,
// in either language, is wider than the screen, so nothing needs a sideways
// scroll and the bar's links all stay in reach.
func TestBrowserPhoneNoSidewaysScroll(t *testing.T) {
	srv, _ := consoleServer(t)
	visitAll(t, srv.URL, true, everyPage(t), func(tb *tab, p page, l lang.Lang) {
		var o overflow
		tb.evalJSON(overflowJS, &o)
		t.Logf("%s (%s): %d px in a %d px window", p.Name, l, o.Scroll, o.Inner)
		// A phone zooms out to fit a page wider than the screen, which
		// widens the window: that is the same fault.
		if o.Scroll > o.Inner || o.Inner != phoneWidth {
			t.Errorf("%s (%s): the page is %d px wide on a %d px phone; sticking out: %s",
				p.Name, l, o.Scroll, phoneWidth, strings.Join(o.Out, ", "))
		}
		// Every link of the bar is on the screen, none hidden past its edge.
		var off []string
		tb.evalJSON(`JSON.stringify([...document.querySelectorAll('.bar a')].filter(a => {
			const r = a.getBoundingClientRect();
			return r.width === 0 || r.left < 0 || r.right > innerWidth;
		}).map(a => a.textContent))`, &off)
		if len(off) > 0 {
			t.Errorf("%s (%s): bar links off the phone's screen: %v", p.Name, l, off)
		}
	})
}

// perTab is how many pages one tab visits before the next takes over:
// browsertest gives each tab a minute.
const perTab = 12

// visitAll opens every page in both languages, on a phone or a wide
// screen, and runs check on each.
func visitAll(t *testing.T, base string, phone bool, pages []page, check func(tb *tab, p page, l lang.Lang)) {
	t.Helper()
	var tb *tab
	n := 0
	for _, l := range lang.All {
		for _, p := range pages {
			if n%perTab == 0 {
				if tb != nil {
					tb.Close()
				}
				tb = openBrowser(t)
				if phone {
					tb.onPhone()
				}
			}
			n++
			tb.open(base, p, l)
			check(tb, p, l)
		}
	}
	if tb != nil {
		tb.Close()
	}
}

// screenshotDir is where the browser tests write the docs' screenshots, as
// shoot does for the player's: docs/, when MAILSIM_SCREENSHOT is set.
func screenshotDir(t *testing.T) string {
	t.Helper()
	if os.Getenv("MAILSIM_SCREENSHOT") == "" {
		t.Skip("set MAILSIM_SCREENSHOT=1 to make the screenshots in docs/")
	}
	return filepath.Join("..", "docs")
}

// TestBrowserPhoneScreenshots makes docs/lab-phone.png, the Base64 lab on a
// phone, and, when MAILSIM_SCREENSHOT_ALL is set, one picture of every page
// on a phone to look at (named after the page).
func TestBrowserPhoneScreenshots(t *testing.T) {
	dir := screenshotDir(t)
	srv, _ := consoleServer(t)
	tb := openBrowser(t)
	defer tb.Close()
	tb.onPhone()
	shoot := func(p page, l lang.Lang, file string) {
		t.Helper()
		tb.open(srv.URL, p, l)
		// The whole page as the phone lays it out: the screen made as tall
		// as the page (which vh heights then follow), then put back.
		var height int64
		tb.evalJSON(`String(document.documentElement.scrollHeight)`, &height)
		tb.Do("growing the screen", chromedp.EmulateViewport(phoneWidth, max(height, phoneHeight), chromedp.EmulateMobile, chromedp.EmulateTouch))
		png, err := chromedp.Run(tb.Ctx, chromedp.CaptureScreenshot())
		tb.onPhone()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, file), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	shoot(page{Name: "/lab", Path: "/lab", Ready: tracedJS}, lang.RO, "lab-phone.png")
	if os.Getenv("MAILSIM_SCREENSHOT_ALL") == "" {
		return
	}
	for _, p := range everyPage(t) {
		name := strings.Trim(strings.NewReplacer("/", "-", "?", "-", "=", "-", " ", "", "(", "-", ")", "", "&", "-").Replace(p.Name), "-")
		shoot(p, lang.RO, fmt.Sprintf("phone-%s.png", cmp.Or(name, "home")))
	}
}

// evalJSON evaluates a JavaScript expression that yields JSON into v.
func (tb *tab) evalJSON(js string, v any) {
	tb.T.Helper()
	if err := json.Unmarshal([]byte(tb.Eval(js)), v); err != nil {
		tb.T.Fatalf("reading %s: %v", js, err)
	}
}
