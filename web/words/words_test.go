package words

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/sim/dns"
	"mailsim/sim/pop3"
	"mailsim/sim/smtp"
	"mailsim/web/webtest"
)

func TestUICatalogHasBothLanguages(t *testing.T) {
	if missing := ui.Missing(); len(missing) > 0 {
		t.Errorf("UI keys lacking a language: %v", missing)
	}
}

// trCall finds the keys templates and handlers ask tr for by name.
var trCall = regexp.MustCompile(`\btr\([^,()]+, "([^"]+)"\)`)

func TestEveryKeyTheCodeUsesExists(t *testing.T) {
	// Every section of web/ looks its words up here.
	var files []string
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".templ") ||
			strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") && !strings.HasSuffix(p, "_templ.go")) {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	used := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range trCall.FindAllStringSubmatch(string(src), -1) {
			used++
			if _, ok := ui[m[1]]; !ok {
				t.Errorf("%s asks for UI key %q, which the catalog lacks", f, m[1])
			}
		}
	}
	if used < 20 {
		t.Errorf("found only %d tr calls: the pattern no longer matches the code", used)
	}
	// Keys built from values rather than written out.
	for _, k := range []sim.LinkKind{sim.LinkLocal, sim.LinkLAN, sim.LinkWAN} {
		if _, ok := ui["link."+string(k)]; !ok {
			t.Errorf("no UI text for link kind %q", k)
		}
	}
	for _, l := range lang.All {
		if _, ok := ui["lang."+string(l)]; !ok {
			t.Errorf("no UI text naming language %q", l)
		}
	}
}

func TestExplanationCatalogsHaveBothLanguages(t *testing.T) {
	catalogs := map[string]lang.Catalog{
		"sim": sim.Explanations, "dns": dns.Explanations, "smtp": smtp.Explanations, "pop3": pop3.Explanations,
	}
	for name, c := range catalogs {
		if missing := c.Missing(); len(missing) > 0 {
			t.Errorf("%s.Explanations: keys lacking a language: %v", name, missing)
		}
	}
	for name, c := range catalogs {
		for key, text := range c {
			if explanations[key] != text {
				t.Errorf("%s.Explanations[%q] differs from another catalog's text for the same key", name, key)
			}
		}
	}
}

func TestEveryShippedEventIsExplained(t *testing.T) {
	for _, spec := range webtest.Shipped(t).List() {
		trace, err := sim.Run(spec, sim.EventLimit)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range trace {
			if !explanations[e.Key].Complete() {
				t.Errorf("%s: event %d (%s) has key %q, which no catalog explains in both languages", spec.Name, e.Seq, e.Kind, e.Key)
			}
		}
	}
	for _, s := range smtp.States {
		if !explanations[s.Key()].Complete() {
			t.Errorf("the state diagram's %s has no explanation", s)
		}
	}
}
