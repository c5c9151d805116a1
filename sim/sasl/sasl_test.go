package sasl

import "testing"

// The example of RFC 2195 §2.
func TestCRAMDigest(t *testing.T) {
	if got := CRAMDigest("<1896.697170952@postoffice.reston.mci.net>", "tanstaaftanstaaf"); got != "b913a602c7eda7a495b4e6e7334d3890" {
		t.Errorf("CRAMDigest = %s", got)
	}
}

func TestPlain(t *testing.T) {
	if z, u, p, ok := Plain([]byte("\x00tim\x00tanstaaftanstaaf")); !ok || z != "" || u != "tim" || p != "tanstaaftanstaaf" {
		t.Errorf("Plain = %q %q %q %v", z, u, p, ok)
	}
	for _, bad := range []string{"", "tim", "a\x00b", "a\x00b\x00c\x00d"} {
		if _, _, _, ok := Plain([]byte(bad)); ok {
			t.Errorf("Plain(%q) accepted", bad)
		}
	}
}

func TestEqual(t *testing.T) {
	if !Equal("abc", "abc") || Equal("abc", "abd") || Equal("ab", "abc") {
		t.Error("Equal")
	}
}
