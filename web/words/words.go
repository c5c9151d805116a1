// Package words holds every word the app's pages and scripts show, in
// Romanian and English: each section's catalog in a file of its own, merged
// here into one, so that a single test can check that every key has both
// languages and that every key the code asks for exists, across all the
// sections of web/.
package words

import (
	"maps"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/sim/live"
	"mailsim/sim/wire"
)

// ui holds every word the pages and scripts show that is not scenario or
// protocol content: the frame's and player's words, then each section's own
// catalog from its file. Templates look keys up with T; a test fails when a
// key lacks a language or when a template asks for a key that is not here.
var ui = mergeCatalogs(
	uiCore,
	uiLab,
	uiPlayer,
	uiConsole,
	uiMailbox,
	uiCodes,
	uiLayout,
	uiHost,
	uiStates,
	uiTLS,
	uiLessons,
	uiClassroom,
	uiLearnSearch,
	uiLabWhy,
)

// explanations is every protocol and world explanation by event key, merged
// once: the world's own sentences first, then each protocol package's, then
// those of the live lab's own events and of its real-socket adapter.
var explanations = mergeCatalogs(sim.AllExplanations, live.Explanations, wire.Explanations)

func mergeCatalogs(cs ...lang.Catalog) lang.Catalog {
	out := lang.Catalog{}
	for _, c := range cs {
		maps.Copy(out, c)
	}
	return out
}

// T returns the UI text for key in l. A missing key shows as itself in
// brackets, so that a forgotten key is visible on the page as well as in tests.
func T(l lang.Lang, key string) string {
	t, ok := ui[key]
	if !ok {
		return "[" + key + "]"
	}
	return t.In(l)
}

// Explain returns the one-line explanation of an event key in l, or "" when
// no catalog has it.
func Explain(l lang.Lang, key string) string {
	return explanations[key].In(l)
}

// Text is the UI text of key in both languages, for words that leave the
// server as lang.Text (a JSON refusal the page shows in its language).
func Text(key string) lang.Text { return ui[key] }
