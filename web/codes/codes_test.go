package codes

import (
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/sim/live"
	"mailsim/web/errata"
	"mailsim/web/webtest"
)

// lectureCodes are the codes of the lecture's reply table, in its order,
// with 252 and 555, which RFC 5321 adds: what /codes must list.
var lectureCodes = []int{211, 214, 220, 221, 250, 251, 252, 354, 421, 450, 451, 452,
	500, 501, 502, 503, 504, 550, 551, 552, 553, 554, 555}

// shownCode is one card of /codes as the page renders it.
type shownCode struct {
	code     int
	scenario string
	step     int
	recipe   []recipeLine
}

var (
	cardRE   = regexp.MustCompile(`(?s)<article class="code-card"[^>]*data-code="(\d+)">(.*?)</article>`)
	stepRE   = regexp.MustCompile(`data-scenario="([^"]*)" data-step="(\d+)"`)
	recipeRE = regexp.MustCompile(`<li data-line="([^"]*)" data-times="(\d+)">`)
)

// readCodes reads the cards of a /codes page.
func readCodes(t *testing.T, body string) []shownCode {
	t.Helper()
	var cards []shownCode
	for _, m := range cardRE.FindAllStringSubmatch(body, -1) {
		var c shownCode
		c.code, _ = strconv.Atoi(m[1])
		if s := stepRE.FindStringSubmatch(m[2]); s != nil {
			c.scenario = html.UnescapeString(s[1])
			c.step, _ = strconv.Atoi(s[2])
		}
		for _, r := range recipeRE.FindAllStringSubmatch(m[2], -1) {
			times, _ := strconv.Atoi(r[2])
			c.recipe = append(c.recipe, recipeLine{Line: html.UnescapeString(r[1]), Times: times})
		}
		cards = append(cards, c)
	}
	return cards
}

// TestCodesProducedWhereThePageSays reads /codes as a student sees it,
// requires a scenario step or a console recipe for every code of the
// lecture, and checks every source it names: the scenario's trace at the
// linked step ends with an SMTP reply of that code, and the recipe typed
// into the console's SMTP session (the live lab's machine and backend)
// gets it in answer to its last line.
func TestCodesProducedWhereThePageSays(t *testing.T) {
	l := webtest.StartLab(t, "")
	lib := webtest.Shipped(t)
	body := webtest.Get(t, serve(lib, l), "GET", "/codes?lang=en").Body.String()
	cards := readCodes(t, body)
	var listed []int
	for _, c := range cards {
		listed = append(listed, c.code)
	}
	if !slices.Equal(listed, lectureCodes) {
		t.Fatalf("/codes lists %v, want %v", listed, lectureCodes)
	}
	for _, c := range cards {
		t.Run(strconv.Itoa(c.code), func(t *testing.T) {
			if c.scenario == "" && len(c.recipe) == 0 {
				t.Fatalf("the page names no scenario step or console recipe that produces %d", c.code)
			}
			if c.scenario != "" {
				if got := replyAtStep(t, lib, c.scenario, c.step); got != c.code {
					t.Errorf("/play/%s?step=%d ends with reply %d, not %d", c.scenario, c.step, got, c.code)
				}
			}
			if len(c.recipe) > 0 {
				if got := recipeCodes(t, l, c.recipe); !slices.Contains(got, c.code) {
					t.Errorf("the recipe %v answers its last line with %v, not %d", c.recipe, got, c.code)
				}
			}
		})
	}
}

// replyAtStep runs a scenario and returns the SMTP reply code of the last
// event shown at step (0 when it is not an SMTP reply).
func replyAtStep(t *testing.T, lib sim.Library, name string, step int) int {
	t.Helper()
	spec, ok := lib.Get(name)
	if !ok {
		t.Fatalf("no scenario %q", name)
	}
	w, err := sim.Replay(spec, step)
	if err != nil {
		t.Fatal(err)
	}
	trace := w.Trace()
	if step < 1 || len(trace) != step {
		t.Fatalf("%s has %d events at step %d", name, len(trace), step)
	}
	if e := trace[step-1]; e.Kind == sim.KindReply && e.Proto == "smtp" {
		return e.Code
	}
	return 0
}

// recipeCodes types a recipe into a new console SMTP session and returns
// the reply codes of its last line.
func recipeCodes(t *testing.T, l *live.Lab, recipe []recipeLine) []int {
	t.Helper()
	s, err := l.Console("smtp")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Greet()
	var last live.Exchange
	for _, r := range recipe {
		for range max(r.Times, 1) {
			last = s.Feed(r.Line)
		}
	}
	var codes []int
	for _, rep := range last.Replies {
		codes = append(codes, rep.Code)
	}
	return codes
}

// TestLectureNotes: /codes#lecture holds every difference in the reader's
// language, and both pages run the lecture's APOP example: only
// cfugDemo123 gives the lecture's digest.
func TestLectureNotes(t *testing.T) {
	h := serve(webtest.Shipped(t), nil)
	apopRows := regexp.MustCompile(`<tr data-secret="([^"]*)" data-matches="(true|false)">`)
	for _, l := range lang.All {
		codes := webtest.Get(t, h, "GET", "/codes?lang="+string(l)).Body.String()
		digest := webtest.Get(t, h, "GET", "/lab/digest?lang="+string(l)).Body.String()
		for page, body := range map[string]string{"/codes": codes, "/lab/digest": digest, "/console/nslookup": webtest.Get(t, h, "GET", "/console/nslookup?lang="+string(l)).Body.String()} {
			if m := webtest.MissingKey.FindString(body); m != "" {
				t.Errorf("%s?lang=%s shows the missing key %s", page, l, m)
			}
		}
		for _, d := range errata.Diffs() {
			if !strings.Contains(codes, `id="lecture-`+d.ID+`"`) || !strings.Contains(codes, html.EscapeString(tr(l, "lecture."+d.ID+".title"))) {
				t.Errorf("/codes?lang=%s lacks the note %s", l, d.ID)
			}
			// A note's words beside the RFC quote and the sources are
			// in the reader's language.
			for _, k := range []string{d.SourceNote, d.RightNote} {
				if k != "" && !strings.Contains(codes, html.EscapeString(tr(l, k))) {
					t.Errorf("/codes?lang=%s: note %s does not show %s", l, d.ID, k)
				}
			}
		}
		if !strings.Contains(codes, `id="enhanced"`) || !strings.Contains(codes, html.EscapeString(tr(l, "codes.enhanced.e571"))) {
			t.Errorf("/codes?lang=%s lacks the enhanced status codes", l)
		}
		for page, body := range map[string]string{"/codes": codes, "/lab/digest": digest} {
			var rows []string
			for _, m := range apopRows.FindAllStringSubmatch(body, -1) {
				rows = append(rows, m[1]+"="+m[2])
			}
			if want := []string{"mypass=false", "cfugDemo123=true"}; !slices.Equal(rows, want) {
				t.Errorf("%s?lang=%s: APOP rows %v, want %v", page, l, rows, want)
			}
			for _, digest := range []string{"8e9d444b745865664673eac2f4c2a09d", "786b5c12203b391c9a903b515ce65a12"} {
				if !strings.Contains(body, digest) {
					t.Errorf("%s?lang=%s does not show %s", page, l, digest)
				}
			}
		}
		if !strings.Contains(digest, html.EscapeString(tr(l, "lecture.apop.why"))) {
			t.Errorf("/lab/digest?lang=%s does not explain the lecture's APOP password", l)
		}
	}
}

// TestRecipeWords: recipes follow the lab's accounts, and one naming an
// account the lab lacks is left out rather than shown wrong.
func TestRecipeWords(t *testing.T) {
	words := recipeWords([]live.Account{{Address: "ana@lab.test"}, {Address: "grupa@lab.test", Members: []string{"ana@lab.test"}}}, "lab.test")
	if got := inWords(once("MAIL FROM:<{user}>", "RCPT TO:<{nobody}>", "VRFY {list}"), words); !slices.Equal(got,
		once("MAIL FROM:<ana@lab.test>", "RCPT TO:<nobody@lab.test>", "VRFY grupa@lab.test")) {
		t.Errorf("in the lab's words: %v", got)
	}
	if got := inWords(once("VRFY {list}"), recipeWords([]live.Account{{Address: "ana@lab.test"}}, "lab.test")); got != nil {
		t.Errorf("without a list: %v", got)
	}
}
