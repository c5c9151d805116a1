package mimelab

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	smime "mailsim/sim/mime"
	"mailsim/web/browsertest"
	"mailsim/web/webtest"
)

// TestBrowserBase64TracerPages traces the largest input the lab takes,
// whose groups come from the server a page at a time, and steps to groups
// on pages the first answer did not carry: the last one, and one that is
// reached going back.
func TestBrowserBase64TracerPages(t *testing.T) {
	srv := httptest.NewServer(serve(webtest.Shipped(t)))
	defer srv.Close()
	tb := browsertest.Open(t)
	defer tb.Close()
	shown := func() string {
		t.Helper()
		return tb.Eval(`[...document.querySelectorAll('#lab-step [data-role="n"], #lab-step [data-role="offset"], #lab-step [data-row="out"] td, #lab-output mark')].map(e => e.textContent).join(' ')`)
	}
	tb.Do("opening the lab", chromedp.Navigate(srv.URL+"/lab?lang=en"))
	tb.Until("the trace of Man", `document.querySelector('[data-testid="count"]').textContent === '1'`)
	// 65,536 bytes: "Man" 21,845 times and an "M", which ends in TQ==.
	tb.Eval(`document.querySelector('#lab-text').value = 'Man'.repeat(21845) + 'M'`)
	tb.Do("tracing 64 KiB", chromedp.Click(chromedp.CSS(`#lab-form button[type="submit"]`)))
	tb.Until("21,846 groups", `document.querySelector('[data-testid="count"]').textContent === '21846'`)
	tb.Until("the first group", `document.querySelector('#lab-step [data-role="n"]')?.textContent === '1'`)
	if got := shown(); got != "1 0 T W F u TWFu" {
		t.Errorf("the first group shows %q", got)
	}

	tb.Do("jumping to the end", chromedp.Click(chromedp.CSS(`h1`)), chromedp.KeyEvent(kb.End))
	tb.Until("the last group", `document.querySelector('#lab-step [data-role="n"]')?.textContent === '21846'`)
	if got := shown(); got != "21846 65535 T Q = = TQ==" {
		t.Errorf("the last group shows %q", got)
	}
	if got := tb.Eval(`document.querySelector('#lab-step [data-role="rule"]').textContent`); got != smime.Catalog["rule.pad-two"].EN {
		t.Errorf("the last group's rule %q", got)
	}

	// Back 90 groups, past the start of the last page (group 21,761), as
	// fast as a held key: the page before is fetched once, not per step.
	tb.Eval(`for (let i = 0; i < 90; i++) document.querySelector('h1').dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowLeft', bubbles: true})); ''`)
	tb.Until("group 21,756", `document.querySelector('#lab-step [data-role="n"]')?.textContent === '21756'`)
	if got := shown(); got != "21756 65265 T W F u TWFu" {
		t.Errorf("group 21,756 shows %q", got)
	}
	if got := tb.Eval(`document.querySelector('[data-testid="pos"]').textContent`); got != "21756" {
		t.Errorf("the position says %s", got)
	}
	// One request for the last page and one for the page before it.
	if got := tb.Eval(`String(performance.getEntriesByType('resource').filter(e => e.name.includes('/lab/api/trace') && e.name.includes('from=')).length)`); got != "2" {
		t.Errorf("%s page requests, want 2: the last page and the one before", got)
	}
	if tb.Eval(`String(document.querySelector('[data-testid="lab-error"]').hidden)`) != "true" {
		t.Errorf("stepping through pages shows an error")
	}
}

// TestBrowserQPAndUUTracerPages traces 64 KiB of typed text in the
// quoted-printable and the uuencode tracer, whose steps come from the
// server a page at a time, and checks that the first step, the last one and
// one reached going back into the page before show what the whole trace
// says: the step's number, where it is, what it writes, and the output it
// marks at its place on its line.
func TestBrowserQPAndUUTracerPages(t *testing.T) {
	srv := httptest.NewServer(serve(webtest.Shipped(t)))
	defer srv.Close()
	line := "Vară în București = café, o zi frumoasă.\tSfârșit \n"
	text := strings.Repeat(line, smime.MaxInput/len(line))
	text += strings.Repeat(".", smime.MaxInput-len(text)) // 65,536 bytes, the last a "."
	data := []byte(text)

	qp := smime.TraceQP(data)
	qpAt := func(i int) (shown, before string) {
		s := qpSteps(qp.Steps, i, i+1)[0]
		return fmt.Sprintf("%d %d %s %s", i+1, s.Offset, s.Output, s.Output), qp.Lines[s.Line][:s.Column]
	}
	uu := smime.TraceUU(data, uuDefaultName)
	uuGroups, _ := uuSteps(uu)
	uuAt := func(i int) (shown, before string) {
		g := uuGroups[i]
		chars := []string{}
		for _, s := range g.Sextets {
			chars = append(chars, s.Char)
		}
		return fmt.Sprintf("%d %d %s %s", i+1, g.Line+1, strings.Join(chars, " "), g.Output), uu.Lines[g.Line].Text[:1+4*g.Place]
	}
	for _, c := range []struct {
		page  string
		total int
		where string // the step's role that says where it is
		at    func(i int) (shown, before string)
		// back is a step of the page before the last, where going back
		// stops; a QP step there must write a byte, so that it marks one.
		back int
	}{
		{"qp", len(qp.Steps), "offset", qpAt, lastByteStep(qp.Steps, (len(qp.Steps)-1)/pageSize*pageSize)},
		{"uu", len(uuGroups), "line", uuAt, (len(uuGroups)-1)/pageSize*pageSize - 5},
	} {
		t.Run(c.page, func(t *testing.T) {
			tb := browsertest.Open(t)
			defer tb.Close()
			check := func(i int) {
				t.Helper()
				tb.Until(fmt.Sprintf("step %d", i+1), fmt.Sprintf(`document.querySelector('#lab-step [data-role="n"]')?.textContent === '%d'`, i+1))
				shown := tb.Eval(fmt.Sprintf(`[...document.querySelectorAll('#lab-step [data-role="n"], #lab-step [data-role="%s"], #lab-step [data-row="%s"] td, #lab-output mark')].map(e => e.textContent).join(' ')`, c.where, map[string]string{"qp": "out", "uu": "uu"}[c.page]))
				before := tb.Eval(`document.querySelector('#lab-output mark').previousSibling.textContent`)
				wantShown, wantBefore := c.at(i)
				if shown != wantShown || before != wantBefore {
					t.Errorf("step %d shows %q after %q on its line, want %q after %q", i+1, shown, before, wantShown, wantBefore)
				}
				if pos := tb.Eval(`document.querySelector('[data-testid="pos"]').textContent`); pos != fmt.Sprint(i+1) {
					t.Errorf("at step %d the position says %s", i+1, pos)
				}
			}
			tb.Navigate(srv.URL + "/lab/" + c.page + "?lang=en")
			tb.Until("the example's trace", `document.querySelector('[data-testid="count"]').textContent !== '0'`)
			js, _ := json.Marshal(text)
			tb.Eval(fmt.Sprintf(`document.querySelector('#lab-text').value = %s; ''`, js))
			tb.Do("tracing 64 KiB", chromedp.Click(chromedp.CSS(`#lab-form button[type="submit"]`)))
			tb.Until(fmt.Sprintf("%d steps", c.total), fmt.Sprintf(`document.querySelector('[data-testid="count"]').textContent === '%d'`, c.total))
			check(0)

			tb.Do("jumping to the end", chromedp.Click(chromedp.CSS(`h1`)), chromedp.KeyEvent(kb.End))
			check(c.total - 1)

			// Back into the page before the last, as fast as a held key: that
			// page is fetched once, not per step.
			tb.Eval(fmt.Sprintf(`for (let i = 0; i < %d; i++) document.querySelector('h1').dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowLeft', bubbles: true})); ''`, c.total-1-c.back))
			check(c.back)
			if got := tb.Eval(`String(performance.getEntriesByType('resource').filter(e => e.name.includes('/lab/api/trace') && e.name.includes('from=')).length)`); got != "2" {
				t.Errorf("%s page requests, want 2: the last page and the one before", got)
			}
			if tb.Eval(`String(document.querySelector('[data-testid="lab-error"]').hidden)`) != "true" {
				t.Errorf("stepping through pages shows an error")
			}
		})
	}
}

// lastByteStep is the last quoted-printable step before step end that
// writes a byte.
func lastByteStep(steps []smime.QPStep, end int) int {
	i := end - 1
	for qpBreak(steps[i]) {
		i--
	}
	return i
}
