package lessons

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"mailsim/lang"
)

// GlossaryPath is the address of the glossary, which the lessons' section
// serves and every lesson links its terms to.
const GlossaryPath = "/lessons/glossary"

// TermID is the glossary entry's element id: "term-" and the English term
// in lower case with hyphens ("term-user-agent"), the same in both
// languages, so that a link keeps its place when the page changes language.
func TermID(t lang.Term) string {
	f := func(r rune) bool { return !('a' <= r && r <= 'z' || '0' <= r && r <= '9') }
	return "term-" + strings.Join(strings.FieldsFunc(strings.ToLower(t.EN), f), "-")
}

// TermIn is the term's word in l.
func TermIn(t lang.Term, l lang.Lang) string {
	if l == lang.RO {
		return t.RO
	}
	return t.EN
}

// endings are what may follow each word of a term and still be the term:
// the English plural, and the Romanian article and case endings
// ("antetul", "destinatarii", "agentul utilizator"; "căsuța" is "căsuță"
// once folded). A form whose stem changes ("cozi" of "coadă", "căsuței
// poștale") is not found, and stays unlinked.
var endings = map[lang.Lang][]string{
	lang.EN: {"es", "s"},
	lang.RO: {"urilor", "urile", "ului", "ilor", "elor", "ele", "lor", "uri", "ul", "le", "ii", "a", "e", "i"},
}

// glossaryLinks links, in a lesson in l, the first time each term of the
// glossary appears in running text (a paragraph or a list item) to its
// entry in the glossary, its definition as the link's title. Terms are
// matched as words, whatever their case and diacritics; headings, code,
// links, tables and widgets are left alone, since a link there would break
// what they are (a heading's anchor, a command to type, a link's target).
type glossaryLinks struct {
	l     lang.Lang
	terms []lang.Term
}

// term is one glossary term as a lesson in one language looks for it.
type term struct {
	words []string // folded
	dest  []byte
	title []byte
}

func (g glossaryLinks) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	if g.l == "" {
		return
	}
	var terms []term
	for _, t := range g.terms {
		terms = append(terms, term{
			words: strings.Fields(Fold(TermIn(t, g.l))),
			dest:  []byte(GlossaryPath + "?lang=" + string(g.l) + "#" + TermID(t)),
			title: []byte(t.Def.In(g.l)),
		})
	}
	// Longer terms first, so that a term inside a longer one ("agent"
	// in "user agent") does not take its place.
	slices.SortStableFunc(terms, func(a, b term) int { return len(b.words) - len(a.words) })
	src := reader.Source()
	for _, t := range runningText(doc) {
		for t != nil && len(terms) > 0 {
			t, terms = link(t, src, terms, endings[g.l])
		}
	}
}

// runningText is the text nodes of the document's paragraphs and list
// items, in order, outside headings, code, links, images, tables and
// widgets.
func runningText(doc ast.Node) []*ast.Text {
	var out []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindHeading, ast.KindCodeSpan, ast.KindLink, ast.KindAutoLink, ast.KindImage,
			ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock, ast.KindRawHTML,
			east.KindTable, kindWidget:
			return ast.WalkSkipChildren, nil
		}
		if t, ok := n.(*ast.Text); ok && !t.IsRaw() && inRunningText(t) {
			out = append(out, t)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// inRunningText is whether the nearest block around n is a paragraph or a
// tight list item's text block.
func inRunningText(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock {
			return p.Kind() == ast.KindParagraph || p.Kind() == ast.KindTextBlock
		}
	}
	return false
}

// link finds the first of terms in t and puts a link in its place. It
// returns the text node after the link, where the search goes on, and the
// terms not linked yet; nil when no term is in t.
func link(t *ast.Text, src []byte, terms []term, ends []string) (*ast.Text, []term) {
	seg := t.Segment
	f := fold(string(seg.Value(src)))
	best, at, end := -1, -1, -1
	for i, tm := range terms {
		for from := 0; ; {
			j := strings.Index(f.text[from:], tm.words[0])
			if j < 0 || (at >= 0 && from+j >= at) {
				break
			}
			j += from
			if k := phraseEnd(f.text, j, tm.words, ends); k >= 0 {
				best, at, end = i, j, k
				break
			}
			from = j + 1
		}
	}
	if best < 0 {
		return nil, terms
	}
	from, to := f.span(at, end)
	parent := t.Parent()
	before := ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+from))
	a := ast.NewLink()
	a.Destination, a.Title = terms[best].dest, terms[best].title
	a.SetAttributeString("class", "term")
	a.AppendChild(a, ast.NewTextSegment(text.NewSegment(seg.Start+from, seg.Start+to)))
	after := ast.NewTextSegment(text.NewSegment(seg.Start+to, seg.Stop))
	after.SetSoftLineBreak(t.SoftLineBreak())
	after.SetHardLineBreak(t.HardLineBreak())
	if from > 0 {
		parent.InsertBefore(parent, t, before)
	}
	parent.InsertBefore(parent, t, a)
	parent.InsertBefore(parent, t, after)
	parent.RemoveChild(parent, t)
	return after, slices.Delete(slices.Clone(terms), best, best+1)
}

// phraseEnd is where the words, each perhaps with one of ends, end when
// they stand in s from i on as whole words apart by spaces; -1 when they
// do not.
func phraseEnd(s string, i int, words, ends []string) int {
	if r, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && isWord(r) {
		return -1
	}
	for n, w := range words {
		if n > 0 {
			j := i
			for j < len(s) && s[j] == ' ' {
				j++
			}
			if j == i {
				return -1
			}
			i = j
		}
		if i = wordEnd(s, i, w, ends); i < 0 {
			return -1
		}
	}
	return i
}

// wordEnd is where the word w, or w and one of ends, ends when it is a
// whole word at s[i:]; -1 otherwise.
func wordEnd(s string, i int, w string, ends []string) int {
	if !strings.HasPrefix(s[i:], w) {
		return -1
	}
	for _, e := range append([]string{""}, ends...) {
		if k := i + len(w) + len(e); strings.HasPrefix(s[i+len(w):], e) {
			if r, _ := utf8.DecodeRuneInString(s[k:]); k == len(s) || !isWord(r) {
				return k
			}
		}
	}
	return -1
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
