package learn

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/a-h/templ"

	"mailsim/lang"
	"mailsim/lessons"
	"mailsim/web/view"
)

// searchPath is the address of the lessons' search, a name no lesson may
// take (lessons.Load refuses it).
var searchPath = lessons.Path("search")

// GET /lessons/search?q=… lists the sections of the lessons in the page's
// language that hold every word of q, whatever its diacritics and case. An
// empty query gets a prompt, a refused one (too long, too many words) the
// reason and a 400, both on the same page, with the form to try again.
func (a *Section) search(w http.ResponseWriter, r *http.Request) {
	l := view.PageLang(w, r)
	q := r.URL.Query().Get("q")
	hits, err := a.set.Search(l, q)
	v := searchView{Query: q, Hits: hits}
	status := http.StatusOK
	switch {
	case errors.Is(err, lessons.ErrLongQuery):
		status, v.Note = http.StatusBadRequest, fill(tr(l, "lessons.search.long"), "{n}", strconv.Itoa(lessons.MaxQuery))
		v.Query = string([]rune(q)[:lessons.MaxQuery])
	case err != nil: // lessons.ErrManyWords, the only other refusal
		status, v.Note = http.StatusBadRequest, fill(tr(l, "lessons.search.words"), "{n}", strconv.Itoa(lessons.MaxWords))
	case strings.TrimSpace(q) == "":
		v.Note = tr(l, "lessons.search.prompt")
	case len(hits) == 0:
		v.Note = fill(tr(l, "lessons.search.none"), "{q}", q)
	case len(hits) == lessons.MaxHits:
		v.Note = fill(tr(l, "lessons.search.found"), "{n}", strconv.Itoa(len(hits))) + ". " + fill(tr(l, "lessons.search.more"), "{n}", strconv.Itoa(len(hits)))
	default:
		v.Note = fill(tr(l, "lessons.search.found"), "{n}", strconv.Itoa(len(hits)))
	}
	view.Render(w, r, a.log, status, searchPage(lessonMeta(r, l, tr(l, "lessons.search")), v))
}

// fill puts value in the place of key in a catalog's sentence.
func fill(s, key, value string) string { return strings.ReplaceAll(s, key, value) }

// snippet is a hit's text with its matches in mark elements, escaped (a
// lesson may well quote markup), written without the spaces a template
// would put between its parts.
func snippet(h lessons.Hit) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		var b strings.Builder
		at := 0
		for _, m := range h.Marks {
			b.WriteString(templ.EscapeString(h.Snippet[at:m[0]]) + "<mark>" + templ.EscapeString(h.Snippet[m[0]:m[1]]) + "</mark>")
			at = m[1]
		}
		b.WriteString(templ.EscapeString(h.Snippet[at:]))
		_, err := io.WriteString(w, b.String())
		return err
	})
}

// hitURL is the place of a hit: its lesson, in l, at its section.
func hitURL(l lang.Lang, h lessons.Hit) string {
	u := URL(h.Slug) + "?lang=" + string(l)
	if h.Heading.ID != "" {
		u += "#" + h.Heading.ID
	}
	return u
}
