package lang

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
)

// glossaryFile is the project's glossary, kept as data so that translators
// edit words, not Go, and so that the lessons can link the same terms.
//
//go:embed glossary.txt
var glossaryFile string

// Terms is the built-in glossary. It is parsed once at start-up; a broken
// glossary file is a programming error caught by the package's tests.
var Terms = mustGlossary(ParseGlossary("glossary.txt", strings.NewReader(glossaryFile)))

// Term is one concept with the one Romanian word every page uses for it.
type Term struct {
	EN    string   // the English term
	RO    string   // the Romanian term
	Avoid []string // Romanian variants that must not appear, lower case
	Def   Text     // the definition in both languages
	Line  int      // where the block starts in the file, for messages
}

// Glossary is the terms and the form of address the Romanian text keeps to.
type Glossary struct {
	Terms []Term
	// AvoidWords belong to another form of address than the informal "tu".
	AvoidWords []string
	// Endings mark the plural imperative ("Apăsați"); Allow lists the words
	// with such an ending that are nouns or participles, not orders.
	Endings []string
	Allow   []string
}

// ParseGlossary reads the block format described at the top of glossary.txt.
// An error names the file and line.
func ParseGlossary(name string, r io.Reader) (*Glossary, error) {
	g := &Glossary{}
	sc := bufio.NewScanner(r)
	var cur *Term
	block := "" // "address", "term" or "" between blocks
	n := 0
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", name, n, fmt.Sprintf(format, args...))
	}
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "#") {
			continue
		}
		if line == "" {
			if cur != nil {
				if err := checkTerm(cur); err != nil {
					return nil, fmt.Errorf("%s:%d: %w", name, cur.Line, err)
				}
				g.Terms = append(g.Terms, *cur)
			}
			cur, block = nil, ""
			continue
		}
		field, value, _ := strings.Cut(line, " ")
		value = strings.TrimSpace(value)
		switch {
		case block == "" && field == "address" && value == "":
			block = "address"
		case block == "" && field == "term":
			if value == "" {
				return nil, fail("a term needs its English name")
			}
			block, cur = "term", &Term{EN: value, Line: n}
		case block == "address" && field == "avoid":
			g.AvoidWords = append(g.AvoidWords, phrases(value)...)
		case block == "address" && field == "ending":
			g.Endings = append(g.Endings, phrases(value)...)
		case block == "address" && field == "allow":
			g.Allow = append(g.Allow, phrases(value)...)
		case block == "term" && field == "ro":
			cur.RO = value
		case block == "term" && field == "avoid":
			cur.Avoid = append(cur.Avoid, phrases(value)...)
		case block == "term" && field == "en.def":
			cur.Def.EN = value
		case block == "term" && field == "ro.def":
			cur.Def.RO = value
		case block == "":
			return nil, fail("%q outside a block: a block starts with \"term NAME\" or \"address\"", field)
		default:
			return nil, fail("%q does not belong in a %s block", field, block)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if cur != nil {
		if err := checkTerm(cur); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, cur.Line, err)
		}
		g.Terms = append(g.Terms, *cur)
	}
	return g, nil
}

func checkTerm(t *Term) error {
	if t.RO == "" || !t.Def.Complete() {
		return fmt.Errorf("term %q needs ro, en.def and ro.def", t.EN)
	}
	for _, a := range t.Avoid {
		if a == strings.ToLower(t.RO) {
			return fmt.Errorf("term %q avoids its own Romanian word", t.EN)
		}
	}
	return nil
}

// phrases splits a comma-separated list into lower-case phrases.
func phrases(list string) []string {
	var out []string
	for p := range strings.SplitSeq(list, ",") {
		if p = strings.ToLower(strings.TrimSpace(p)); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func mustGlossary(g *Glossary, err error) *Glossary {
	if err != nil {
		panic(err)
	}
	return g
}

// Check lists what in a Romanian text breaks the glossary: a variant the
// glossary avoids, or a word of another form of address. It reads words, so
// "cutia" is found in "Cutia." but not in "scutia". What stands between
// Romanian quotation marks („…”) is somebody else's words, such as the
// lecture's or an RFC's, and is not held to the glossary.
func (g *Glossary) Check(ro string) []string {
	words := wordsOf(unquoted(ro))
	var problems []string
	for _, t := range g.Terms {
		for _, a := range t.Avoid {
			if containsPhrase(words, wordsOf(a)) {
				problems = append(problems, fmt.Sprintf("%q: the glossary says %q (%s)", a, t.RO, t.EN))
			}
		}
	}
	for _, a := range g.AvoidWords {
		if containsPhrase(words, wordsOf(a)) {
			problems = append(problems, fmt.Sprintf("%q: address the reader as \"tu\"", a))
		}
	}
	for _, w := range words {
		if slices.Contains(g.Allow, w) {
			continue
		}
		for _, e := range g.Endings {
			if strings.HasSuffix(w, e) && len([]rune(w)) > len([]rune(e)) {
				problems = append(problems, fmt.Sprintf("%q: a plural imperative; address the reader as \"tu\"", w))
				break
			}
		}
	}
	return problems
}

// unquoted drops every „quoted” span, and an unclosed one to the end.
func unquoted(text string) string {
	var b strings.Builder
	for {
		open := strings.Index(text, "„")
		if open < 0 {
			b.WriteString(text)
			return b.String()
		}
		b.WriteString(text[:open])
		_, rest, ok := strings.Cut(text[open:], "”")
		if !ok {
			return b.String()
		}
		b.WriteString(" ")
		text = rest
	}
}

// wordsOf splits text into lower-case words of letters and digits; hyphens
// and apostrophes split too, so "tăiați-i" yields "tăiați" and "i".
func wordsOf(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func containsPhrase(words, phrase []string) bool {
	if len(phrase) == 0 {
		return false
	}
	for i := 0; i+len(phrase) <= len(words); i++ {
		if slices.Equal(words[i:i+len(phrase)], phrase) {
			return true
		}
	}
	return false
}
