package mime

import (
	"strings"
	"testing"
)

func TestUUVectors(t *testing.T) {
	// Expected lines checked against Python's binascii.b2a_uu(backtick=True).
	for _, c := range []struct{ in, line string }{
		{"Cat", "#0V%T"},
		{"Man", "#36%N"},
		{"A", "!00``"},
		{"Hello, World!", "-2&5L;&\\L(%=O<FQD(0``"},
	} {
		tr := TraceUU([]byte(c.in), "x.txt")
		want := "begin 644 x.txt\n" + c.line + "\n`\nend\n"
		if tr.Error != nil || tr.Output != want {
			t.Errorf("TraceUU(%q) = %q, %v; want %q", c.in, tr.Output, tr.Error, want)
		}
	}
}

// TestUUCat is the worked example by hand: C a t = 01000011 01100001
// 01110100 -> 010000 110110 000101 110100 -> 16 54 5 52 -> +32 -> 48 86 37
// 84 = "0V%T", after the length character 3+32 = '#'.
func TestUUCat(t *testing.T) {
	tr := TraceUU([]byte("Cat"), "cat.txt")
	if tr.Header != "begin 644 cat.txt" || len(tr.Lines) != 1 {
		t.Fatalf("header %q, %d lines", tr.Header, len(tr.Lines))
	}
	l := tr.Lines[0]
	if l.Count != 3 || l.LengthChar != "#" || l.Text != "#0V%T" || len(l.Groups) != 1 {
		t.Fatalf("line %+v", l)
	}
	g := l.Groups[0]
	if g.Bits != "010000110110000101110100" || g.Fill != 0 || g.Output != "0V%T" {
		t.Errorf("group %+v", g)
	}
	want := []UUSextet{
		{Bits: "010000", Value: 16, Char: "0", Base64: "Q"},
		{Bits: "110110", Value: 54, Char: "V", Base64: "2"},
		{Bits: "000101", Value: 5, Char: "%", Base64: "F"},
		{Bits: "110100", Value: 52, Char: "T", Base64: "0"},
	}
	for i, w := range want {
		if g.Sextets[i] != w {
			t.Errorf("sextet %d = %+v, want %+v", i, g.Sextets[i], w)
		}
	}
	// Base64 of the same bytes uses the same values through its own table.
	if TraceEncode([]byte("Cat")).Output != "Q2F0" {
		t.Errorf("Base64 column disagrees with TraceEncode")
	}
}

func TestUULongLines(t *testing.T) {
	data := make([]byte, 46)
	for i := range data {
		data[i] = byte(i)
	}
	tr := TraceUU(data, "bytes.bin")
	if len(tr.Lines) != 2 {
		t.Fatalf("%d lines, want 2", len(tr.Lines))
	}
	first := "M``$\"`P0%!@<(\"0H+#`T.#Q`1$A,4%187&!D:&QP='A\\@(2(C)\"4F)R@I*BLL"
	if tr.Lines[0].Text != first || tr.Lines[0].Count != 45 || len(tr.Lines[0].Text) != 61 {
		t.Errorf("first line %q", tr.Lines[0].Text)
	}
	// A short last group is completed with zero bytes, which become backquotes.
	last := tr.Lines[1]
	if last.Text != "!+0``" || last.Offset != 45 || last.Groups[0].Fill != 2 || len(last.Groups[0].Bytes) != 1 {
		t.Errorf("last line %+v", last)
	}
	if tr.Sizes.Input != 46 || tr.Sizes.Output != len(tr.Output) || tr.Sizes.Base64 != 64 {
		t.Errorf("sizes %+v", tr.Sizes)
	}
}

func TestUUEmptyAndBadInput(t *testing.T) {
	if tr := TraceUU(nil, "empty"); tr.Output != "begin 644 empty\n`\nend\n" {
		t.Errorf("empty file: %q", tr.Output)
	}
	for _, name := range []string{"", "a\nb", strings.Repeat("n", 256)} {
		if tr := TraceUU([]byte("x"), name); tr.Error == nil || tr.Error.Reason != ReasonBadName || tr.Output != "" {
			t.Errorf("name %q: error %v", name, tr.Error)
		}
	}
	if tr := TraceUU(make([]byte, MaxInput+1), "big"); tr.Error == nil || tr.Error.Reason != ReasonTooLarge {
		t.Errorf("over the limit: %v", tr.Error)
	}
}
