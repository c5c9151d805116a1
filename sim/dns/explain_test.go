package dns

import (
	"maps"
	"slices"
	"testing"
)

func TestExplanationsComplete(t *testing.T) {
	if missing := Explanations.Missing(); len(missing) > 0 {
		t.Fatalf("keys lacking a language: %v", missing)
	}
}

// TestExplanationsCoverKeys drives every path that produces a key and
// checks both directions: each produced key has a text, and each text is
// produced by something, so the catalog holds no dead entries.
func TestExplanationsCoverKeys(t *testing.T) {
	produced := map[string]bool{}
	add := func(key string) {
		if key != "" {
			produced[key] = true
		}
	}
	r := testResolver(t)
	r.Trace = func(q Query, a Answer) { add(q.Key()); add(a.Key) }

	names := []string{"example.com", "www1.example.com", "nosuch.example.com", "test.example", "www.test.example",
		"alias.test.example", "ns1.test.example", "nomail.test.example", "dead.test.example", "loop1.test.example", "deep.test.example", "a..b"}
	for _, name := range names {
		for _, typ := range []Type{TypeA, TypeAAAA, TypeMX, TypeNS, TypeCNAME, TypeANY, "TXT"} {
			r.Resolve(Query{Name: name, Type: typ})
		}
		hosts, err := r.MailHosts(name)
		for _, h := range hosts {
			add(h.Key)
		}
		if le, ok := err.(*LookupError); ok {
			add(le.Key())
		}
	}
	for _, z := range append(mustZones(t), mustZone(t, "test.zone", testZone)) {
		for _, row := range z.Table().Rows {
			add(row.Key)
		}
	}
	c := NewConsole(r, "10.0.0.53")
	for _, line := range []string{"nslookup", "help", "?", "set all", "set type=MX", "set type=TXT", "set debug", "server ns1.test.example",
		"server nosuch.example", "example.com nosuch.example", "a..b", "one two three", "example.com", "exit"} {
		add(c.Do(line).Key)
	}

	for key := range produced {
		if _, ok := Explanations[key]; !ok {
			t.Errorf("produced key %q has no explanation", key)
		}
	}
	for key := range Explanations {
		if !produced[key] {
			t.Errorf("explanation %q is never produced", key)
		}
	}
	if t.Failed() {
		t.Logf("produced: %v", slices.Sorted(maps.Keys(produced)))
	}
}
