package lang

import (
	"slices"
	"strings"
	"testing"
)

func TestBuiltInGlossaryParses(t *testing.T) {
	if len(Terms.Terms) < 10 {
		t.Fatalf("the glossary has %d terms", len(Terms.Terms))
	}
	seen := map[string]bool{}
	for _, term := range Terms.Terms {
		if seen[term.EN] {
			t.Errorf("glossary.txt:%d: term %q twice", term.Line, term.EN)
		}
		seen[term.EN] = true
		// A glossary definition is Romanian text like any other.
		if p := Terms.Check(term.Def.RO); len(p) > 0 {
			t.Errorf("glossary.txt:%d: the definition of %q breaks the glossary: %v", term.Line, term.EN, p)
		}
	}
	if !slices.Contains(Terms.Endings, "ați") || !slices.Contains(Terms.AvoidWords, "dvs") {
		t.Fatalf("the form of address was not read: %+v", Terms)
	}
}

func TestGlossaryCheck(t *testing.T) {
	cases := []struct {
		ro   string
		want []string // a fragment of each problem, in order; none for clean text
	}{
		{"Mesajul ajunge în căsuța poștală a lui Bob.", nil},
		{"Mesajul ajunge în Cutia poștală.", []string{`"cutia poștală"`, `"cutia"`}},
		{"Mesajul ajunge în cutia lui Bob.", []string{`"cutia"`}},
		{"Scutia nu e un cuvânt din glosar.", nil},
		{"Apăsați pe Pas.", []string{`"apăsați": a plural imperative`}},
		{"Puneți biții unul după altul și tăiați-i.", []string{`"puneți"`, `"tăiați"`}},
		{"Cei 24 de biți și 3 octeți, conectați prin LAN.", nil},
		{"Vă rugăm, dvs. alegeți.", []string{`"dvs": address`, `"vă rugăm": address`, `"alegeți"`}},
		{"Apasă pe Pas.", nil},
		{"Cursul spune „Intended recipient”, dar apoi cutia.", []string{`"cutia"`}},
		{"Citatul „fără sfârșit, cutia", nil},
		{"Dați indicii.", []string{`"dați"`}},
		{"Ați trimis mesajul.", []string{`"ați": address`}},
	}
	for _, c := range cases {
		got := Terms.Check(c.ro)
		if len(got) != len(c.want) {
			t.Errorf("Check(%q) = %q, want %d problems", c.ro, got, len(c.want))
			continue
		}
		for i, frag := range c.want {
			if !strings.Contains(got[i], frag) {
				t.Errorf("Check(%q)[%d] = %q, want it to mention %s", c.ro, i, got[i], frag)
			}
		}
	}
}

func TestGlossaryErrorsNameTheLine(t *testing.T) {
	cases := map[string]string{
		"term x\nro y\n":  "g.txt:1: term \"x\" needs ro, en.def and ro.def",
		"# c\n\nro y\n":   "g.txt:3: \"ro\" outside a block",
		"address\nro y\n": "g.txt:2: \"ro\" does not belong in a address block",
		"term\n":          "g.txt:1: a term needs its English name",
		"term a\nro b\navoid b\nen.def d\nro.def d\n": "g.txt:1: term \"a\" avoids its own Romanian word",
	}
	for in, want := range cases {
		_, err := ParseGlossary("g.txt", strings.NewReader(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseGlossary(%q) = %v, want %q", in, err, want)
		}
	}
}

func FuzzParseGlossary(f *testing.F) {
	f.Add(glossaryFile)
	f.Add("term a\nro b\nen.def c\nro.def d\n")
	f.Add("address\navoid x\nending ți\n")
	f.Fuzz(func(t *testing.T, in string) {
		g, err := ParseGlossary("fuzz.txt", strings.NewReader(in))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.txt") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		for _, term := range g.Terms {
			if term.RO == "" || !term.Def.Complete() {
				t.Fatalf("incomplete term accepted: %+v", term)
			}
		}
		g.Check(in)
	})
}
