package dns

import (
	"slices"
	"strings"
	"testing"
)

// FuzzParseZone checks that no input panics the parser and that every zone
// it accepts writes out (String) to text that reads back to the same zone.
func FuzzParseZone(f *testing.F) {
	f.Add(testZone)
	f.Add(mustLecture(f).String())
	f.Add("#NAME TTL IN TYPE ADR\nexample.com.\t\tIN\tA\t69.9.64.11\nexample.com.\t14400\tIN\tMX\t0 example.com.\n")
	f.Add("$ORIGIN a.\n@ MX 0 .\n  A 1.2.3.4\nb CNAME @\n")
	f.Add("x. 5 IN 7 A 1.1.1.1\n")
	f.Add("$ORIGIN a.\n@ NS ns\nns AAAA 2406:8600:b8:fe03::1003\n")
	f.Fuzz(func(t *testing.T, text string) {
		z, err := ParseZone("fuzz.zone", strings.NewReader(text))
		if err != nil {
			if _, ok := err.(*ParseError); !ok {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			return
		}
		again, err := ParseZone("again.zone", strings.NewReader(z.String()))
		if err != nil {
			t.Fatalf("re-parse of\n%s\nfailed: %v", z, err)
		}
		if again.Origin() != z.Origin() || !slices.Equal(again.Records(), z.Records()) {
			t.Fatalf("round trip changed the zone:\n%s\n%s", z, again)
		}
	})
}

// FuzzConsole feeds arbitrary lines to a console over the test zones: it
// must never panic, never print a line holding a line break, and give only
// keys that have an explanation.
func FuzzConsole(f *testing.F) {
	f.Add("set type=MX\nexample.com\nexit")
	f.Add("nslookup\nset type=AAAA\nns1.test.example\nnslookup test.example 10.0.0.53")
	f.Add("server ns1.test.example\nset q=any\ntest.example\nalias.test.example 10.0.0.53")
	f.Add("set all\nhelp\nset type=\n\tloop1.test.example\r\nserver\nset type=TXT x")
	r := testResolver(f)
	f.Fuzz(func(t *testing.T, input string) {
		c := NewConsole(r, "10.0.0.53")
		for line := range strings.Lines(input) {
			out := c.Do(strings.TrimRight(line, "\r\n"))
			for _, l := range out.Lines {
				if strings.ContainsAny(l, "\r\n") {
					t.Fatalf("line %q holds a line break", l)
				}
			}
			if _, ok := Explanations[out.Key]; out.Key != "" && !ok {
				t.Fatalf("key %q has no explanation", out.Key)
			}
		}
	})
}
