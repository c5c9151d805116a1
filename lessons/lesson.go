package lessons

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"mailsim/lang"
	"mailsim/scenarios"
)

// Doc is one lesson in one language, parsed and checked on its own.
type Doc struct {
	File     string
	Lang     lang.Lang // set by Load and LoadFS; glossary terms are linked in this language
	Title    string
	Topics   []string
	Scenario string    // the scenario whose "learn why" leads here, if any
	Headings []Heading // the "## " sections, for the table of contents and the slides
	Widgets  []*Widget
	source   []byte // the file with its front matter blanked, so offsets keep the file's lines
}

// Heading is one "## " section: its anchor and its text.
type Heading struct{ ID, Text string }

// Quiz returns the quiz with the id.
func (d *Doc) Quiz(id string) (*Quiz, bool) {
	for _, w := range d.Widgets {
		if w.Quiz != nil && w.Quiz.ID == id {
			return w.Quiz, true
		}
	}
	return nil, false
}

// Parse reads one lesson file: its front matter, its title, its sections and
// its widgets. Errors are *scenarios.Error naming file and line.
func Parse(file string, src []byte) (*Doc, error) {
	fail := func(line int, format string, a ...any) error {
		return &scenarios.Error{File: file, Line: line, Msg: fmt.Sprintf(format, a...)}
	}
	if len(src) > maxFileBytes {
		return nil, fail(0, "is %d bytes, more than a lesson's %d", len(src), maxFileBytes)
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	meta, n, line, err := frontMatter(string(src))
	if err != nil {
		return nil, fail(line, "%s", err)
	}
	d := &Doc{File: file, Scenario: meta["scenario"], source: blank(src, n)}
	for _, t := range strings.Split(meta["topics"], ",") {
		if t = strings.TrimSpace(t); t != "" {
			if !slices.Contains(Topics, t) {
				return nil, fail(2, "unknown topic %q (known: %s)", t, strings.Join(Topics, ", "))
			}
			d.Topics = append(d.Topics, t)
		}
	}
	if len(d.Topics) == 0 {
		return nil, fail(1, "the front matter has no topics: line")
	}
	lineOf := func(off int) int { return bytes.Count(d.source[:off], []byte("\n")) + 1 }
	doc := md.Parser().Parse(text.NewReader(d.source))
	err = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch node := node.(type) {
		case *ast.Heading:
			t := plain(node, d.source)
			switch {
			case node.Level == 1 && d.Title == "":
				d.Title = t
			case node.Level == 1:
				return ast.WalkStop, fail(lineOf(max(node.Pos(), 0)), "a second # title; sections start with ##")
			case node.Level == 2:
				id, _ := node.AttributeString("id")
				ib, _ := id.([]byte)
				d.Headings = append(d.Headings, Heading{ID: string(ib), Text: t})
			}
		case *ast.FencedCodeBlock:
			w, isWidget, err := widgetOf(node, d.source)
			if !isWidget {
				return ast.WalkContinue, nil
			}
			if err == nil {
				err = w.check()
			}
			if err != nil {
				return ast.WalkStop, fail(lineOf(node.Info.Segment.Start), "%s", err)
			}
			w.Line, w.Index = lineOf(node.Info.Segment.Start), len(d.Widgets)
			if w.Quiz != nil {
				if _, dup := d.Quiz(w.Quiz.ID); dup {
					return ast.WalkStop, fail(w.Line, "quiz id %q is used twice in this lesson", w.Quiz.ID)
				}
			}
			d.Widgets = append(d.Widgets, w)
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		return nil, err
	}
	if d.Title == "" {
		return nil, fail(n+1, "the lesson has no # title")
	}
	return d, nil
}

// maxFileBytes keeps a hostile -lessons file from exhausting memory.
const maxFileBytes = 256 << 10

// blank replaces the first n lines of src with empty ones.
func blank(src []byte, n int) []byte {
	out := bytes.Clone(src)
	for i, lines := 0, 0; i < len(out) && lines < n; i++ {
		if out[i] == '\n' {
			lines++
		} else {
			out[i] = ' '
		}
	}
	return out
}

// widgetOf reads a fenced block as a widget, when its info string starts
// with "mailsim".
func widgetOf(n *ast.FencedCodeBlock, src []byte) (*Widget, bool, error) {
	if n.Info == nil {
		return nil, false, nil
	}
	rest, ok := strings.CutPrefix(string(n.Info.Segment.Value(src)), "mailsim")
	if !ok || (rest != "" && rest[0] != ' ') {
		return nil, false, nil
	}
	kind, attrs, err := parseInfo(rest)
	if err != nil {
		return nil, true, err
	}
	w := &Widget{Kind: kind, Attrs: attrs}
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		w.Body = append(w.Body, strings.TrimRight(string(seg.Value(src)), "\n"))
	}
	for len(w.Body) > 0 && strings.TrimSpace(w.Body[len(w.Body)-1]) == "" {
		w.Body = w.Body[:len(w.Body)-1]
	}
	return w, true, nil
}

// plain is a heading's text without its inline markup.
func plain(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			b.Write(c.Text(src))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
