package lessons

import (
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"mailsim/lang"
)

// TestHostileMarkdownRendersNothingExecutable: raw HTML and script links in
// a lesson come out inert.
func TestHostileMarkdownRendersNothingExecutable(t *testing.T) {
	src := good + `
<script>alert(1)</script>

[x](javascript:alert(1)) and [y](JAVASCRIPT:alert(1)) and <javascript:alert(1)>

inline <img src=x onerror=alert(1)> html

<div onclick="alert(1)">
block
</div>

<iframe src="https://evil.example"></iframe>

![i](javascript:alert(1))

| a | b |
| - | - |
| <script>x</script> | [z](javascript:alert(1)) |
`
	d, err := Parse("h.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := d.Render(&b, func(io.Writer, *Widget) error { return nil }); err != nil {
		t.Fatal(err)
	}
	out := strings.ToLower(b.String())
	for _, bad := range []string{"<script", `href="javascript:`, `src="javascript:`, "onerror", "onclick", "<iframe", "<img src=x", "<div"} {
		if strings.Contains(out, bad) {
			t.Errorf("the page has %q:\n%s", bad, out)
		}
	}
	if !strings.Contains(out, `<table tabindex="0">`) { // focusable, since a wide one scrolls
		t.Errorf("the table was not rendered:\n%s", out)
	}
}

func TestRenderDrawsWidgetsInPlace(t *testing.T) {
	set, _ := LoadFS(library(t), os.DirFS("testdata/full"), "testdata/full")
	ls, _ := set.Get("tour")
	d := ls.In(lang.EN)
	var b strings.Builder
	err := d.Render(&b, func(w io.Writer, wd *Widget) error {
		_, err := fmt.Fprintf(w, "<widget %d %s>", wd.Index, wd.Kind)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for i, wd := range d.Widgets {
		if !strings.Contains(out, fmt.Sprintf("<widget %d %s>", i, wd.Kind)) {
			t.Errorf("widget %d (%s) not drawn", i, wd.Kind)
		}
	}
	if strings.Contains(out, "mailsim") || strings.Contains(out, "answer:") {
		t.Errorf("a widget's source leaked into the page:\n%s", out)
	}
	if len(d.Headings) != 4 || d.Headings[0].ID == "" || !strings.Contains(out, `id="`+d.Headings[0].ID+`"`) {
		t.Errorf("headings %v do not match the page", d.Headings)
	}
}

func BenchmarkRender(b *testing.B) {
	set, _ := LoadFS(library(b), os.DirFS("testdata/full"), "testdata/full")
	ls, _ := set.Get("tour")
	d := ls.In(lang.RO)
	for b.Loop() {
		if err := d.Render(io.Discard, func(io.Writer, *Widget) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
