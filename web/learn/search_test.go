package learn

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"mailsim/lang"
	"mailsim/lessons"
	"mailsim/web/webtest"
)

// TestSearchPageFindsCasuta: the Romanian "casuta" finds the sections that
// write "căsuța", links to them and marks the word as written.
func TestSearchPageFindsCasuta(t *testing.T) {
	h := webtest.Mux(routes(t, nil))
	w := webtest.Get(t, h, "GET", "/lessons/search?q=casuta&lang=ro")
	page := w.Body.String()
	if w.Code != http.StatusOK {
		t.Fatalf("answered %d", w.Code)
	}
	for _, want := range []string{`<mark>căsuța</mark>`, `href="/lessons/scenarios?lang=ro#`, `data-testid="search-hits"`, `role="search"`, `value="casuta"`, "Secțiuni găsite: "} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	// Every word of the query is marked where the snippet has it.
	page = webtest.Get(t, h, "GET", "/lessons/search?q=POSTALA+casuta&lang=ro").Body.String()
	if !strings.Contains(page, `<mark>căsuța</mark> <mark>poștală</mark>`) {
		t.Errorf("two words are not both marked")
	}
}

func TestSearchPageInEnglishAndItsNotes(t *testing.T) {
	h := webtest.Mux(routes(t, fixture(t)))
	cases := []struct {
		query  string
		l      lang.Lang
		status int
		want   []string
		not    []string
	}{
		{"which ones", lang.EN, 200, []string{`<mark>Which</mark>? wrong right <mark>Which</mark> <mark>ones</mark>?`, `href="/lessons/tour?lang=en#quizzes"`, "Sections found: 1"}, nil},
		{"WHICH", lang.RO, 200, []string{`href="/lessons/tour?lang=ro#`, "Secțiuni găsite: 1"}, nil},
		{"zzzqqq", lang.EN, 200, []string{"No section holds “zzzqqq”"}, []string{"search-hits"}},
		{"zzzqqq", lang.RO, 200, []string{"Nicio secțiune nu conține „zzzqqq”"}, []string{"search-hits"}},
		{"", lang.EN, 200, []string{"Type one or more words", `name="q"`}, []string{"search-hits"}},
		{"", lang.RO, 200, []string{"Scrie unul sau mai multe cuvinte"}, []string{"search-hits"}},
		{"because", lang.EN, 200, []string{"No section holds"}, nil}, // a quiz's explanation is not searched
		{strings.Repeat("a", lessons.MaxQuery+1), lang.EN, 400, []string{"longer than 100 characters", `value="` + strings.Repeat("a", lessons.MaxQuery) + `"`}, nil},
		{strings.Repeat("a ", lessons.MaxWords+1), lang.RO, 400, []string{"mai mult de 8 cuvinte"}, nil},
		{`<script>alert(1)</script>`, lang.EN, 200, []string{"&lt;script&gt;alert(1)&lt;/script&gt;"}, []string{"<script>alert"}},
		{`"><img src=x onerror=alert(1)>`, lang.RO, 200, []string{`value="&#34;&gt;&lt;img`}, []string{"<img", "onerror=alert(1)>"}},
	}
	for _, c := range cases {
		w := webtest.Get(t, h, "GET", "/lessons/search?lang="+string(c.l)+"&q="+url.QueryEscape(c.query))
		page := w.Body.String()
		if w.Code != c.status {
			t.Errorf("%q (%s): answered %d, want %d", c.query, c.l, w.Code, c.status)
		}
		for _, s := range c.want {
			if !strings.Contains(page, s) {
				t.Errorf("%q (%s): the page lacks %s", c.query, c.l, s)
			}
		}
		for _, s := range c.not {
			if strings.Contains(page, s) {
				t.Errorf("%q (%s): the page has %s", c.query, c.l, s)
			}
		}
	}
}

// TestSearchEscapesHostileLessonText: a lesson whose text is markup shows
// it as text in the hits, marked or not.
func TestSearchEscapesHostileLessonText(t *testing.T) {
	set, errs := lessons.LoadFS(webtest.Shipped(t), pairFS("01-evil.md", "---\ntopics: rfcs\n---\n# Evil\n\n## Tags\n\nWrite `<script>alert(1)</script>` and \\<b onmouseover=x\\> here.\n"), "x")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	h := webtest.Mux(routes(t, set))
	page := webtest.Get(t, h, "GET", "/lessons/search?lang=en&q="+url.QueryEscape("<script>")).Body.String()
	if !strings.Contains(page, "Write <mark>&lt;script&gt;</mark>alert(1)&lt;/script&gt; and &lt;b onmouseover=x&gt; here.") || strings.Contains(page, "<script>") || strings.Contains(page, "<b ") {
		t.Errorf("the hit is not escaped:\n%s", page)
	}
}

// TestSearchFormOnEveryLessonPage: the index and each lesson carry the box.
func TestSearchFormOnEveryLessonPage(t *testing.T) {
	h := webtest.Mux(routes(t, fixture(t)))
	for _, p := range []string{"/lessons?lang=ro", "/lessons/tour?lang=en", "/lessons/rest?lang=ro"} {
		page := webtest.Get(t, h, "GET", p).Body.String()
		for _, want := range []string{`role="search"`, `action="/lessons/search"`, `type="search" name="q"`, `<label for="lesson-q">`} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", p, want)
			}
		}
	}
}

// pairFS is one lesson file, the same in both languages.
func pairFS(name, src string) fstest.MapFS {
	return fstest.MapFS{"ro/" + name: {Data: []byte(src)}, "en/" + name: {Data: []byte(src)}}
}
