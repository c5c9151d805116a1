package dns

import (
	"errors"
	"net/netip"
	"slices"
	"strings"
	"testing"
)

func TestLectureZone(t *testing.T) {
	z := mustLecture(t)
	if z.Origin() != "example.com" || z.File() != "zones/example.com.zone" {
		t.Fatalf("origin %q file %q", z.Origin(), z.File())
	}
	want := []string{
		"example.com.\t14400\tIN\tA\t69.9.64.11",
		"www1.example.com.\t14400\tIN\tA\t69.9.64.12",
		"server1.example.com.\t14400\tIN\tA\t69.9.64.15",
		"example.com.\t14400\tIN\tMX\t0 example.com.",
		"example.com.\t14400\tIN\tMX\t30 server1.example.com.",
	}
	var got []string
	for _, r := range z.Records() {
		got = append(got, r.String())
	}
	if !slices.Equal(got, want) {
		t.Fatalf("records:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var origins []string
	for _, z := range mustZones(t) {
		origins = append(origins, z.Origin())
	}
	if want := []string{"example.com", "mailsim.test", "yahoo.com"}; !slices.Equal(origins, want) {
		t.Fatalf("Zones() gives %v, want %v", origins, want)
	}
}

func TestParseZoneSyntax(t *testing.T) {
	z := mustZone(t, "syntax.zone", `
$ORIGIN Example.ORG.   ; names are case-insensitive
$TTL 60
@          IN  A      192.0.2.1    # both comment styles
           IN  MX     5 mail       ; blank owner: same as previous, relative exchange
mail   IN  120 A      192.0.2.2    ; class before TTL
www        3600 in cname @
sub        NS     ns.other.net.
$TTL 90
late       A      192.0.2.3
`)
	want := []Record{
		{Name: "example.org", TTL: 60, Type: TypeA, Addr: netip.MustParseAddr("192.0.2.1")},
		{Name: "example.org", TTL: 60, Type: TypeMX, Pref: 5, Target: "mail.example.org"},
		{Name: "mail.example.org", TTL: 120, Type: TypeA, Addr: netip.MustParseAddr("192.0.2.2")},
		{Name: "www.example.org", TTL: 3600, Type: TypeCNAME, Target: "example.org"},
		{Name: "sub.example.org", TTL: 60, Type: TypeNS, Target: "ns.other.net"},
		{Name: "late.example.org", TTL: 90, Type: TypeA, Addr: netip.MustParseAddr("192.0.2.3")},
	}
	if z.Origin() != "example.org" || !slices.Equal(z.Records(), want) {
		t.Fatalf("origin %q records\n%v\nwant\n%v", z.Origin(), z.Records(), want)
	}
}

func TestParseZoneWithoutOrigin(t *testing.T) {
	// Without $ORIGIN names are absolute with or without the dot, and the
	// first owner is the apex.
	z := mustZone(t, "plain.zone", "shop.example A 192.0.2.7\nshop.example MX 10 shop.example\n")
	if z.Origin() != "shop.example" || z.Records()[1].Target != "shop.example" {
		t.Fatalf("origin %q records %v", z.Origin(), z.Records())
	}
}

func TestParseZoneErrors(t *testing.T) {
	tests := []struct {
		name, text string
		line       int
		msg        string
	}{
		{"bad TTL", "example.com. A 192.0.2.1\nexample.com. 14x00 IN MX 0 example.com.\n", 2, `bad TTL "14x00"`},
		{"TTL too big", "example.com. 2147483648 IN A 192.0.2.1\n", 1, `bad TTL "2147483648"`},
		{"unknown type", "# header\nexample.com. IN TXT hello\n", 2, `unknown record type "TXT"`},
		{"missing preference", "example.com. IN MX example.com.\n", 1, "MX is missing its preference"},
		{"missing exchange", "example.com. IN MX 10\n", 1, "MX is missing its exchange"},
		{"bad preference", "example.com. IN MX 65536 example.com.\n", 1, `bad MX preference "65536"`},
		{"extra MX field", "example.com. IN MX 1 a.example.com. b\n", 1, `unexpected "b"`},
		{"bad IP", "example.com. A 192.0.2.1\n\nwww.example.com. IN A 69.9.64.300\n", 3, `bad IPv4 address "69.9.64.300"`},
		{"IPv6 in A", "example.com. IN A 2001:db8::1\n", 1, "bad IPv4 address"},
		{"IPv4 in AAAA", "example.com. IN AAAA 192.0.2.1\n", 1, `bad IPv6 address "192.0.2.1"`},
		{"mapped IPv4 in AAAA", "example.com. IN AAAA ::ffff:192.0.2.1\n", 1, "bad IPv6 address"},
		{"AAAA with two addresses", "example.com. IN AAAA 2001:db8::1 2001:db8::2\n", 1, "AAAA needs exactly one IPv6 address"},
		{"missing type", "example.com. 300 IN\n", 1, "missing record type"},
		{"class CH", "example.com. CH A 192.0.2.1\n", 1, "class CH is not supported"},
		{"bad name", "exa..mple.com. IN A 192.0.2.1\n", 1, "empty label"},
		{"bad character", "ex!ample.com. IN A 192.0.2.1\n", 1, "bad character '!'"},
		{"outside zone", "$ORIGIN example.com.\nexample.net. IN A 192.0.2.1\n", 2, "outside the zone example.com"},
		{"duplicate", "example.com. A 192.0.2.1\nexample.com. 60 A 192.0.2.1\n", 2, "duplicate record"},
		{"CNAME and data", "example.com. A 192.0.2.1\nwww.example.com. A 192.0.2.1\nwww.example.com. CNAME example.com.\n", 3, "CNAME must stand alone"},
		{"null MX not alone", "example.com. MX 0 .\nexample.com. MX 10 example.com.\n", 2, "null MX must be the only one"},
		{"null MX preference", "example.com. MX 10 .\n", 1, "must have preference 0"},
		{"at without origin", "@ A 192.0.2.1\n", 1, `"@" used before any $ORIGIN`},
		{"blank owner first", "  A 192.0.2.1\n", 1, "no earlier record"},
		{"relative origin", "$ORIGIN example.com\n", 1, "absolute domain name"},
		{"unknown directive", "$INCLUDE other.zone\n", 1, "unsupported directive $INCLUDE"},
		{"bad $TTL", "$TTL 1h\n", 1, `bad TTL "1h"`},
		{"two TTLs", "example.com. 1 2 A 192.0.2.1\n", 1, "two TTLs"},
		{"root CNAME target", "example.com. CNAME .\n", 1, "root is not a host name"},
		{"long line", "example.com. A 192.0.2.1\n" + strings.Repeat("x", maxLineBytes+1) + "\n", 2, "line longer than"},
		{"empty", "; nothing here\n", 0, "no records"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseZone("bad.zone", strings.NewReader(tc.text))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a *ParseError", err)
			}
			if pe.File != "bad.zone" || pe.Line != tc.line || !strings.Contains(pe.Msg, tc.msg) {
				t.Fatalf("got %q, want line %d and %q", err, tc.line, tc.msg)
			}
			if tc.line > 0 && !strings.HasPrefix(err.Error(), "bad.zone:") {
				t.Fatalf("error %q does not start with the file and line", err)
			}
		})
	}
}

func TestZoneStringRoundTrip(t *testing.T) {
	for _, z := range []*Zone{mustLecture(t), mustZone(t, "test.zone", testZone)} {
		again, err := ParseZone("again.zone", strings.NewReader(z.String()))
		if err != nil {
			t.Fatalf("%s: re-parse: %v\n%s", z.File(), err, z)
		}
		if again.Origin() != z.Origin() || !slices.Equal(again.Records(), z.Records()) {
			t.Fatalf("%s: round trip changed the zone:\n%s\n%s", z.File(), z, again)
		}
	}
}
