package browsertest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeFile is axe-core's script as `.ci/run` installs it: npm's package at
// the module's root, never committed.
const axeFile = "node_modules/axe-core/axe.min.js"

// AxeOrSkip reads axe-core, or skips the test when it is not installed,
// except in CI (CI=true or MAILSIM_BROWSER=required), where a missing
// checker would turn the accessibility tests into a silent pass.
func AxeOrSkip(t *testing.T) string {
	t.Helper()
	path := filepath.Join(moduleRoot(t), axeFile)
	src, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") == "true" || os.Getenv("MAILSIM_BROWSER") == "required" {
			t.Fatalf("axe-core is missing (%v): install it with npm as .ci/run does", err)
		}
		t.Skipf("no axe-core at %s: npm install --no-save --prefix . axe-core", path)
	}
	return string(src)
}

// Violation is one rule axe-core finds broken, with where.
type Violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
	Count  int      `json:"count"`
}

// axeRunJS runs every rule axe-core has on the whole page and keeps the
// violations, each with the first few elements it names.
const axeRunJS = `axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(r.violations.map(v => ({
	id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
	nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' ' + n.failureSummary.replace(/\s+/g, ' ').slice(0, 160)),
}))))`

// Axe runs axe-core (src, from AxeOrSkip) on the page the tab shows.
func (tb *Tab) Axe(src string) []Violation {
	tb.T.Helper()
	if _, err := chromedp.Run(tb.Ctx, chromedp.Evaluate[bool](src+"\n;typeof axe === 'object'")); err != nil {
		tb.T.Fatalf("loading axe-core: %v", err)
	}
	js, err := chromedp.Run(tb.Ctx, chromedp.Evaluate[string](axeRunJS, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.T.Fatalf("running axe-core: %v", err)
	}
	var v []Violation
	if err := json.Unmarshal([]byte(js), &v); err != nil {
		tb.T.Fatalf("reading axe-core's results: %v", err)
	}
	return v
}
