package learn

import (
	"net/http"
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"mailsim/lang"
	"mailsim/lessons"
	"mailsim/web/view"
)

// GET /lessons/glossary lists the project's terms, in the alphabetical
// order of the page's language, each at the id the lessons link to.
func (a *Section) glossary(w http.ResponseWriter, r *http.Request) {
	l := view.PageLang(w, r)
	view.Render(w, r, a.log, http.StatusOK, glossaryPage(lessonMeta(r, l, tr(l, "lessons.glossary")), a.terms[l]))
}

// sortedTerms is the glossary in each language's alphabetical order:
// Romanian puts ă after a and ș after s, which a byte order does not.
func sortedTerms() map[lang.Lang][]lang.Term {
	out := map[lang.Lang][]lang.Term{}
	for _, l := range lessons.Langs {
		tag := language.English
		if l == lang.RO {
			tag = language.Romanian
		}
		c := collate.New(tag, collate.IgnoreCase)
		terms := slices.Clone(lang.Terms.Terms)
		slices.SortStableFunc(terms, func(a, b lang.Term) int {
			return c.CompareString(lessons.TermIn(a, l), lessons.TermIn(b, l))
		})
		out[l] = terms
	}
	return out
}

// other is the language a glossary entry gives the word of besides l's.
func other(l lang.Lang) lang.Lang {
	if l == lang.RO {
		return lang.EN
	}
	return lang.RO
}
