package arch

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// root is the module's directory, seen from this package's.
const root = "../.."

// rules lists, for each package, the mailsim packages its code must not
// import directly, a trailing "/..." covering the packages below. The
// protocol packages are machines and data that the world, the live lab and
// the web use, never the other way round; the world draws nothing. The
// leaves import nothing of mailsim, so that everything can import them.
var rules = map[string][]string{
	"sim/smtp":    {"sim", "web/...", "sim/live/..."},
	"sim/pop3":    {"sim", "web/...", "sim/live/..."},
	"sim/imap":    {"sim", "web/...", "sim/live/..."},
	"sim/dns":     {"sim", "web/...", "sim/live/..."},
	"sim/mime":    {"sim", "web/...", "sim/live/..."},
	"lang":        {"sim", "web/...", "sim/live/..."},
	"sim/machine": {"..."}, // the leaf every machine shares
	"sim/store":   {"..."}, // the one mail store, which the world, the lab and the IMAP server share
	"sim":         {"web/..."},
	"lessons":     {"web/..."}, // lessons are checked and rendered without the web; web/learn draws their widgets
	"class":       {"..."},     // a classroom's rules import nothing of mailsim: the web, a load test and the NATS bridge drive them

	// The web: web assembles the sections; each section imports the shared
	// view, words and socket loop, and another section only where it links
	// to it (the player's address) or reads it (the codes page reads the
	// player's runs). The shared packages import no section, and no
	// section imports the test helpers.
	"web/static":      {"..."},
	"web/socket":      {"..."},
	"web/words":       {"web/..."},
	"web/view":        {"web", "web/learn", "web/classroom", "web/player", "web/mimelab", "web/console", "web/livelab", "web/codes", "web/outbox", "web/errata", "web/socket", testOnly[0], testOnly[1]},
	"web/outbox":      {"web", "web/learn", "web/classroom", "web/view", "web/player", "web/mimelab", "web/console", "web/livelab", "web/codes", "web/errata", "web/socket", testOnly[0], testOnly[1]},
	"web/errata":      {"web", "web/learn", "web/classroom", "web/view", "web/player", "web/mimelab", "web/console", "web/livelab", "web/codes", "web/outbox", "web/socket", testOnly[0], testOnly[1]},
	"web/player":      {"web", "web/learn", "web/classroom", "web/mimelab", "web/console", "web/livelab", "web/codes", testOnly[0], testOnly[1]},
	"web/mimelab":     {"web", "web/learn", "web/classroom", "web/console", "web/livelab", "web/codes", testOnly[0], testOnly[1]},
	"web/console":     {"web", "web/learn", "web/classroom", "web/player", "web/mimelab", "web/livelab", "web/codes", testOnly[0], testOnly[1]},
	"web/livelab":     {"web", "web/learn", "web/classroom", "web/player", "web/mimelab", "web/console", "web/codes", testOnly[0], testOnly[1]},
	"web/codes":       {"web", "web/learn", "web/classroom", "web/mimelab", "web/console", "web/livelab", testOnly[0], testOnly[1]},
	"web/learn":       {"web", "web/console", "web/livelab", "web/codes", "web/classroom", testOnly[0], testOnly[1]},            // it embeds the player and the lab's tracer
	"web/classroom":   {"web", "web/learn", "web/mimelab", "web/console", "web/livelab", "web/codes", testOnly[0], testOnly[1]}, // it asks the player's questions
	"web":             {testOnly[0], testOnly[1]},
	"web/webtest":     {"web", "web/learn", "web/player", "web/mimelab", "web/console", "web/livelab", "web/codes"},
	"web/browsertest": {"..."},
}

// testOnly are the packages only tests may import.
var testOnly = []string{"web/webtest", "web/browsertest"}

// imports returns the mailsim packages that the non-test files of the
// package in dir import, relative to the module ("sim/smtp").
func imports(t *testing.T, dir string) map[string]bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(root, dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	n := 0
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		n++
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, spec := range f.Imports {
			path, _ := strconv.Unquote(spec.Path.Value)
			if rel, ok := strings.CutPrefix(path, "mailsim/"); ok {
				out[rel] = true
			}
		}
	}
	if n == 0 {
		t.Fatalf("%s has no Go files: the rule checks nothing", dir)
	}
	return out
}

// forbidden reports whether pkg matches a rule's pattern.
func forbidden(pattern, pkg string) bool {
	if pattern == "..." {
		return true
	}
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return pkg == base || strings.HasPrefix(pkg, base+"/")
	}
	return pkg == pattern
}

func TestImports(t *testing.T) {
	for dir, banned := range rules {
		for pkg := range imports(t, dir) {
			for _, pattern := range banned {
				if forbidden(pattern, pkg) {
					t.Errorf("mailsim/%s imports mailsim/%s, which it must not (rule %q)", dir, pkg, pattern)
				}
			}
		}
	}
}

// TestEveryWebPackageHasARule: a new section under web/ gets its rule
// when it is made, not when it first imports the wrong thing.
func TestEveryWebPackageHasARule(t *testing.T) {
	err := filepath.WalkDir(filepath.Join(root, "web"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if goFiles, _ := filepath.Glob(filepath.Join(p, "*.go")); len(goFiles) == 0 {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		if _, ok := rules[filepath.ToSlash(rel)]; !ok {
			t.Errorf("%s has no import rule", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestRulesBite checks the checker on this module's own layering: the web
// does import the world, so a rule against it would fire.
func TestRulesBite(t *testing.T) {
	if !imports(t, "web")["sim"] || !forbidden("sim/live/...", "sim/live") || forbidden("sim", "sim/smtp") {
		t.Fatal("the import checker does not see what it should")
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatal(err)
	}
}
