package words

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"mailsim/lang"
	"mailsim/scenarios"
	"mailsim/sim/mime"
)

// romanianTexts gathers every Romanian sentence the app can show, by where it
// comes from: the UI and explanation catalogs, the MIME package's sentences
// and tables, and the built-in scenarios' titles, descriptions and labels.
func romanianTexts(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	add := func(where string, tx lang.Text) { out[where] = tx.RO }
	for _, c := range []struct {
		name string
		cat  lang.Catalog
	}{{"ui", ui}, {"explanations", explanations}, {"mime", mime.Catalog}} {
		for k, tx := range c.cat {
			add(c.name+" "+k, tx)
		}
	}
	for _, m := range mime.MediaTypes {
		add("mime type "+m.Type+"/"+m.Subtype, m.About)
	}
	for _, e := range mime.TransferEncodings {
		add("transfer encoding "+e.Name, e.About)
	}
	lib, errs := scenarios.Load("")
	if len(errs) > 0 {
		t.Fatalf("built-in scenarios: %v", errs)
	}
	for _, s := range lib.List() {
		add("scenario "+s.Name+" title", s.Title)
		add("scenario "+s.Name+" about", s.About)
		for _, h := range s.Hosts {
			add(fmt.Sprintf("scenario %s host %s", s.Name, h.ID), h.Label)
			for _, a := range h.Agents {
				add(fmt.Sprintf("scenario %s agent %s", s.Name, a.ID), a.Label)
			}
		}
	}
	// The lessons' Romanian text, a file each, as the repository holds it.
	files, err := filepath.Glob(filepath.Join("..", "..", "lessons", "ro", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Romanian lessons found: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out["lesson "+filepath.Base(f)] = string(b)
	}
	return out
}

// TestRomanianFollowsTheGlossary holds every Romanian text to one word per
// concept and one form of address, the informal "tu" (lang/glossary.txt).
func TestRomanianFollowsTheGlossary(t *testing.T) {
	texts := romanianTexts(t)
	where := make([]string, 0, len(texts))
	for w := range texts {
		where = append(where, w)
	}
	slices.Sort(where)
	for _, w := range where {
		for _, p := range lang.Terms.Check(texts[w]) {
			t.Errorf("%s: %s\n\t%s", w, p, texts[w])
		}
	}
	if len(texts) < 500 {
		t.Fatalf("only %d Romanian texts were found: the gathering is broken", len(texts))
	}
}
