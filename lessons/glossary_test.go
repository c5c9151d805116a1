package lessons

import (
	"io"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"mailsim/lang"
)

func TestTermIDsAreStableAndUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, tm := range lang.Terms.Terms {
		id := TermID(tm)
		if !regexp.MustCompile(`^term-[a-z0-9]+(-[a-z0-9]+)*$`).MatchString(id) || seen[id] {
			t.Errorf("%q has id %q (a duplicate: %v)", tm.EN, id, seen[id])
		}
		seen[id] = true
	}
	if got := TermID(lang.Term{EN: "User agent (UA)"}); got != "term-user-agent-ua" {
		t.Errorf("TermID = %q", got)
	}
}

// render is the lesson's HTML, its widgets drawn as a marker.
func render(t *testing.T, d *Doc) string {
	t.Helper()
	var b strings.Builder
	if err := d.Render(&b, func(w io.Writer, wd *Widget) error { _, err := io.WriteString(w, "<widget>"); return err }); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// glossaryLesson puts the term word where it must not be linked (a
// heading, code, a table, a link, a widget) before its first place in
// running text, and then again after it.
func glossaryLesson(title, word string) string {
	return "---\ntopics: rfcs\n---\n# " + title + "\n\n## " + word + "\n\n" +
		"Code: `" + word + "`.\n\n    " + word + "\n\n| " + word + " |\n| - |\n| x |\n\n[" + word + "](https://example.org)\n\n" +
		"```mailsim quiz id=q kind=single\n" + word + "?\n- [x] " + word + "\n- [ ] b\nwhy: " + word + "\n```\n\n" +
		"- A *sub" + word + "* and " + strings.ToUpper(word[:1]) + word[1:] + "ul, then\n  " + word + " again.\n\nAnd " + word + ".\n"
}

func TestGlossaryLinksTheFirstTermOnce(t *testing.T) {
	set, errs := LoadFS(library(t), fstest.MapFS{
		"ro/01-a.md": {Data: []byte(glossaryLesson("Antetul", "antet"))},
		"en/01-a.md": {Data: []byte(strings.ReplaceAll(glossaryLesson("Headers", "header"), "Headerul", "Headers"))},
	}, "x")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	ls, _ := set.Get("a")
	for l, want := range map[lang.Lang]string{
		lang.RO: `<a href="/lessons/glossary?lang=ro#term-header" title="Liniile de la începutul mesajului (From, To, Subject, Date…), până la prima linie goală." class="term">Antetul</a>`,
		lang.EN: `<a href="/lessons/glossary?lang=en#term-header" title="The lines at the top of a message (From, To, Subject, Date…), up to the first blank line." class="term">Headers</a>`,
	} {
		out := render(t, ls.In(l))
		if n := strings.Count(out, `class="term"`); n != 1 || !strings.Contains(out, want) {
			t.Errorf("%s: %d term links, want one: %s\n%s", l, n, want, out)
		}
		if regexp.MustCompile(`<(h2|code|pre|table)[^>]*>[^/]*<a `).MatchString(out) || strings.Contains(out, "sub<a") {
			t.Errorf("%s: a term is linked in a heading, code, a table or another word:\n%s", l, out)
		}
	}
}

// TestGlossaryLinksInTheShippedLessons: the built-in lessons link their
// terms, each at most once a lesson, never in a heading or code, and only
// to entries the glossary has.
func TestGlossaryLinksInTheShippedLessons(t *testing.T) {
	ids := map[string]bool{}
	for _, tm := range lang.Terms.Terms {
		ids[TermID(tm)] = true
	}
	link := regexp.MustCompile(`<a href="/lessons/glossary\?lang=(ro|en)#([a-z0-9-]+)" title="[^"<>]+" class="term">`)
	inside := regexp.MustCompile(`<(h[1-6]|code|pre|th|td)[^>]*>(?:[^<]|<(?:strong|em)>)*<a href="/lessons/glossary`)
	linking := map[lang.Lang]int{}
	for _, ls := range shipped(t).List() {
		for _, l := range Langs {
			out := render(t, ls.In(l))
			seen := map[string]bool{}
			for _, m := range link.FindAllStringSubmatch(out, -1) {
				if m[1] != string(l) || !ids[m[2]] || seen[m[2]] {
					t.Errorf("%s (%s): link to %s in %s (twice: %v)", ls.Slug, l, m[2], m[1], seen[m[2]])
				}
				seen[m[2]] = true
			}
			if strings.Count(out, `class="term"`) != len(seen) {
				t.Errorf("%s (%s): a term link is not as expected", ls.Slug, l)
			}
			if m := inside.FindString(out); m != "" {
				t.Errorf("%s (%s): a term linked inside %s", ls.Slug, l, m)
			}
			if len(seen) > 0 {
				linking[l]++
			}
		}
	}
	for _, l := range Langs {
		if linking[l] < 10 {
			t.Errorf("%s: only %d lessons link a glossary term", l, linking[l])
		}
	}
}

func TestPhraseEndTakesEndingsOnEveryWord(t *testing.T) {
	ro, en := endings[lang.RO], endings[lang.EN]
	for _, c := range []struct {
		text, term string
		ends       []string
		want       int // the match's end, -1 for none
	}{
		{"agentul utilizator scrie", "agent utilizator", ro, len("agentul utilizator")},
		{"agentii  utilizatori", "agent utilizator", ro, len("agentii  utilizatori")},
		{"agentutilizator", "agent utilizator", ro, -1},
		{"agenda utilizator", "agent utilizator", ro, -1},
		{"subagent utilizator", "agent utilizator", ro, -1},
		{"casuta postala.", "casuta postala", ro, len("casuta postala")},
		{"headers, and", "header", en, len("headers")},
		{"headerul", "header", en, -1},
		{"headerless", "header", en, -1},
	} {
		i := max(strings.Index(c.text, strings.Fields(c.term)[0]), 0)
		if got := phraseEnd(c.text, i, strings.Fields(c.term), c.ends); got != c.want {
			t.Errorf("%q in %q ends at %d, want %d", c.term, c.text, got, c.want)
		}
	}
}

// FuzzGlossaryLinks renders any paragraph in a Romanian lesson: no panic,
// and no term linked twice.
func FuzzGlossaryLinks(f *testing.F) {
	for _, s := range []string{"Antetul și antet, agentul  utilizator", "*căsuța* poștală `antet` [antet](x)", "plic\nplicul", "agent\u0306ul utilizator"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, para string) {
		d, err := Parse("f.md", []byte(good+"\n"+para+"\n"))
		if err != nil {
			return
		}
		d.Lang = lang.RO
		out := render(t, d)
		for _, tm := range lang.Terms.Terms {
			if n := strings.Count(out, "#"+TermID(tm)+`"`); n > 1 {
				t.Fatalf("%s is linked %d times:\n%s", tm.EN, n, out)
			}
		}
	})
}

// BenchmarkRenderHeaviest renders the longest built-in lesson, its widgets
// drawn as nothing, with its glossary links: what start-up pays for each.
func BenchmarkRenderHeaviest(b *testing.B) {
	var d *Doc
	for _, ls := range shipped(b).List() {
		for _, l := range Langs {
			if d == nil || len(ls.In(l).source) > len(d.source) {
				d = ls.In(l)
			}
		}
	}
	for b.Loop() {
		if err := d.Render(io.Discard, func(io.Writer, *Widget) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(d.source)), "source-bytes")
}
