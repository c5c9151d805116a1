package lessons

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"mailsim/lang"
)

// The limits of a query: a search box holds a few words, and a longer query
// is either a mistake or someone testing the server.
const (
	MaxQuery = 100 // runes
	MaxWords = 8
	MaxHits  = 50
)

// The errors of a query the search refuses.
var (
	ErrLongQuery = fmt.Errorf("the query is longer than %d characters", MaxQuery)
	ErrManyWords = fmt.Errorf("the query has more than %d words", MaxWords)
)

// Hit is one section of a lesson that holds every word of a query.
type Hit struct {
	Slug, Title string  // the lesson
	Heading     Heading // the section; its ID is "" for the lesson's opening, before its first "##", whose Text is the title
	// Snippet is a short piece of the section's text as written, around the
	// first match; Marks are the bytes of every match in it, in order and
	// apart, none when the words are in the heading only.
	Snippet string
	Marks   [][2]int
}

// index is every lesson's sections in each language, folded once at load
// time, so that a search folds only its query.
type index map[lang.Lang][]entry

// entry is one lesson in one language.
type entry struct {
	slug, title string
	sections    []section
}

// section is one "##" section, or the lesson's opening: its heading and its
// plain text, as written and folded.
type section struct {
	heading      Heading
	text         string
	fhead, ftext string
}

// indexOf builds the index of the lessons, in their order.
func indexOf(list []*Lesson) index {
	ix := index{}
	for _, ls := range list {
		for _, l := range Langs {
			d := ls.In(l)
			ix[l] = append(ix[l], entry{slug: ls.Slug, title: d.Title, sections: d.sections()})
		}
	}
	return ix
}

// sections splits the lesson into its opening and its "##" sections, each
// with its plain text: paragraphs, lists, tables, code, and what widgets
// show as text (a quiz's question and options, a console's script), but
// never a quiz's answers or explanation, which stay on the server, nor the
// instructor's notes, which a student's page does not show.
func (d *Doc) sections() []section {
	doc := md.Parser().Parse(text.NewReader(d.source))
	secs := []section{{heading: Heading{Text: d.Title}}}
	var b strings.Builder
	flush := func() {
		s := &secs[len(secs)-1]
		s.text = strings.TrimSpace(b.String())
		s.fhead, s.ftext = Fold(s.heading.Text), Fold(s.text)
		b.Reset()
	}
	widget := 0
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level <= 2 {
			if h.Level == 2 {
				flush()
				id, _ := h.AttributeString("id")
				ib, _ := id.([]byte)
				secs = append(secs, section{heading: Heading{ID: string(ib), Text: plain(h, d.source)}})
			}
			continue
		}
		d.plainText(&b, n, &widget)
	}
	flush()
	return secs
}

// plainText writes the text of the block n, blocks apart by a line break,
// counting the widgets it passes so that each fence finds its Widget.
func (d *Doc) plainText(b *strings.Builder, n ast.Node, widget *int) {
	src := d.source
	sep := func() {
		if s := b.String(); s != "" && !strings.HasSuffix(s, "\n") {
			b.WriteByte('\n')
		}
	}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if c.Type() == ast.TypeBlock {
			sep()
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(util.UnescapePunctuations(c.Segment.Value(src)))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(src))
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil // never rendered
		case *ast.FencedCodeBlock:
			if w, isWidget, _ := widgetOf(c, src); isWidget {
				if *widget < len(d.Widgets) {
					w = d.Widgets[*widget]
				}
				*widget++
				b.WriteString(strings.Join(w.shown(), "\n"))
				return ast.WalkSkipChildren, nil
			}
			writeLines(b, c, src)
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock:
			writeLines(b, c, src)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	sep()
}

func writeLines(b *strings.Builder, n ast.Node, src []byte) {
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(src))
	}
}

// shown is the text a widget shows that a search may find: a quiz's
// question and options, a console's script. A quiz's answers and its
// explanation are not shown until the server grades an answer, and notes
// only in presentation mode.
func (w *Widget) shown() []string {
	switch {
	case w.Quiz != nil:
		out := []string{w.Quiz.Question}
		for _, o := range w.Quiz.Options {
			out = append(out, o.Text)
		}
		return out
	case w.Kind == "console" || w.Kind == "nslookup":
		return w.Body
	}
	return nil
}

// Search finds the sections of the lessons in l that hold every word of q,
// whatever their diacritics and case: the sections whose heading holds the
// most words first, then in the lessons' order. An empty query finds
// nothing and is no error; a query longer than MaxQuery or of more than
// MaxWords words is refused. At most MaxHits hits are returned.
func (s *Set) Search(l lang.Lang, q string) ([]Hit, error) {
	if utf8.RuneCountInString(q) > MaxQuery {
		return nil, ErrLongQuery
	}
	words := strings.Fields(Fold(q))
	if len(words) > MaxWords {
		return nil, ErrManyWords
	}
	slices.Sort(words)
	words = slices.Compact(words)
	if len(words) == 0 {
		return nil, nil
	}
	type ranked struct {
		hit     Hit
		text    string
		inHead  int
		lesson  int
		section int
	}
	var found []ranked
	for li, e := range s.index[l] {
		for si, sec := range e.sections {
			inHead, ok := 0, true
			for _, w := range words {
				h := strings.Contains(sec.fhead, w)
				if h {
					inHead++
				}
				if !h && !strings.Contains(sec.ftext, w) {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			found = append(found, ranked{Hit{Slug: e.slug, Title: e.title, Heading: sec.heading}, sec.text, inHead, li, si})
		}
	}
	slices.SortStableFunc(found, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(b.inHead, a.inHead), cmp.Compare(a.lesson, b.lesson), cmp.Compare(a.section, b.section))
	})
	hits := make([]Hit, 0, min(len(found), MaxHits))
	for _, f := range found[:min(len(found), MaxHits)] {
		f.hit.Snippet, f.hit.Marks = snippet(f.text, words) // only for the hits shown: it folds the section again
		hits = append(hits, f.hit)
	}
	return hits, nil
}

// The snippet's reach around its match, in bytes, before it is cut at a space.
const (
	snippetBefore = 60
	snippetAfter  = 120
)

// snippet is a piece of text around the earliest match of any of the
// folded words, as written, and the spans in it of every match of them.
// Text the words are not in gives its start, with no span.
func snippet(s string, words []string) (string, [][2]int) {
	f := fold(s)
	var spans [][2]int // every match, in s
	for _, w := range words {
		for from := 0; ; {
			i := strings.Index(f.text[from:], w)
			if i < 0 {
				break
			}
			i += from
			a, b := f.span(i, i+len(w))
			spans = append(spans, [2]int{a, b})
			from = i + len(w)
		}
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	from, to := 0, 0
	if len(spans) > 0 {
		from, to = spans[0][0], spans[0][1]
	}
	lo, hi := max(from-snippetBefore, 0), min(to+snippetAfter, len(s))
	if lo > 0 {
		if sp := strings.IndexAny(s[lo:from], " \n"); sp >= 0 {
			lo += sp + 1
		} else {
			for lo > 0 && !utf8.RuneStart(s[lo]) {
				lo--
			}
		}
	}
	if hi < len(s) {
		if sp := strings.LastIndexAny(s[to:hi], " \n"); sp >= 0 {
			hi = to + sp
		} else {
			for hi < len(s) && !utf8.RuneStart(s[hi]) {
				hi++
			}
		}
	}
	prefix, suffix := "", ""
	if lo > 0 {
		prefix = "…"
	}
	if hi < len(s) {
		suffix = "…"
	}
	var marks [][2]int
	for _, sp := range spans {
		if sp[0] < lo || sp[1] > hi {
			continue
		}
		m := [2]int{len(prefix) + sp[0] - lo, len(prefix) + sp[1] - lo}
		if n := len(marks); n > 0 && m[0] <= marks[n-1][1] {
			marks[n-1][1] = max(marks[n-1][1], m[1]) // overlapping or touching: one mark
			continue
		}
		marks = append(marks, m)
	}
	return prefix + strings.ReplaceAll(s[lo:hi], "\n", " ") + suffix, marks
}
