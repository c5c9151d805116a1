package web

import (
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"mailsim/lang"
	"mailsim/lessons"
	"mailsim/scenarios"
	"mailsim/sim"
	"mailsim/web/static"
	"mailsim/web/webtest"
)

// specList is a library of specs built by a test.
var (
	shipped = webtest.Shipped
	get     = webtest.Get
	escape  = webtest.Escape
)

type specList = webtest.Specs

// twoSystems is the lecture's scenario 2 as shipped.
func twoSystems(t testing.TB) *sim.Spec { return webtest.Scenario(t, "two-systems") }

func TestHomeListsScenariosInBothLanguages(t *testing.T) {
	h := New(shipped(t), nil, nil)
	spec := twoSystems(t)
	for _, l := range lang.All {
		w := get(t, h, "GET", "/?lang="+string(l))
		body := w.Body.String()
		if w.Code != http.StatusOK {
			t.Fatalf("%s: status %d", l, w.Code)
		}
		for _, want := range []string{
			`<html lang="` + string(l) + `"`,
			escape(spec.Title.In(l)),
			escape(spec.About.In(l)),
			`href="/play/two-systems"`,
			tr(l, "home.title"),
		} {
			if !strings.Contains(body, want) {
				t.Errorf("%s: home page lacks %q", l, want)
			}
		}
	}
}

// TestHomeLeadsIntoTheLessons: the home page lists every lesson, in order,
// and a scenario that a lesson explains links to it.
func TestHomeLeadsIntoTheLessons(t *testing.T) {
	set, errs := lessons.Load(shipped(t), "")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	h := New(shipped(t), nil, nil)
	for _, l := range lang.All {
		body := get(t, h, "GET", "/?lang="+string(l)).Body.String()
		at := 0
		for _, ls := range set.List() {
			i := strings.Index(body[at:], `<a href="`+lessons.Path(ls.Slug)+"?lang="+string(l)+`">`+escape(ls.In(l).Title)+"</a>")
			if i < 0 {
				t.Errorf("%s: the home page does not list lesson %s after the one before it", l, ls.Slug)
				continue
			}
			at += i
		}
		ls, ok := set.About("two-systems")
		if !ok {
			t.Fatal("no lesson is about scenario two-systems")
		}
		href, _ := ls.Link(l)
		if !strings.Contains(body, `data-testid="home-why" href="`+escape(href)+`"`) {
			t.Errorf("%s: scenario two-systems does not link to its lesson %s", l, href)
		}
	}
}

func TestLanguageChoice(t *testing.T) {
	h := New(shipped(t), nil, nil)
	cases := []struct {
		name   string
		target string
		header []string
		want   lang.Lang
	}{
		{"default", "/", nil, lang.EN},
		{"accept-language", "/", []string{"Accept-Language", "ro-RO,ro;q=0.9,en;q=0.8"}, lang.RO},
		{"cookie beats accept-language", "/", []string{"Cookie", "lang=en", "Accept-Language", "ro"}, lang.EN},
		{"query beats cookie", "/?lang=ro", []string{"Cookie", "lang=en"}, lang.RO},
		{"unknown query ignored", "/?lang=xx", []string{"Accept-Language", "ro"}, lang.RO},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := get(t, h, "GET", c.target, c.header...)
			if !strings.Contains(w.Body.String(), `<html lang="`+string(c.want)+`"`) {
				t.Errorf("page is not in %s", c.want)
			}
		})
	}
	w := get(t, h, "GET", "/?lang=ro")
	cookie := w.Result().Cookies()
	if len(cookie) != 1 || cookie[0].Name != "lang" || cookie[0].Value != "ro" || cookie[0].Path != "/" {
		t.Errorf("?lang=ro set cookies %v, want lang=ro on /", cookie)
	}
	if c := get(t, h, "GET", "/").Result().Cookies(); len(c) != 0 {
		t.Errorf("a page without ?lang set cookies %v", c)
	}
}

func TestNotFound(t *testing.T) {
	h := New(shipped(t), nil, nil)
	for _, l := range lang.All {
		w := get(t, h, "GET", "/play/no-such-scenario?lang="+string(l))
		if w.Code != http.StatusNotFound {
			t.Errorf("%s: unknown scenario: status %d, want 404", l, w.Code)
		}
		body := w.Body.String()
		if !strings.Contains(body, tr(l, "error.noscenario.text")) || !strings.Contains(body, "<code>no-such-scenario</code>") {
			t.Errorf("%s: 404 page does not name the scenario in its language:\n%s", l, body)
		}
		w = get(t, h, "GET", "/nothing/here?lang="+string(l))
		if w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), tr(l, "error.notfound")) {
			t.Errorf("%s: unknown path: status %d, want a 404 page in its language", l, w.Code)
		}
	}
	if w := get(t, h, "GET", "/ws/play/no-such-scenario"); w.Code != http.StatusNotFound {
		t.Errorf("websocket for an unknown scenario: status %d, want 404", w.Code)
	}
}

func TestMethodNotAllowed(t *testing.T) {
	h := New(shipped(t), nil, nil)
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS"} {
		for _, target := range []string{"/", "/play/two-systems", "/ws/play/two-systems", "/static/x/style.css", "/nothing"} {
			w := get(t, h, m, target+"?lang=ro")
			if w.Code != http.StatusMethodNotAllowed {
				t.Errorf("%s %s: status %d, want 405", m, target, w.Code)
			}
			if w.Header().Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: Allow %q", m, target, w.Header().Get("Allow"))
			}
			if !strings.Contains(w.Body.String(), tr(lang.RO, "error.method")) {
				t.Errorf("%s %s: 405 page not in the chosen language", m, target)
			}
		}
	}
	if w := get(t, h, "HEAD", "/play/two-systems"); w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Errorf("HEAD: status %d with %d body bytes, want 200 and none", w.Code, w.Body.Len())
	}
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	h := New(shipped(t), nil, nil)
	for _, c := range []struct{ method, target string }{
		{"GET", "/"}, {"GET", "/play/two-systems"}, {"GET", "/play/nope"}, {"GET", "/nope"},
		{"POST", "/"}, {"GET", static.URL("player.js")}, {"GET", "/static/x/nope.js"},
	} {
		w := get(t, h, c.method, c.target)
		csp := w.Header().Get("Content-Security-Policy")
		if csp != contentSecurityPolicy {
			t.Errorf("%s %s: CSP %q", c.method, c.target, csp)
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") || !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("%s %s: CSP allows more than our own scripts: %q", c.method, c.target, csp)
		}
		if w.Header().Get("X-Content-Type-Options") != "nosniff" || w.Header().Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s %s: headers %v", c.method, c.target, w.Header())
		}
	}
}

func TestPagesHaveNoInlineScriptOrStyle(t *testing.T) {
	h := New(shipped(t), nil, nil)
	for _, target := range []string{"/", "/play/two-systems?step=1000", "/play/nope"} {
		body := get(t, h, "GET", target).Body.String()
		for _, bad := range []string{"<script>", "<style", " style=", " onclick=", " onload=", "javascript:"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s contains %q, which the CSP would block", target, bad)
			}
		}
	}
}

func TestStaticAssets(t *testing.T) {
	h := New(shipped(t), nil, nil)
	for name, want := range map[string]string{
		"player.js": "javascript", "transcript.js": "javascript", "style.css": "text/css", "icon.svg": "image/svg+xml",
	} {
		w := get(t, h, "GET", static.URL(name))
		if w.Code != http.StatusOK || !strings.Contains(w.Header().Get("Content-Type"), want) {
			t.Errorf("%s: status %d, type %q", name, w.Code, w.Header().Get("Content-Type"))
		}
		if w.Header().Get("Cache-Control") != "public, max-age=31536000, immutable" {
			t.Errorf("%s: Cache-Control %q", name, w.Header().Get("Cache-Control"))
		}
		again := get(t, h, "GET", static.URL(name), "If-None-Match", w.Header().Get("ETag"))
		if again.Code != http.StatusNotModified {
			t.Errorf("%s: revalidation gave %d, want 304", name, again.Code)
		}
	}
	if w := get(t, h, "GET", "/static/old/player.js"); w.Code != http.StatusOK || w.Header().Get("Cache-Control") != "no-cache" {
		t.Errorf("stale version: status %d, Cache-Control %q", w.Code, w.Header().Get("Cache-Control"))
	}
	if w := get(t, h, "GET", static.URL("nope.js")); w.Code != http.StatusNotFound {
		t.Errorf("unknown asset: status %d", w.Code)
	}
	if w := get(t, h, "GET", "/static/"+static.Version+"/"); w.Code != http.StatusNotFound {
		t.Errorf("asset directory: status %d, want 404, no listing", w.Code)
	}
}

func TestNewServerSetsEveryLimit(t *testing.T) {
	s := NewServer("127.0.0.1:0", http.NotFoundHandler())
	if s.ReadHeaderTimeout <= 0 || s.ReadTimeout <= 0 || s.WriteTimeout <= 0 || s.IdleTimeout <= 0 || s.MaxHeaderBytes <= 0 {
		t.Errorf("server without a limit: %+v", s)
	}
}

// TestHomeEscapesScenarioText: a scenario file's title and description
// reach the home page as text, never as markup.
func TestHomeEscapesScenarioText(t *testing.T) {
	spec, err := scenarios.Parse("hostile.scn", strings.NewReader(`scenario hostile order=9
title ro="<script>alert(1)</script>" en="<script>alert(1)</script>"
about ro="<b>x</b>" en="<b>x</b>"
host a name=a.example.org ro="A" en="A"
agent a.ua host=a kind=ua ro="UA" en="UA"
user ann@a.example.org name=Ann host=a ua=a.ua password=p
`))
	if err != nil {
		t.Fatal(err)
	}
	body := get(t, newHandler(specList{spec}, nil, nil, Options{}), "GET", "/").Body.String()
	if strings.Contains(body, "<script>alert") || strings.Contains(body, "<b>x</b>") {
		t.Error("scenario text became markup on the home page")
	}
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(body, "&lt;b&gt;x&lt;/b&gt;") {
		t.Error("the home page does not show the scenario's title and description as text")
	}
}

// TestHomeGroupsTheLecturesScenarios: the lecture's four scenarios come
// first under their own heading, in the lecture's order, and every other
// scenario under the variants'.
func TestHomeGroupsTheLecturesScenarios(t *testing.T) {
	body := get(t, New(shipped(t), nil, nil), "GET", "/?lang=en").Body.String()
	lecture, variants, ok := strings.Cut(body, `data-testid="group-variants"`)
	if !ok || !strings.Contains(lecture, `data-testid="group-lecture"`) {
		t.Fatal("the home page lacks its two groups")
	}
	names := regexp.MustCompile(`data-testid="scenario" data-name="([^"]+)"`)
	var first []string
	for _, m := range names.FindAllStringSubmatch(lecture, -1) {
		first = append(first, m[1])
	}
	if want := []string{"one-system", "two-systems", "lan-sender", "lan-both"}; !slices.Equal(first, want) {
		t.Errorf("the lecture's group holds %v, want %v", first, want)
	}
	rest := names.FindAllStringSubmatch(variants, -1)
	if len(rest) != len(shipped(t).List())-4 {
		t.Errorf("the variants' group holds %d scenarios, want the %d others", len(rest), len(shipped(t).List())-4)
	}
	if !strings.Contains(lecture, escape(tr("en", "home.lecture"))) || !strings.Contains(variants, escape(tr("en", "home.variants"))) {
		t.Error("a group lacks its heading")
	}
}

// TestPlayerLinksToItsLesson: a scenario's player leads to the first lesson
// that names it, in the page's language, and a scenario no lesson names
// has no such link.
func TestPlayerLinksToItsLesson(t *testing.T) {
	h := New(shipped(t), nil, nil)
	for _, c := range []struct{ scenario, lesson string }{{"lan-both", "architecture"}, {"mx-fallback", "mx"}, {"pop3-keep", "pop3"}} {
		for _, l := range lang.All {
			body := get(t, h, "GET", "/play/"+c.scenario+"?lang="+string(l)).Body.String()
			want := `data-testid="learn-why" href="/lessons/` + c.lesson + `?lang=` + string(l) + `"`
			if !strings.Contains(body, want) {
				t.Errorf("/play/%s in %s does not link to the lesson %s", c.scenario, l, c.lesson)
			}
			if w := get(t, h, "GET", "/lessons/"+c.lesson+"?lang="+string(l)); w.Code != http.StatusOK {
				t.Errorf("the lesson %s answers %d", c.lesson, w.Code)
			}
		}
	}
	if body := get(t, h, "GET", "/play/greylisting").Body.String(); strings.Contains(body, `data-testid="learn-why"`) {
		t.Error("a scenario that no lesson names links to one")
	}
}
