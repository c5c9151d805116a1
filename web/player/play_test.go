package player

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"mailsim/lang"
	"mailsim/scenarios"
	"mailsim/sim"
	"mailsim/web/webtest"
)

func TestPlayerRendersTopology(t *testing.T) {
	h := serve(webtest.Shipped(t), nil)
	spec := twoSystems(t)
	for _, l := range lang.All {
		body := webtest.Get(t, h, "GET", "/play/two-systems?lang="+string(l)).Body.String()
		for _, host := range spec.Hosts {
			for _, want := range []string{webtest.Escape(host.Label.In(l)), host.Name, `data-host="` + host.ID + `"`} {
				if !strings.Contains(body, want) {
					t.Errorf("%s: topology lacks %q", l, want)
				}
			}
			for _, a := range host.Agents {
				want := fmt.Sprintf(`data-agent="%s" data-label="%s"`, a.ID, webtest.Escape(a.Label.In(l)))
				if !strings.Contains(body, want) {
					t.Errorf("%s: topology lacks the chip %s", l, want)
				}
			}
		}
		if want := tr(l, "link.wan") + " · 40 ms"; !strings.Contains(body, want) {
			t.Errorf("%s: link label %q missing", l, want)
		}
		if !strings.Contains(body, `data-agent="dns"`) {
			t.Errorf("%s: a scenario with zones draws no DNS chip", l)
		}
	}
}

var eventItem = regexp.MustCompile(`data-testid="event" data-seq="(\d+)"`)

// renderedSteps returns the sequence numbers of the transcript items in body.
func renderedSteps(body string) []int {
	var seqs []int
	for _, m := range eventItem.FindAllStringSubmatch(body, -1) {
		n, _ := strconv.Atoi(m[1])
		seqs = append(seqs, n)
	}
	return seqs
}

func TestPlayerStepParameter(t *testing.T) {
	h := serve(webtest.Shipped(t), nil)
	trace, err := sim.Run(twoSystems(t), sim.EventLimit)
	if err != nil {
		t.Fatal(err)
	}
	total := len(trace)
	for _, c := range []struct {
		step string
		want int
	}{
		{"", 0}, {"3", 3}, {"0", 0}, {"-5", 0}, {"abc", 0}, {"3.5", 0},
		{strconv.Itoa(total), total}, {"100000", total}, {"99999999999999999999999", total},
	} {
		w := webtest.Get(t, h, "GET", "/play/two-systems?step="+c.step)
		if w.Code != http.StatusOK {
			t.Fatalf("step=%q: status %d", c.step, w.Code)
		}
		body := w.Body.String()
		seqs := renderedSteps(body)
		if len(seqs) != c.want {
			t.Errorf("step=%q: %d events rendered, want %d", c.step, len(seqs), c.want)
		}
		for i, s := range seqs {
			if s != i {
				t.Errorf("step=%q: item %d has seq %d", c.step, i, s)
			}
		}
		counter := fmt.Sprintf(`<b data-testid="step">%d</b> / <b data-testid="total">%d</b>`, c.want, total)
		if !strings.Contains(body, counter) {
			t.Errorf("step=%q: counter is not %d / %d", c.step, c.want, total)
		}
	}
}

func TestPlayerTranscriptAtTheEnd(t *testing.T) {
	h := serve(webtest.Shipped(t), nil)
	body := webtest.Get(t, h, "GET", "/play/two-systems?step=1000&lang=ro").Body.String()
	var codes []string
	for _, m := range regexp.MustCompile(`<span class="code (c\d)">(\d{3})[ -]</span>`).FindAllStringSubmatch(body, -1) {
		if m[1] != "c"+m[2][:1] {
			t.Errorf("code %s coloured as %s", m[2], m[1])
		}
		codes = append(codes, m[2])
	}
	if got := strings.Join(slicesCompact(codes), " "); got != "220 250 354 250 221" {
		t.Errorf("reply codes in order: %q", got)
	}
	for _, want := range []string{
		`<span class="side">C:</span> <span class="who">Client MTA @ sysa → Server MTA @ sysb</span>`,
		`<div class="wl">MAIL FROM:&lt;alice@example.org&gt;`,
		webtest.Escape(explain(lang.RO, "smtp.reply.354")),
		`class="ev kind-store dir-local narration"`,
		`class="state lit" data-state="Closed"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("transcript lacks %q", want)
		}
	}
	bob := body[strings.Index(body, `data-address="bob@example.net"`):]
	if !strings.Contains(bob, `data-testid="message"`) || !strings.Contains(bob, "Salut de pe sistemul A") {
		t.Errorf("Bob's mailbox does not hold the message")
	}
	if strings.Count(webtest.Get(t, h, "GET", "/play/two-systems?step=0").Body.String(), `data-testid="message"`) != 0 {
		t.Errorf("a mailbox holds mail before anything happened")
	}
}

// slicesCompact drops repeats of the same code in a row: the lines of one
// multi-line reply.
func slicesCompact(codes []string) []string {
	var out []string
	for i, c := range codes {
		if i == 0 || c != codes[i-1] {
			out = append(out, c)
		}
	}
	return out
}

// hostile is a scenario whose every text is markup, to check it stays text.
const hostile = `scenario hostile order=9
title ro="<script>alert(1)</script>" en="<script>alert(1)</script>"
about ro="<b>x</b>" en="<b>x</b>"
host a name=a.example.org ro="<i>A</i>" en="<i>A</i>"
agent a.ua host=a kind=ua ro="<img src=x onerror=alert(1)>" en="<img src=x onerror=alert(1)>"
user ann@a.example.org name=Ann host=a ua=a.ua password=p
`

func TestPlayerEscapesScenarioText(t *testing.T) {
	spec, err := scenarios.Parse("hostile.scn", strings.NewReader(hostile))
	if err != nil {
		t.Fatal(err)
	}
	h := serve(webtest.Specs{spec}, nil)
	body := webtest.Get(t, h, "GET", "/play/hostile").Body.String()
	for _, bad := range []string{"<script>alert", "<img src=x", "<b>x</b>", "<i>A</i>"} {
		if strings.Contains(body, bad) {
			t.Errorf("scenario text %q became markup", bad)
		}
	}
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the title is not shown as text")
	}
}

func TestPlayerLangLinksKeepTheStep(t *testing.T) {
	body := webtest.Get(t, serve(webtest.Shipped(t), nil), "GET", "/play/two-systems?step=4").Body.String()
	for _, want := range []string{`href="/play/two-systems?lang=ro&amp;step=4"`, `href="/play/two-systems?lang=en&amp;step=4"`} {
		if !strings.Contains(body, want) {
			t.Errorf("language switch lacks %s", want)
		}
	}
}

func TestPlayerReportsAScenarioTheWorldRefuses(t *testing.T) {
	broken := &sim.Spec{Name: "broken", Users: []sim.User{{Address: "x@nowhere.example", Host: "nowhere", UA: "nowhere.ua"}}}
	h := serve(webtest.Specs{broken}, nil)
	for _, l := range lang.All {
		w := webtest.Get(t, h, "GET", "/play/broken?lang="+string(l))
		if w.Code != http.StatusInternalServerError || !strings.Contains(w.Body.String(), tr(l, "error.internal.text")) {
			t.Errorf("%s: status %d, want a 500 page in the chosen language", l, w.Code)
		}
	}
}
