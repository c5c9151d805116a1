package lessons

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"mailsim/lang"
	"mailsim/scenarios"
	"mailsim/sim"
)

// library is the built-in scenarios every test checks lessons against.
func library(t testing.TB) sim.Library {
	t.Helper()
	lib, errs := scenarios.Load("")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return lib
}

func TestEmbeddedLessonsLoad(t *testing.T) {
	set, errs := Load(library(t), "")
	for _, err := range errs {
		t.Error(err)
	}
	if _, ok := set.Get("rfcs"); !ok {
		t.Fatalf("no lesson rfcs among %d", len(set.List()))
	}
}

// TestFixtureCoversEveryTopic is the topic check against the fixture set, a
// complete tiny set of lessons with every widget kind.
func TestFixtureCoversEveryTopic(t *testing.T) {
	set, errs := LoadFS(library(t), os.DirFS("testdata/full"), "testdata/full")
	for _, err := range errs {
		t.Error(err)
	}
	for _, l := range Langs {
		if miss := set.Missing(l); len(miss) > 0 {
			t.Errorf("%s: no lesson covers %s", l, strings.Join(miss, ", "))
		}
	}
	if got := len(set.List()); got != 2 {
		t.Errorf("the fixture has %d lessons, want 2", got)
	}
	removed, _ := LoadFS(library(t), fstest.MapFS{
		"ro/01-tour.md": {Data: must(os.ReadFile("testdata/full/ro/01-tour.md"))},
		"en/01-tour.md": {Data: must(os.ReadFile("testdata/full/en/01-tour.md"))},
	}, "x")
	if miss := removed.Missing(lang.EN); !slices.Contains(miss, "rfcs") {
		t.Errorf("without 02-rest, Missing(en) = %v, want rfcs among them", miss)
	}
}

// TestContentCoversEveryTopic is the same check on the real lessons. It
// waits for the content of issue 13 (lessons 01..12, written on another
// branch): the lead removes the Skip once it is merged.
func TestContentCoversEveryTopic(t *testing.T) {
	set, errs := Load(library(t), "")
	for _, err := range errs {
		t.Error(err)
	}
	for _, l := range Langs {
		if miss := set.Missing(l); len(miss) > 0 {
			t.Errorf("%s: no lesson covers %s", l, strings.Join(miss, ", "))
		}
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

const good = "---\ntopics: rfcs\n---\n# T\n\n## S\n\ntext\n"

// pairOf is the same file in both languages.
func pairOf(name, src string) fstest.MapFS {
	return fstest.MapFS{"ro/" + name: {Data: []byte(src)}, "en/" + name: {Data: []byte(src)}}
}

func TestErrorsNameFileAndLine(t *testing.T) {
	quiz := func(body string) string {
		return "---\ntopics: rfcs\n---\n# T\n\n```mailsim quiz id=q kind=single\n" + body + "```\n"
	}
	cases := []struct {
		name string
		fsys fstest.MapFS
		want string // the error's start: file:line: and a part of its message
	}{
		{"no front matter", pairOf("01-a.md", "# T\n"), "x/en/01-a.md:1: a lesson starts with"},
		{"unclosed front matter", pairOf("01-a.md", "---\ntopics: rfcs\n"), "x/en/01-a.md:1: the front matter has no closing"},
		{"unknown key", pairOf("01-a.md", "---\ntopics: rfcs\ncolour: red\n---\n# T\n"), "x/en/01-a.md:3: unknown front matter key"},
		{"no topics", pairOf("01-a.md", "---\nscenario: lan-both\n---\n# T\n"), "x/en/01-a.md:1: the front matter has no topics"},
		{"unknown topic", pairOf("01-a.md", "---\ntopics: rfcs, cooking\n---\n# T\n"), `x/en/01-a.md:2: unknown topic "cooking"`},
		{"no title", pairOf("01-a.md", "---\ntopics: rfcs\n---\n## S\n"), "x/en/01-a.md:4: the lesson has no # title"},
		{"two titles", pairOf("01-a.md", good+"\n# Again\n"), "x/en/01-a.md:10: a second # title"},
		{"unknown scenario in front matter", pairOf("01-a.md", "---\ntopics: rfcs\nscenario: nope\n---\n# T\n"), `x/en/01-a.md: front matter: unknown scenario "nope"`},
		{"unknown widget", pairOf("01-a.md", good+"\n```mailsim clock\n```\n"), `x/en/01-a.md:10: unknown widget "clock"`},
		{"unknown key", pairOf("01-a.md", good+"\n```mailsim states proto=smtp colour=red\n```\n"), `x/en/01-a.md:10: widget states has no attribute "colour"`},
		{"bad value", pairOf("01-a.md", good+"\n```mailsim table name=prices\n```\n"), `x/en/01-a.md:10: widget table: name="prices" is not one of`},
		{"missing key", pairOf("01-a.md", good+"\n```mailsim states\n```\n"), "x/en/01-a.md:10: widget states needs proto="},
		{"unclosed quote", pairOf("01-a.md", good+"\n```mailsim base64 input=\"Man\n```\n"), "x/en/01-a.md:10: attribute input: the quoted value has no closing quote"},
		{"unknown scenario", pairOf("01-a.md", good+"\n```mailsim player scenario=nope step=1\n```\n"), `x/en/01-a.md:10: unknown scenario "nope"`},
		{"step past the end", pairOf("01-a.md", good+"\n```mailsim player scenario=one-system step=100000\n```\n"), "x/en/01-a.md:10: step=100000 is past the end of scenario one-system"},
		{"to past the end", pairOf("01-a.md", good+"\n```mailsim player scenario=one-system from=1 to=99999\n```\n"), "x/en/01-a.md:10: to=99999 is past the end"},
		{"step not a number", pairOf("01-a.md", good+"\n```mailsim player scenario=one-system step=two\n```\n"), `x/en/01-a.md:10: widget player: step="two" is not a step number`},
		{"one language only", fstest.MapFS{"ro/01-a.md": {Data: []byte(good)}}, "x/ro/01-a.md: this lesson has no en version"},
		{"topics differ", fstest.MapFS{"ro/01-a.md": {Data: []byte(good)}, "en/01-a.md": {Data: []byte(strings.Replace(good, "rfcs", "rfcs, imap", 1))}}, "x/en/01-a.md:2: topics rfcs, imap differ from rfcs"},
		{"widgets differ", fstest.MapFS{"ro/01-a.md": {Data: []byte(good + "\n```mailsim states proto=smtp\n```\n")}, "en/01-a.md": {Data: []byte(good + "\n```mailsim states proto=pop3\n```\n")}}, `x/en/01-a.md:10: widget 1 (states): proto="pop3" here and "smtp"`},
		{"no right option", pairOf("01-a.md", quiz("Q?\n- [ ] a\n- [ ] b\nwhy: w\n")), "x/en/01-a.md:6: quiz q has no right option"},
		{"no why", pairOf("01-a.md", quiz("Q?\n- [x] a\n- [ ] b\n")), "x/en/01-a.md:6: quiz q has no why:"},
		{"short without answer", pairOf("01-a.md", strings.Replace(quiz("Q?\nwhy: w\n"), "single", "short", 1)), "x/en/01-a.md:6: quiz q is kind=short and needs an answer:"},
		{"duplicate quiz id", pairOf("01-a.md", quiz("Q?\n- [x] a\n- [ ] b\nwhy: w\n")+"\n```mailsim quiz id=q kind=short\nQ?\nanswer: 1\nwhy: w\n```\n"), `x/en/01-a.md:13: quiz id "q" is used twice`},
		{"quiz ids differ", fstest.MapFS{"ro/01-a.md": {Data: []byte(quiz("Q?\n- [x] a\n- [ ] b\nwhy: w\n"))}, "en/01-a.md": {Data: []byte(strings.Replace(quiz("Q?\n- [x] a\n- [ ] b\nwhy: w\n"), "id=q", "id=r", 1))}}, `x/en/01-a.md:6: widget 1 (quiz): id="r" here and "q"`},
		{"right options differ", fstest.MapFS{"ro/01-a.md": {Data: []byte(quiz("Q?\n- [x] a\n- [ ] b\nwhy: w\n"))}, "en/01-a.md": {Data: []byte(quiz("Q?\n- [ ] a\n- [x] b\nwhy: w\n"))}}, "x/en/01-a.md:6: quiz q: option 1 is right in one language only"},
		{"bad file name", pairOf("a.md", good), "x/en/a.md: a lesson file is named NN-slug.md"},
	}
	lib := library(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			set, errs := LoadFS(lib, c.fsys, "x")
			if len(set.List()) != 0 {
				t.Errorf("the bad lesson was served")
			}
			if !slices.ContainsFunc(errs, func(e error) bool { return strings.HasPrefix(e.Error(), c.want) }) {
				t.Errorf("errors %q, want one starting %q", errs, c.want)
			}
		})
	}
}

// TestBadLessonLeavesOthers: one broken lesson does not stop the rest.
func TestBadLessonLeavesOthers(t *testing.T) {
	fsys := pairOf("01-a.md", good)
	fsys["ro/02-b.md"] = &fstest.MapFile{Data: []byte("# no front matter\n")}
	fsys["en/02-b.md"] = &fstest.MapFile{Data: []byte(good)}
	set, errs := LoadFS(library(t), fsys, "x")
	if len(errs) == 0 || len(set.List()) != 1 || set.List()[0].Slug != "a" {
		t.Errorf("got %d lessons and errors %v, want lesson a and an error for b", len(set.List()), errs)
	}
}

func TestDirAddsAndReplaces(t *testing.T) {
	dir := t.TempDir()
	for _, l := range Langs {
		os.MkdirAll(filepath.Join(dir, string(l)), 0o755)
		os.WriteFile(filepath.Join(dir, string(l), "13-rfcs.md"), []byte(strings.Replace(good, "# T", "# Replaced", 1)), 0o644)
		os.WriteFile(filepath.Join(dir, string(l), "20-extra.md"), []byte(good), 0o644)
	}
	outside := filepath.Join(t.TempDir(), "secret.md")
	os.WriteFile(outside, []byte(good), 0o644)
	if err := os.Symlink(outside, filepath.Join(dir, "en", "21-link.md")); err != nil {
		t.Fatal(err)
	}
	set, errs := Load(library(t), dir)
	if ls, ok := set.Get("rfcs"); !ok || ls.In(lang.EN).Title != "Replaced" {
		t.Errorf("rfcs was not replaced by the directory's")
	}
	if _, ok := set.Get("extra"); !ok {
		t.Errorf("extra was not added")
	}
	if _, ok := set.Get("link"); ok {
		t.Errorf("a link out of the directory was followed")
	}
	if !slices.ContainsFunc(errs, func(e error) bool { return strings.Contains(e.Error(), "21-link.md") }) {
		t.Errorf("errors %v name no 21-link.md", errs)
	}
}

func TestGrade(t *testing.T) {
	set, _ := LoadFS(library(t), os.DirFS("testdata/full"), "testdata/full")
	ls, _ := set.Get("tour")
	d := ls.In(lang.EN)
	cases := []struct {
		id     string
		picked []int
		text   string
		right  bool
		err    error
	}{
		{"pick", []int{1}, "", true, nil},
		{"pick", []int{0}, "", false, nil},
		{"pick", []int{0, 1}, "", false, ErrAnswer},
		{"pick", []int{2}, "", false, ErrAnswer},
		{"pick", nil, "", false, ErrAnswer},
		{"many", []int{0, 2}, "", true, nil},
		{"many", []int{0}, "", false, nil},
		{"many", []int{0, 0}, "", false, ErrAnswer},
		{"code", nil, " 250 ", true, nil},
		{"code", nil, "251", false, nil},
		{"code", nil, "  ", false, ErrAnswer},
	}
	for _, c := range cases {
		q, ok := d.Quiz(c.id)
		if !ok {
			t.Fatalf("no quiz %s", c.id)
		}
		right, err := q.Grade(c.picked, c.text)
		if right != c.right || err != c.err {
			t.Errorf("%s %v %q: got %v, %v; want %v, %v", c.id, c.picked, c.text, right, err, c.right, c.err)
		}
	}
}

// TestBase64AnswersKeepTheirCase: a Base64 string is case-sensitive, so the
// built-in lesson's quiz, match=exact, takes "SGk=" and refuses "sgk=";
// a quiz without match= takes an SMTP keyword in any case.
func TestBase64AnswersKeepTheirCase(t *testing.T) {
	set, errs := Load(library(t), "")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, c := range []struct {
		slug, id, text string
		right          bool
	}{
		{"encodings", "b64-hi", " SGk= ", true},
		{"encodings", "b64-hi", "sgk=", false},
		{"encodings", "qp-e", "=c3=a9", false}, // RFC 2045 §6.7: quoted-printable's hex digits are upper case
		{"message-format", "fmt-env", "rcpt to", true},
	} {
		ls, ok := set.Get(c.slug)
		if !ok {
			t.Fatalf("no lesson %s", c.slug)
		}
		for _, l := range Langs {
			q, ok := ls.In(l).Quiz(c.id)
			if !ok {
				t.Fatalf("%s: no quiz %s in %s", c.slug, c.id, l)
			}
			if right, err := q.Grade(nil, c.text); right != c.right || err != nil {
				t.Errorf("%s %s (%s) graded %q %v, %v; want %v", c.slug, c.id, l, c.text, right, err, c.right)
			}
		}
	}
	if _, err := Parse("x.md", []byte("---\ntopics: rfcs\n---\n# T\n\n```mailsim quiz id=q kind=single match=exact\nQ?\n- [x] a\n- [ ] b\nwhy: w\n```\n")); err == nil || !strings.Contains(err.Error(), "match= is for kind=short") {
		t.Errorf("match= on a choice quiz: %v", err)
	}
}

func FuzzFrontMatter(f *testing.F) {
	f.Add("---\ntopics: rfcs\nscenario: lan-both\n---\n# T\n")
	f.Add("---\n---\n")
	f.Add("---\nx\n")
	f.Fuzz(func(t *testing.T, src string) {
		meta, n, line, err := frontMatter(src)
		if err != nil {
			if meta != nil || line < 1 {
				t.Fatalf("error %v with meta %v at line %d", err, meta, line)
			}
			return
		}
		if n < 2 || n > strings.Count(src, "\n")+1 {
			t.Fatalf("front matter of %d lines in %q", n, src)
		}
	})
}

func FuzzInfo(f *testing.F) {
	f.Add(` player scenario=lan-both step=12`)
	f.Add(` base64 input="Man is" mode=decode`)
	f.Add(` base64 input="`)
	f.Fuzz(func(t *testing.T, info string) {
		kind, attrs, err := parseInfo(info)
		if err == nil && (kind == "" || strings.Contains(kind, " ")) {
			t.Fatalf("kind %q from %q", kind, info)
		}
		for k := range attrs {
			if k == "" || strings.ContainsAny(k, " \"=") {
				t.Fatalf("key %q from %q", k, info)
			}
		}
	})
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(good + "```mailsim quiz id=q kind=short\nQ\nanswer: 1\nwhy: w\n```\n"))
	f.Add([]byte(good + "#\n")) // a second, empty title has no lines to point at
	f.Add([]byte("---\r\ntopics: rfcs\r\n---\r\n# T\r\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Parse("f.md", src)
		if err == nil && (d.Title == "" || len(d.Topics) == 0) {
			t.Fatalf("a lesson without title or topics parsed: %q", src)
		}
	})
}
