package lessons

import (
	"cmp"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"mailsim/lang"
	"mailsim/scenarios"
	"mailsim/sim"
)

//go:embed ro/*.md en/*.md
var embedded embed.FS

// Langs are the languages every lesson is written in.
var Langs = []lang.Lang{lang.RO, lang.EN}

// Lesson is one lesson in every language.
type Lesson struct {
	Slug  string
	Order int
	Docs  map[lang.Lang]*Doc
}

// In is the lesson in l.
func (s *Lesson) In(l lang.Lang) *Doc { return s.Docs[l] }

// Set is the lessons the app serves, in their order.
type Set struct {
	list  []*Lesson
	index index // for Search
}

// List returns the lessons in order.
func (s *Set) List() []*Lesson { return s.list }

// About is the first lesson, in order, that names scenario as the one that
// illustrates it: where the player's "why?" link leads.
func (s *Set) About(scenario string) (*Lesson, bool) {
	for _, ls := range s.list {
		if ls.Docs[Langs[0]].Scenario == scenario {
			return ls, true
		}
	}
	return nil, false
}

// Path is the address of the lesson with slug, which its section serves.
func Path(slug string) string { return "/lessons/" + url.PathEscape(slug) }

// Link is where another section's link into the lesson leads, in l, and
// the lesson's title there.
func (ls *Lesson) Link(l lang.Lang) (href, title string) {
	return Path(ls.Slug) + "?lang=" + string(l), ls.In(l).Title
}

// Get returns the lesson with the slug.
func (s *Set) Get(slug string) (*Lesson, bool) {
	i := slices.IndexFunc(s.list, func(l *Lesson) bool { return l.Slug == slug })
	if i < 0 {
		return nil, false
	}
	return s.list[i], true
}

// Missing lists the topics no lesson of the set covers in l.
func (s *Set) Missing(l lang.Lang) []string {
	var out []string
	for _, t := range Topics {
		if !slices.ContainsFunc(s.list, func(ls *Lesson) bool { return slices.Contains(ls.In(l).Topics, t) }) {
			out = append(out, t)
		}
	}
	return out
}

// Load reads the embedded lessons and then, when extraDir is not empty, the
// *.md files of extraDir/ro and extraDir/en, which add lessons or replace
// embedded ones of the same slug, as scenarios.Load does with -scenarios
// (regular files only, symbolic links only inside extraDir). Every lesson is
// checked against lib's scenarios; a bad one is reported and left out.
func Load(lib sim.Library, extraDir string) (*Set, []error) {
	ld := newLoader(lib)
	ld.fs(embedded, "lessons")
	if extraDir != "" {
		ld.dir(extraDir)
	}
	return ld.set()
}

// LoadFS reads the lessons of fsys alone (ro/*.md and en/*.md), named as
// under prefix in errors.
func LoadFS(lib sim.Library, fsys fs.FS, prefix string) (*Set, []error) {
	ld := newLoader(lib)
	ld.fs(fsys, prefix)
	return ld.set()
}

// reserved are the slugs of the section's own pages, /lessons/search and
// GlossaryPath, which a lesson of that name would never be reached behind.
var reserved = []string{"search", "glossary"}

// fileName is a lesson file's name: NN-slug.md.
var fileName = regexp.MustCompile(`^([0-9]{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$`)

type loader struct {
	lib   sim.Library
	steps map[string]int // each scenario's number of steps, worked out once
	docs  map[string]map[lang.Lang]*Doc
	order map[string]int
	errs  []error
}

func newLoader(lib sim.Library) *loader {
	return &loader{lib: lib, steps: map[string]int{}, docs: map[string]map[lang.Lang]*Doc{}, order: map[string]int{}}
}

func (ld *loader) fs(fsys fs.FS, prefix string) {
	for _, l := range Langs {
		names, _ := fs.Glob(fsys, string(l)+"/*.md")
		for _, name := range names {
			f, err := fsys.Open(name)
			if err != nil {
				ld.errs = append(ld.errs, err)
				continue
			}
			ld.add(path.Join(prefix, name), l, f)
		}
	}
}

// dir reads extraDir/ro and extraDir/en through os.Root, so that no link
// leads out of extraDir, and opens only regular files.
func (ld *loader) dir(dir string) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		ld.errs = append(ld.errs, err)
		return
	}
	defer root.Close()
	for _, l := range Langs {
		entries, err := fs.ReadDir(root.FS(), string(l))
		if err != nil {
			ld.errs = append(ld.errs, fmt.Errorf("lessons %s: %w", dir, err))
			continue
		}
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".md") {
				continue
			}
			name := path.Join(string(l), e.Name())
			f, err := scenarios.OpenRegular(root, name)
			if err != nil {
				ld.errs = append(ld.errs, &scenarios.Error{File: filepath.Join(dir, name), Msg: err.Error()})
				continue
			}
			ld.add(filepath.Join(dir, name), l, f)
		}
	}
}

// add parses one file; a later one replaces an earlier lesson of its slug
// in that language.
func (ld *loader) add(file string, l lang.Lang, f io.ReadCloser) {
	defer f.Close()
	m := fileName.FindStringSubmatch(path.Base(filepath.ToSlash(file)))
	if m == nil {
		ld.errs = append(ld.errs, &scenarios.Error{File: file, Msg: "a lesson file is named NN-slug.md (01-architecture.md): skipped"})
		return
	}
	if slices.Contains(reserved, m[2]) {
		ld.errs = append(ld.errs, &scenarios.Error{File: file, Msg: fmt.Sprintf("/lessons/%s is the lessons' %s page, so a lesson cannot take that name: skipped", m[2], m[2])})
		return
	}
	src, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	if err != nil {
		ld.errs = append(ld.errs, &scenarios.Error{File: file, Msg: err.Error()})
		return
	}
	d, err := Parse(file, src)
	if err == nil {
		err = ld.scenarios(d)
	}
	if err != nil {
		ld.errs = append(ld.errs, err)
		return
	}
	d.Lang = l
	slug := m[2]
	if ld.docs[slug] == nil {
		ld.docs[slug] = map[lang.Lang]*Doc{}
	}
	ld.docs[slug][l] = d
	ld.order[slug], _ = strconv.Atoi(m[1])
}

// scenarios checks what the lesson says of scenarios: that they exist and
// that no step is past their end.
func (ld *loader) scenarios(d *Doc) error {
	fail := func(line int, format string, a ...any) error {
		return &scenarios.Error{File: d.File, Line: line, Msg: fmt.Sprintf(format, a...)}
	}
	if d.Scenario != "" {
		if _, ok := ld.lib.Get(d.Scenario); !ok {
			return fail(0, "front matter: unknown scenario %q", d.Scenario)
		}
	}
	for _, w := range d.Widgets {
		if w.Kind != "player" {
			continue
		}
		n, err := ld.length(w.Attrs["scenario"])
		if err != nil {
			return fail(w.Line, "%s", err)
		}
		for _, key := range []string{"step", "from", "to"} {
			if s, ok := w.Int(key); ok && s > n {
				return fail(w.Line, "%s=%d is past the end of scenario %s, which has %d steps", key, s, w.Attrs["scenario"], n)
			}
		}
	}
	return nil
}

// length is the number of steps of the scenario called name.
func (ld *loader) length(name string) (int, error) {
	if n, ok := ld.steps[name]; ok {
		return n, nil
	}
	spec, ok := ld.lib.Get(name)
	if !ok {
		return 0, fmt.Errorf("unknown scenario %q", name)
	}
	events, err := sim.Run(spec, sim.EventLimit)
	if err != nil {
		return 0, fmt.Errorf("scenario %s does not run: %w", name, err)
	}
	ld.steps[name] = len(events)
	return len(events), nil
}

// set pairs the languages: a lesson in one language only, or whose topics
// or widgets differ between them, is left out with an error.
func (ld *loader) set() (*Set, []error) {
	s := &Set{}
	for slug, docs := range ld.docs {
		if err := pair(docs); err != nil {
			ld.errs = append(ld.errs, err)
			continue
		}
		s.list = append(s.list, &Lesson{Slug: slug, Order: ld.order[slug], Docs: docs})
	}
	slices.SortFunc(s.list, func(a, b *Lesson) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), strings.Compare(a.Slug, b.Slug))
	})
	s.index = indexOf(s.list)
	slices.SortStableFunc(ld.errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return s, ld.errs
}

func pair(docs map[lang.Lang]*Doc) error {
	ro, en := docs[lang.RO], docs[lang.EN]
	if ro == nil || en == nil {
		have, miss := cmp.Or(ro, en), lang.EN
		if en != nil {
			miss = lang.RO
		}
		return &scenarios.Error{File: have.File, Msg: fmt.Sprintf("this lesson has no %s version (the same file name under %s/); left out", miss, miss)}
	}
	fail := func(line int, msg string) error {
		return &scenarios.Error{File: en.File, Line: line, Msg: msg + " (against " + ro.File + "); left out"}
	}
	if !slices.Equal(slices.Sorted(slices.Values(ro.Topics)), slices.Sorted(slices.Values(en.Topics))) {
		return fail(2, fmt.Sprintf("topics %s differ from %s", strings.Join(en.Topics, ", "), strings.Join(ro.Topics, ", ")))
	}
	if ro.Scenario != en.Scenario {
		return fail(0, "scenario: differs between the languages")
	}
	if len(ro.Widgets) != len(en.Widgets) {
		return fail(0, fmt.Sprintf("%d widgets here and %d in the other language", len(en.Widgets), len(ro.Widgets)))
	}
	for i, w := range en.Widgets {
		if err := w.same(ro.Widgets[i]); err != nil {
			return fail(w.Line, err.Error())
		}
	}
	return nil
}
