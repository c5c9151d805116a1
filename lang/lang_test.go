package lang

import (
	"slices"
	"testing"
)

func TestFromAcceptLanguage(t *testing.T) {
	cases := map[string]Lang{
		"":                        EN,
		"ro-RO,ro;q=0.9,en;q=0.8": RO,
		"fr-FR, en-GB;q=0.8":      EN,
		"de, RO":                  RO,
		"en-US,en;q=0.9,ro;q=0.8": EN,
		"x-klingon;q=1, *;q=0.5":  EN,
	}
	for header, want := range cases {
		if got := FromAcceptLanguage(header); got != want {
			t.Errorf("%q: got %s, want %s", header, got, want)
		}
	}
	if _, ok := Parse("fr"); ok {
		t.Error("fr parsed as supported")
	}
}

func TestTextAndCatalog(t *testing.T) {
	full := Text{RO: "Bună", EN: "Hello"}
	if full.In(RO) != "Bună" || full.In(EN) != "Hello" || full.In("fr") != "Hello" || !full.Complete() {
		t.Fatalf("Text %+v misbehaves", full)
	}
	c := Catalog{"a": full, "b": {RO: "doar română"}, "c": {EN: " ", RO: "x"}}
	if got := c.Missing(); !slices.Equal(got, []string{"b", "c"}) {
		t.Fatalf("Missing() = %v", got)
	}
}
