// Package lang owns the two languages mailsim speaks, Romanian and English,
// and the bilingual text type that every user-visible word is stored in.
package lang

import (
	"slices"
	"strings"
)

// Lang is a language code as used in URLs and the Accept-Language header.
type Lang string

// The languages mailsim ships. Every user-visible text exists in both.
const (
	RO Lang = "ro"
	EN Lang = "en"
)

// All lists the supported languages in the order the language switch shows them.
var All = []Lang{RO, EN}

// Text is one piece of user-visible text in both languages.
type Text struct {
	RO string `json:"ro"`
	EN string `json:"en"`
}

// In returns the text in language l, falling back to English for an unknown code.
func (t Text) In(l Lang) string {
	if l == RO {
		return t.RO
	}
	return t.EN
}

// Complete reports whether both languages are present, so that tests can fail
// on a key that exists in one language only.
func (t Text) Complete() bool {
	return strings.TrimSpace(t.RO) != "" && strings.TrimSpace(t.EN) != ""
}

// Parse maps a language code ("ro", "en-GB", "RO") to a supported language.
// ok is false when the code names neither.
func Parse(code string) (l Lang, ok bool) {
	code = strings.ToLower(strings.TrimSpace(code))
	if i := strings.IndexAny(code, "-_;"); i >= 0 {
		code = code[:i]
	}
	switch code {
	case "ro":
		return RO, true
	case "en":
		return EN, true
	}
	return EN, false
}

// FromAcceptLanguage picks the first supported language of an Accept-Language
// header, in the order the browser lists them; English when none is supported.
func FromAcceptLanguage(header string) Lang {
	for _, part := range strings.Split(header, ",") {
		if l, ok := Parse(part); ok {
			return l
		}
	}
	return EN
}

// Catalog is a set of texts by key. Protocol packages export their explanation
// catalogs so that the web layer and tests can look keys up in one place.
type Catalog map[string]Text

// Missing returns the keys of c that lack a language, sorted, for tests.
func (c Catalog) Missing() []string {
	var keys []string
	for k, t := range c {
		if !t.Complete() {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}
