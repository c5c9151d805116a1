package learn

import (
	"strings"
	"testing"

	"mailsim/lang"
	"mailsim/sim/mime"
	"mailsim/web/static"
	"mailsim/web/webtest"
)

// TestBase64WidgetWithoutScript: the fixture's Base64 widget is the lab's
// tracer on its input, with its stylesheet, and above it the result as a sentence, worked out
// by sim/mime, for a reader without the script or on paper; sent without
// the script, its form opens the lab.
func TestBase64WidgetWithoutScript(t *testing.T) {
	h := webtest.Mux(routes(t, fixture(t)))
	for _, l := range []lang.Lang{lang.RO, lang.EN} {
		page := webtest.Get(t, h, "GET", "/lessons/tour?lang="+string(l)).Body.String()
		sentence := strings.NewReplacer("{in}", "Man", "{out}", mime.TraceEncode([]byte("Man")).Output).Replace(tr(l, "lessons.base64.encode"))
		for _, want := range []string{
			`<p class="widget-answer"><code>` + webtest.Escape(sentence) + `</code></p>`,
			`data-tracer="base64"`, `>Man</textarea>`, static.URL("tracer.css"), `action="/lab"`, `href="/lab?lang=` + string(l) + `&amp;text=Man"`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: the lesson page lacks %s", l, want)
			}
		}
	}
}
