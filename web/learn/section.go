// Package learn is the lessons section: the index of /lessons, a lesson's
// page at /lessons/{slug} with its widgets drawn by the components of their
// own pages, and the server-side grading of its quizzes.
package learn

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"

	"github.com/a-h/templ"

	"mailsim/lang"
	"mailsim/lessons"
	"mailsim/sim"
	"mailsim/web/words"
)

// tr looks a key up in the app's catalogs.
var tr, explain = words.T, words.Explain

// Players draws a scenario's player inside a lesson; the player section
// is the real one, so that a lesson shows the player's own run and parts.
type Players interface {
	Embed(spec *sim.Spec, step, from, to int, l lang.Lang) (templ.Component, error)
}

// Section holds the lessons and each one's body, rendered once per language
// at start-up: a body depends on nothing but the lesson and the code's data.
type Section struct {
	set    *lessons.Set
	bodies map[string]map[lang.Lang]template.HTML
	terms  map[lang.Lang][]lang.Term // the glossary, sorted for each language
	log    *slog.Logger
}

// New renders the lessons of set, their player widgets from lib's
// scenarios drawn by play. A nil set is the built-in lessons; a lesson
// that fails to load or to render is logged and left out.
func New(set *lessons.Set, lib sim.Library, play Players, log *slog.Logger) *Section {
	if set == nil {
		var errs []error
		set, errs = lessons.Load(lib, "")
		for _, err := range errs {
			log.Warn("lesson skipped", "err", err)
		}
	}
	a := &Section{set: set, bodies: map[string]map[lang.Lang]template.HTML{}, terms: sortedTerms(), log: log}
	d := drawer{lib: lib, play: play}
	for _, ls := range set.List() {
		a.bodies[ls.Slug] = map[lang.Lang]template.HTML{}
		for _, l := range lessons.Langs {
			var b bytes.Buffer
			d.l, d.slug = l, ls.Slug
			if err := ls.In(l).Render(&b, d.draw); err != nil {
				log.Error("rendering lesson", "file", ls.In(l).File, "err", err)
				b.Reset()
				fmt.Fprintf(&b, "<p>%s</p>", template.HTMLEscapeString(err.Error()))
			}
			a.bodies[ls.Slug][l] = template.HTML(b.String())
		}
	}
	return a
}

// Routes adds the index, the lessons, the search, the glossary and the
// quizzes' grading to mux.
func (a *Section) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /lessons", a.index)
	mux.HandleFunc("GET /lessons/{slug}", a.lesson)
	mux.HandleFunc("GET "+searchPath, a.search)
	mux.HandleFunc("GET "+lessons.GlossaryPath, a.glossary)
	mux.HandleFunc("POST /lessons/{slug}/quiz/{id}", a.quiz)
}

// Set is the lessons the section serves, for the links other sections
// make to them.
func (a *Section) Set() *lessons.Set { return a.set }

// URL is the page of the lesson with slug.
var URL = lessons.Path

var background = context.Background()
