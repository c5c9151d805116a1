package pop3

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"mailsim/sim/internal/prototest"
)

// producibleKeys returns every explanation key the package can produce:
// the "pop3.…" string literals of its non-test code outside the catalog
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
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				// "pop3.cmd." is a prefix, completed below.
				if s, err := strconv.Unquote(lit.Value); err == nil && strings.HasPrefix(s, "pop3.") && !strings.HasSuffix(s, ".") {
					keys[s] = true
				}
			}
			return true
		})
	}
	for _, c := range commands {
		keys["pop3.cmd."+c] = true
	}
	for _, s := range States {
		keys["pop3.state."+s.String()] = true
	}
	for _, s := range ClientStates {
		keys["pop3.state."+s.String()] = true
	}
	return keys
}

func TestExplanationsComplete(t *testing.T) {
	prototest.CheckCatalog(t, Explanations, producibleKeys(t), 60)
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
