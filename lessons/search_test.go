package lessons

import (
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/transform"

	"mailsim/lang"
)

func TestFoldIgnoresDiacriticsAndCase(t *testing.T) {
	for _, in := range []string{
		"casuta", "CASUTA", "căsuța", "CĂSUȚA", "căsuță",
		"căsuţa",             // t with a cedilla, the old spelling
		"ca\u0306sut\u0326a", // already decomposed
	} {
		if got := Fold(in); got != "casuta" {
			t.Errorf("Fold(%q) = %q, want casuta", in, got)
		}
	}
	for in, want := range map[string]string{"Şi ŞI și": "si si si", "Straße": "strasse", "Îți": "iti", "MAIL FROM:<a@b>": "mail from:<a@b>", "\xff": "\uFFFD"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// shipped is the built-in lessons.
func shipped(t testing.TB) *Set {
	t.Helper()
	set, errs := Load(library(t), "")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return set
}

// marked is the text a hit marks.
func marked(h Hit) string { return h.Snippet[h.Marks[0][0]:h.Marks[0][1]] }

func TestSearchFindsRomanianWithoutDiacritics(t *testing.T) {
	set := shipped(t)
	hits, err := set.Search(lang.RO, "casuta")
	if err != nil || len(hits) == 0 {
		t.Fatalf("casuta: %d hits, %v", len(hits), err)
	}
	withMarks := 0
	for _, h := range hits {
		if len(h.Marks) == 0 {
			continue
		}
		withMarks++
		if m := marked(h); Fold(m) != "casuta" || !strings.ContainsAny(m, "ăț") {
			t.Errorf("%s#%s marks %q in %q, want căsuța as written", h.Slug, h.Heading.ID, m, h.Snippet)
		}
	}
	if withMarks == 0 {
		t.Errorf("no hit marks its match: %+v", hits)
	}
	for _, q := range []string{"CĂSUȚA", "căsuţa", "Casuta"} {
		other, err := set.Search(lang.RO, q)
		if err != nil || len(other) != len(hits) {
			t.Errorf("%q finds %d hits (%v), casuta %d", q, len(other), err, len(hits))
		}
	}
	// Every hit leads to a section the lesson has.
	for _, h := range hits {
		ls, ok := set.Get(h.Slug)
		if !ok || ls.In(lang.RO).Title != h.Title {
			t.Fatalf("hit in unknown lesson %+v", h)
		}
		if h.Heading.ID != "" && !containsHeading(ls.In(lang.RO).Headings, h.Heading) {
			t.Errorf("hit heading %+v is not among %s's", h.Heading, h.Slug)
		}
	}
}

func containsHeading(hs []Heading, h Heading) bool {
	for _, x := range hs {
		if x == h {
			return true
		}
	}
	return false
}

func TestSearchEnglishAllWordsHeadingsFirst(t *testing.T) {
	set := shipped(t)
	mx, _ := set.Search(lang.EN, "preference")
	both, _ := set.Search(lang.EN, "preference MX")
	if len(mx) == 0 || len(both) == 0 || len(both) > len(mx) {
		t.Fatalf("preference: %d hits, preference MX: %d", len(mx), len(both))
	}
	for _, h := range both {
		all := Fold(h.Heading.Text + " " + h.Snippet)
		if !strings.Contains(all, "mx") && !strings.Contains(all, "preference") {
			t.Errorf("hit %+v shows neither word", h)
		}
	}
	if hits, _ := set.Search(lang.EN, "preference zzzqqq"); len(hits) != 0 {
		t.Errorf("a word no lesson has still gives %d hits", len(hits))
	}
	// A section's own heading, searched for, comes first.
	ls := set.List()[len(set.List())/2]
	h := ls.In(lang.EN).Headings[0]
	hits, err := set.Search(lang.EN, strings.ToUpper(h.Text))
	if err != nil || len(hits) == 0 || hits[0].Heading != h {
		t.Errorf("searching %q: first hit %+v, want the section itself", h.Text, hits)
	}
	if ro, _ := set.Search(lang.RO, "the"); len(ro) >= len(mustSearch(t, set, lang.EN, "the")) {
		t.Errorf("the search is not by language: \"the\" is as common in Romanian")
	}
}

func mustSearch(t *testing.T, s *Set, l lang.Lang, q string) []Hit {
	t.Helper()
	hits, err := s.Search(l, q)
	if err != nil {
		t.Fatal(err)
	}
	return hits
}

func TestSearchLimits(t *testing.T) {
	set := shipped(t)
	for _, q := range []string{"", "   ", "\t\n"} {
		if hits, err := set.Search(lang.RO, q); hits != nil || err != nil {
			t.Errorf("%q: %v, %v; want no hits and no error", q, hits, err)
		}
	}
	if _, err := set.Search(lang.RO, strings.Repeat("ă", MaxQuery+1)); !errors.Is(err, ErrLongQuery) {
		t.Errorf("a long query: %v", err)
	}
	if _, err := set.Search(lang.RO, strings.Repeat("ă", MaxQuery)); err != nil {
		t.Errorf("a query of %d runes is refused: %v", MaxQuery, err)
	}
	if _, err := set.Search(lang.RO, strings.Repeat("a ", MaxWords+1)); !errors.Is(err, ErrManyWords) {
		t.Errorf("many words: %v", err)
	}
	if hits := mustSearch(t, set, lang.EN, "e"); len(hits) != MaxHits {
		t.Errorf("the letter e finds %d sections, want the cap %d", len(hits), MaxHits)
	}
}

// TestSearchKeepsAnswersSecret: a quiz's question and options are found,
// its answers and explanation, and the instructor notes, are not.
func TestSearchKeepsAnswersSecret(t *testing.T) {
	set, _ := LoadFS(library(t), os.DirFS("testdata/full"), "testdata/full")
	if hits := mustSearch(t, set, lang.EN, "which ones"); len(hits) != 1 || hits[0].Heading.Text != "Quizzes" {
		t.Errorf("the quiz question: %+v", hits)
	}
	for _, q := range []string{"because", "250 is OK", "one and three", "presentation"} {
		if hits := mustSearch(t, set, lang.EN, q); len(hits) != 0 {
			t.Errorf("%q is found: %+v", q, hits)
		}
	}
	if hits := mustSearch(t, set, lang.EN, "helo example.org"); len(hits) != 1 || hits[0].Heading.Text != "Consoles" {
		t.Errorf("the console's script: %+v", hits)
	}
}

func FuzzSearch(f *testing.F) {
	set, _ := LoadFS(library(f), os.DirFS("testdata/full"), "testdata/full")
	for _, s := range []string{"casuta", "CĂSUȚA", "ş", "a\u0306", "\xff", "ß s", "<script>", "İ"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, text, q string) {
		fd := fold(text)
		if len(fd.start) != len(fd.text) || len(fd.end) != len(fd.text) {
			t.Fatalf("fold(%q) maps %d/%d bytes of %d", text, len(fd.start), len(fd.end), len(fd.text))
		}
		for i := range fd.text {
			if fd.start[i] < 0 || fd.start[i] >= fd.end[i] || int(fd.end[i]) > len(text) || (i > 0 && fd.start[i] < fd.start[i-1]) {
				t.Fatalf("fold(%q): byte %d maps to [%d, %d)", text, i, fd.start[i], fd.end[i])
			}
		}
		if fd.text != Fold(fd.text) {
			t.Fatalf("folding %q twice changes it: %q, %q", text, fd.text, Fold(fd.text))
		}
		if latinOnly(text) {
			whole, _, _ := transform.String(foldChain(), text)
			if whole != fd.text {
				t.Fatalf("folding %q a rune at a time gives %q, the whole string %q", text, fd.text, whole)
			}
		}
		if !utf8.ValidString(fd.text) {
			t.Fatalf("fold(%q) = %q is not UTF-8", text, fd.text)
		}
		if words := strings.Fields(Fold(q)); len(words) > 0 && utf8.ValidString(text) {
			s, marks := snippet(text, words)
			end := 0
			for _, m := range marks {
				if m[0] < end || m[0] >= m[1] || m[1] > len(s) || !utf8.ValidString(s[end:m[0]]) || !utf8.ValidString(s[m[0]:m[1]]) {
					t.Fatalf("snippet(%q, %q) = %q marking %v", text, words, s, marks)
				}
				end = m[1]
			}
			if strings.Contains(Fold(text), words[0]) && len(marks) == 0 {
				t.Fatalf("snippet(%q, %q) = %q marks nothing", text, words, s)
			}
		}
		hits, err := set.Search(lang.RO, q)
		if err != nil && !errors.Is(err, ErrLongQuery) && !errors.Is(err, ErrManyWords) {
			t.Fatal(err)
		}
		for _, h := range hits {
			for _, m := range h.Marks {
				if m[1] > len(h.Snippet) || m[0] >= m[1] {
					t.Fatalf("%q: hit %+v marks outside its snippet", q, h)
				}
			}
		}
	})
}

// BenchmarkSearch searches the built-in lessons for a common word and for
// two words, one of them rare; it reports the index's size.
func BenchmarkSearch(b *testing.B) {
	set := shipped(b)
	size := 0
	for _, entries := range set.index {
		for _, e := range entries {
			for _, s := range e.sections {
				size += len(s.text) + len(s.ftext) + len(s.fhead) + len(s.heading.Text) + len(s.heading.ID)
			}
		}
	}
	for b.Loop() {
		for _, q := range []string{"casuta", "smtp apop"} {
			if _, err := set.Search(lang.RO, q); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(size), "index-bytes") // after the loop, whose first turn resets the metrics
}

// latinOnly is whether s is valid UTF-8 of the Latin blocks and the
// combining diacritical marks only.
func latinOnly(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || r >= 0x250 && (r < 0x300 || r > 0x36f) {
			return false
		}
	}
	return true
}

// TestPagesTakeTheirNames: a lesson cannot be called search or glossary,
// the section's own pages.
func TestPagesTakeTheirNames(t *testing.T) {
	for _, name := range []string{"search", "glossary"} {
		set, errs := LoadFS(library(t), pairOf("01-"+name+".md", good), "x")
		if len(set.List()) != 0 || len(errs) != 2 || !strings.Contains(errs[0].Error(), "/lessons/"+name+" is the lessons' "+name+" page") {
			t.Errorf("a lesson named %s: %d lessons, %v", name, len(set.List()), errs)
		}
	}
	if GlossaryPath != Path("glossary") {
		t.Errorf("GlossaryPath %s is not a reserved name", GlossaryPath)
	}
}
