package dns

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// testZone is a richer zone than the lecture's, with every situation the
// resolver distinguishes.
const testZone = `$ORIGIN test.example.
$TTL 300
@          IN NS    ns1
@          IN MX    10 mx-b
@          IN MX    10 mx-a
@          IN MX    20 nowhere
ns1        IN A     10.0.0.53
ns1        IN AAAA  2001:db8::53
mx-a       IN A     10.0.0.1
mx-b       IN A     10.0.0.2
           IN A     10.0.0.3   ; a second address for mx-b
web        IN A     10.0.0.80
www        IN CNAME web
alias      IN CNAME www
nomail     IN MX    0 .
dead       IN MX    10 nowhere
dead       IN MX    20 ghost.test.example.
loop1      IN CNAME loop2
loop2      IN CNAME loop1
a.deep     IN A     10.0.0.9
`

func mustZone(t testing.TB, name, text string) *Zone {
	t.Helper()
	z, err := ParseZone(name, strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return z
}

// mustLecture is the zone of the lecture's Mail Exchanger slide.
func mustLecture(t testing.TB) *Zone {
	t.Helper()
	for _, z := range mustZones(t) {
		if z.Origin() == "example.com" {
			return z
		}
	}
	t.Fatal("no shipped zone example.com")
	return nil
}

func mustZones(t testing.TB) []*Zone {
	t.Helper()
	zones, err := Zones()
	if err != nil {
		t.Fatal(err)
	}
	return zones
}

// testResolver knows the lecture's zone and testZone.
func testResolver(t testing.TB) *Resolver {
	t.Helper()
	r, err := NewResolver(mustLecture(t), mustZone(t, "test.zone", testZone))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// golden compares got with testdata/NAME.golden, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}
