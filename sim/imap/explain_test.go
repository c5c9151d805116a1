package imap

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// producibleKeys returns every explanation key the package can produce:
// the "imap.…" string literals of its non-test code outside the catalog
// itself, plus the keys derived from commands and states.
func producibleKeys(t *testing.T) map[string]bool {
	t.Helper()
	keys := map[string]bool{}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "explain.go" {
			continue
		}
		f, err := goparser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, err := strconv.Unquote(lit.Value)
				// "imap.state." and "imap.cmd." are prefixes, completed below.
				if err == nil && strings.HasPrefix(s, "imap.") && !strings.HasSuffix(s, ".") {
					keys[s] = true
				}
			}
			return true
		})
	}
	for verb := range handlers {
		keys["imap.cmd."+verb] = true
	}
	for _, s := range States {
		keys[s.Key()] = true
	}
	for _, s := range ClientStates {
		keys[s.Key()] = true
	}
	return keys
}

func TestExplanationsComplete(t *testing.T) {
	if missing := Explanations.Missing(); len(missing) > 0 {
		t.Errorf("keys lacking a language: %v", missing)
	}
	keys := producibleKeys(t)
	if len(keys) < 100 {
		t.Fatalf("found only %d producible keys; the scan is broken", len(keys))
	}
	for k := range keys {
		if _, ok := Explanations[k]; !ok {
			t.Errorf("producible key %q has no explanation", k)
		}
	}
	for k, text := range Explanations {
		if !keys[k] {
			t.Errorf("explanation %q is for a key the package never produces", k)
		}
		if text.RO == text.EN {
			t.Errorf("%s: Romanian text is the English one", k)
		}
		// Romanian uses ș and ț with a comma below, not the cedilla forms.
		if strings.ContainsAny(text.RO, "şţŞŢ") {
			t.Errorf("%s: Romanian text uses a cedilla letter: %q", k, text.RO)
		}
	}
}

func TestStateNames(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range States {
		seen[s.String()] = true
	}
	for _, s := range ClientStates {
		if seen[s.String()] {
			t.Errorf("client state %s shares its name, and so its explanation, with a server state", s)
		}
		seen[s.String()] = true
	}
	if seen["Invalid"] || len(seen) != len(States)+len(ClientStates) {
		t.Errorf("state names not distinct: %v", seen)
	}
	if State(99).String() != "Invalid" || ClientState(99).String() != "Invalid" {
		t.Error("an out-of-range state has a real name")
	}
}
