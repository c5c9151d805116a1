package learn

import (
	"net/http"
	"strings"
	"testing"

	"mailsim/lang"
	"mailsim/lessons"
	"mailsim/web/webtest"
)

// TestGlossaryPageListsEveryTerm in both languages, at the ids the lessons
// link to, with the other language's word and the definition.
func TestGlossaryPageListsEveryTerm(t *testing.T) {
	h := webtest.Mux(routes(t, fixture(t)))
	for _, l := range lessons.Langs {
		w := webtest.Get(t, h, "GET", lessons.GlossaryPath+"?lang="+string(l))
		page := w.Body.String()
		if w.Code != http.StatusOK {
			t.Fatalf("%s: answered %d", l, w.Code)
		}
		if n := strings.Count(page, `data-testid="term"`); n != len(lang.Terms.Terms) {
			t.Errorf("%s: %d entries, want %d", l, n, len(lang.Terms.Terms))
		}
		for _, tm := range lang.Terms.Terms {
			for _, want := range []string{
				`id="` + lessons.TermID(tm) + `"`,
				"<dfn>" + webtest.Escape(lessons.TermIn(tm, l)) + "</dfn>",
				`<span lang="` + string(other(l)) + `">` + webtest.Escape(lessons.TermIn(tm, other(l))) + "</span>",
				"<dd>" + webtest.Escape(tm.Def.In(l)) + "</dd>",
			} {
				if !strings.Contains(page, want) {
					t.Errorf("%s: the glossary lacks %s", l, want)
				}
			}
		}
	}
	// Romanian order: "antet" before "atașament" before "căsuță poștală" before "coadă".
	ro := webtest.Get(t, h, "GET", lessons.GlossaryPath+"?lang=ro").Body.String()
	last := -1
	for _, w := range []string{"<dfn>antet</dfn>", "<dfn>atașament</dfn>", "<dfn>căsuță poștală</dfn>", "<dfn>coadă</dfn>"} {
		i := strings.Index(ro, w)
		if i < last {
			t.Errorf("%s is out of alphabetical order", w)
		}
		last = i
	}
}

// TestLessonsLinkTheGlossary: the index and a lesson lead to the glossary,
// and a lesson's term leads to its entry.
func TestLessonsLinkTheGlossary(t *testing.T) {
	h := webtest.Mux(routes(t, nil))
	if page := webtest.Get(t, h, "GET", "/lessons?lang=en").Body.String(); !strings.Contains(page, `href="/lessons/glossary?lang=en" data-testid="glossary-link"`) {
		t.Error("the index does not link the glossary")
	}
	page := webtest.Get(t, h, "GET", "/lessons/message-format?lang=ro").Body.String()
	if !strings.Contains(page, `href="/lessons/glossary?lang=ro"`) || !strings.Contains(page, `<a href="/lessons/glossary?lang=ro#term-envelope" title="`) {
		t.Errorf("the lesson does not link the glossary and its terms")
	}
}
