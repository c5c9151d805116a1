package lessons

import (
	"bytes"
	"io"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"mailsim/lang"
)

// md is the Markdown every lesson is read with: GFM tables, strikethrough
// and links, heading anchors for the table of contents. Raw HTML is never
// rendered (html.WithUnsafe is not set): goldmark writes a comment in its
// place, and drops javascript: and other dangerous link targets.
var md = newMarkdown()

// newMarkdown is md with the parser and renderer options of more.
func newMarkdown(more ...parser.Option) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify),
		goldmark.WithParserOptions(append([]parser.Option{parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(focusableTables{}, 200))}, more...)...),
	)
}

// focusableTables gives every table tabindex 0: on a narrow screen a wide
// table scrolls sideways inside the column, and a region that scrolls
// must take the keyboard's focus, or a student without a mouse cannot
// read its far columns (axe: scrollable-region-focusable).
type focusableTables struct{}

func (focusableTables) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == east.KindTable {
			n.SetAttributeString("tabindex", "0")
		}
		return ast.WalkContinue, nil
	})
}

// Draw writes one widget's HTML.
type Draw func(w io.Writer, wd *Widget) error

// Render writes the lesson's HTML, each widget drawn by draw, and the first
// appearance of each glossary term linked to the glossary.
func (d *Doc) Render(w io.Writer, draw Draw) error {
	g := newMarkdown(parser.WithASTTransformers(util.Prioritized(widgets{d.Widgets}, 100),
		util.Prioritized(glossaryLinks{d.Lang, lang.Terms.Terms}, 300)))
	g.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(widgetRenderer{draw}, 100)))
	return g.Renderer().Render(w, d.source, g.Parser().Parse(text.NewReader(d.source)))
}

// Markdown renders src, Markdown without widgets (an instructor's notes),
// as safely as a lesson.
func Markdown(w io.Writer, src string) error {
	return md.Convert([]byte(src), w)
}

// widgetNode stands in the tree for a "mailsim" fenced block.
type widgetNode struct {
	ast.BaseBlock
	w *Widget
}

var kindWidget = ast.NewNodeKind("MailsimWidget")

func (n *widgetNode) Kind() ast.NodeKind { return kindWidget }

func (n *widgetNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// widgets swaps each "mailsim" fenced block, in order, for the Doc's widget
// Parse made of it.
type widgets struct{ list []*Widget }

func (t widgets) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var blocks []*ast.FencedCodeBlock
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*ast.FencedCodeBlock); ok && entering {
			if _, isWidget, _ := widgetOf(f, src); isWidget {
				blocks = append(blocks, f)
			}
		}
		return ast.WalkContinue, nil
	})
	for i, f := range blocks {
		if i < len(t.list) {
			f.Parent().ReplaceChild(f.Parent(), f, &widgetNode{w: t.list[i]})
		}
	}
}

type widgetRenderer struct{ draw Draw }

func (r widgetRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindWidget, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var b bytes.Buffer
		if err := r.draw(&b, n.(*widgetNode).w); err != nil {
			return ast.WalkStop, err
		}
		_, err := w.Write(b.Bytes())
		return ast.WalkContinue, err
	})
}
