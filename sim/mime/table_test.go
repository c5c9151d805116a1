package mime

import "testing"

func TestTable(t *testing.T) {
	tab := Table()
	if len(tab) != 64 {
		t.Fatalf("%d entries", len(tab))
	}
	// Rows of the lecture's index table.
	for _, w := range []TableEntry{
		{Value: 0, Bits: "000000", Char: "A", UU: "`"},
		{Value: 19, Bits: "010011", Char: "T", UU: "3"},
		{Value: 26, Bits: "011010", Char: "a", UU: ":"},
		{Value: 52, Bits: "110100", Char: "0", UU: "T"},
		{Value: 62, Bits: "111110", Char: "+", UU: "^"},
		{Value: 63, Bits: "111111", Char: "/", UU: "_"},
	} {
		if tab[w.Value] != w {
			t.Errorf("entry %d = %+v, want %+v", w.Value, tab[w.Value], w)
		}
	}
	for v, e := range tab {
		if got, ok := Index(e.Char[0]); !ok || got != v {
			t.Errorf("Index(%q) = %d, %v; want %d", e.Char, got, ok, v)
		}
	}
	tab[0].Char = "changed"
	if Table()[0].Char != "A" {
		t.Errorf("Table shares its entries with callers")
	}
	n := 0
	for c := range 256 {
		if _, ok := Index(byte(c)); ok {
			n++
		}
	}
	if n != 64 {
		t.Errorf("%d bytes have an index, want 64", n)
	}
	if _, ok := Index('='); ok {
		t.Errorf("padding has an index")
	}
}
