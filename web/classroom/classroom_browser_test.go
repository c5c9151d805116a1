package classroom

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"mailsim/web/browsertest"
	"mailsim/web/webtest"
)

// TestBrowserAClassFollowsItsInstructor is a class in real Chromium: an
// instructor and three students, each in a browser of their own. The
// instructor's steps in the player appear on the three students' screens;
// a student explores alone and rejoins; the room answers the predict
// question, the chart counts the three answers, and the reveal reaches
// every screen; a student's attempt to drive is refused. The projector page
// with the chart is docs/classroom.png (MAILSIM_SCREENSHOT=1).
func TestBrowserAClassFollowsItsInstructor(t *testing.T) {
	srv := webtest.Serve(t, webtest.Site(routes(t)))
	teacher := browsertest.Open(t)
	teacher.Do("sizing", chromedp.EmulateViewport(1280, 720))
	teacher.Navigate(srv.URL + "/play/lan-both?lang=en")
	teacher.Do("starting a class", chromedp.Evaluate[chromedp.Void](`fetch('/class?lang=en', {method: 'POST', body: new URLSearchParams({from: '/play/lan-both'})}).then(() => { window.started = true; })`))
	teacher.Until("the class started", `window.started === true`)
	teacher.Navigate(srv.URL + "/play/lan-both?lang=en")
	code := teacher.Eval(`document.querySelector('.classbar .class-code').textContent`)
	if len(code) != 6 || teacher.Eval(`document.querySelector('.classbar').dataset.role`) != "instructor" {
		t.Fatalf("the instructor's bar shows class %q", code)
	}

	var students []*browsertest.Tab
	for i := range 3 {
		s := browsertest.Open(t)
		if i == 2 {
			s.Do("a phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)))
		}
		s.Navigate(srv.URL + "/class/" + strings.ToLower(code) + "?lang=en")
		if !strings.HasPrefix(s.Eval(`location.pathname`), "/play/lan-both") || s.Eval(`document.querySelector('.classbar').dataset.role`) != "student" {
			t.Fatalf("a student landed on %s", s.Eval(`location.href`))
		}
		students = append(students, s)
	}
	teacher.Until("three students counted", `document.querySelector('[data-testid="class-count"]').textContent === '3'`)

	step := func(tb *browsertest.Tab) string {
		return tb.Eval(`document.querySelector('#player [data-testid="step"]').textContent`)
	}
	at := func(tb *browsertest.Tab, n int, who string) {
		t.Helper()
		tb.Until(who+" at step "+strconv.Itoa(n), `document.querySelector('#player [data-testid="step"]').textContent === '`+strconv.Itoa(n)+`'`)
	}
	click := func(tb *browsertest.Tab, sel string) {
		t.Helper()
		tb.Do("clicking "+sel, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).click()`, sel)))
	}
	for n := 1; n <= 3; n++ {
		click(teacher, `#player button[data-op="step"]`)
		at(teacher, n, "the instructor")
		for i, s := range students {
			at(s, n, fmt.Sprintf("student %d", i+1))
		}
	}

	// Student 1 explores alone: the class goes on without them, until they rejoin.
	click(students[0], `[data-testid="class-detach"]`)
	if got := students[0].Eval(`document.querySelector('[data-testid="class-status"]').textContent`); got != "You are exploring alone; the class goes on without you." {
		t.Errorf("a student exploring alone reads %q", got)
	}
	click(students[0], `#player button[data-op="back"]`)
	at(students[0], 2, "student 1, alone")
	click(teacher, `#player button[data-op="end"]`)
	total, _ := strconv.Atoi(teacher.Eval(`document.querySelector('#player [data-testid="total"]').textContent`))
	click(teacher, `#player button[data-op="restart"]`)
	for range 8 {
		click(teacher, `#player button[data-op="step"]`)
	}
	at(teacher, 8, "the instructor")
	at(students[1], 8, "student 2")
	if got := step(students[0]); got != "2" {
		t.Errorf("student 1 explores alone at step 2, but the class moved them to %s (of %d)", got, total)
	}
	click(students[0], `[data-testid="class-rejoin"]`)
	at(students[0], 8, "student 1, rejoined")

	// The room answers the question about the next reply.
	click(teacher, `[data-testid="class-ask"]`)
	for i, s := range students {
		s.Until(fmt.Sprintf("student %d's question", i+1), `document.querySelector('[data-testid="class-answer"]') !== null`)
	}
	axeClean(t, students[0], "a student's page with the question")
	phone := students[2]
	if got := phone.Eval(`String(document.documentElement.scrollWidth <= innerWidth)`); got != "true" {
		t.Errorf("the question scrolls sideways on a phone")
	}
	options := students[0].Eval(`JSON.stringify([...document.querySelectorAll('[data-testid="class-answer"] input')].map(i => i.value))`)
	if options == "[]" {
		t.Fatal("the question has no options")
	}
	for i, s := range students {
		pick := []string{"0", "0", "1"}[i]
		s.Do("answering", chromedp.Evaluate[chromedp.Void](`(() => { const f = document.querySelector('[data-testid="class-answer"]');
			f.querySelector('input[value="`+pick+`"]').click(); f.querySelector('button').click(); })()`))
	}
	teacher.Until("the chart counts three answers", `[...document.querySelectorAll('[data-testid="class-chart"] .bar')].reduce((n, g) => n + Number(g.dataset.count), 0) === 3`)
	if got := teacher.Eval(`document.querySelector('.class-answered').textContent`); got != "3 of 3 answered" {
		t.Errorf("the instructor's panel says %q", got)
	}

	// A student's page cannot drive: its command is refused, nobody moves.
	students[2].Do("driving from a student's page", chromedp.Evaluate[chromedp.Void](`(() => {
		window.refusal = '';
		const ws = new WebSocket(location.origin.replace('http', 'ws') + '/ws/class/`+code+`');
		ws.onmessage = (m) => { const f = JSON.parse(m.data); if (f.op === 'refused') { window.refusal = f.why; ws.close(); } };
		ws.onopen = () => ws.send(JSON.stringify({op: 'show', view: {path: '/play/lan-both', step: 1}}));
	})()`))
	students[2].Until("the refusal", `window.refusal !== ''`)
	if got := students[2].Eval(`window.refusal`); got != "Only the instructor drives the class." {
		t.Errorf("the refusal says %q", got)
	}
	if step(students[1]) != "8" || step(teacher) != "8" {
		t.Errorf("a student's command moved the class: student 2 at %s, the instructor at %s", step(students[1]), step(teacher))
	}

	// A student may give a nickname, which the projector lists.
	students[1].Do("a nickname", chromedp.Evaluate[chromedp.Void](`(() => { const f = document.querySelector('[data-testid="class-nick"]');
		f.elements.nick.value = 'Ana'; f.querySelector('button').click(); })()`))

	// The projector page shows the chart and the nicknames; the reveal
	// reaches every screen.
	teacher.Navigate(srv.URL + "/class/" + code + "/teach?lang=en")
	teacher.Until("Ana on the projector's list", `document.querySelector('[data-testid="class-nicks"]').textContent === 'Ana'`)
	teacher.Until("the chart on the projector", `document.querySelectorAll('[data-testid="class-chart"] .bar').length > 0`)
	teacher.Shoot("classroom.png")
	axeClean(t, teacher, "the projector page with the chart")
	click(teacher, `[data-testid="class-reveal"]`)
	for i, s := range students {
		s.Until(fmt.Sprintf("student %d's reveal", i+1), `document.querySelector('.class-right') !== null`)
		if why := s.Eval(`document.querySelector('.class-why').textContent`); why == "" {
			t.Errorf("student %d's reveal has no explanation", i+1)
		}
	}
	right := teacher.Eval(`document.querySelector('[data-testid="class-chart"] .bar.right text').textContent`)
	if !strings.Contains(students[0].Eval(`document.querySelector('.class-right').textContent`), right) {
		t.Errorf("the reveal names %q, the chart marks %q", students[0].Eval(`document.querySelector('.class-right').textContent`), right)
	}
	if step(students[0]) != "8" {
		t.Errorf("the projector page moved the class to step %s", step(students[0]))
	}
	axeClean(t, students[1], "a student's page with the reveal")
}

// axeClean runs axe-core on the tab's page and reports each violation.
func axeClean(t *testing.T, tb *browsertest.Tab, what string) {
	t.Helper()
	for _, v := range tb.Axe(browsertest.AxeOrSkip(t)) {
		t.Errorf("%s: %s (%s, %d elements): %s\n\t%s", what, v.ID, v.Impact, v.Count, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
}

// TestBrowserAClassFollowsTheLab: the instructor traces "Many" in the
// Base64 lab and steps to its second group; the student's screen opens the
// lab on the same input at the same group, is asked for the group's four
// characters, answers, and sees the reveal.
func TestBrowserAClassFollowsTheLab(t *testing.T) {
	srv := webtest.Serve(t, webtest.Site(routes(t)))
	teacher := browsertest.Open(t)
	teacher.Navigate(srv.URL + "/lab?lang=en")
	teacher.Do("starting a class", chromedp.Evaluate[chromedp.Void](`fetch('/class?lang=en', {method: 'POST', body: new URLSearchParams({from: '/lab'})}).then(() => { window.started = true; })`))
	teacher.Until("the class started", `window.started === true`)
	teacher.Navigate(srv.URL + "/lab?text=Many&lang=en")
	code := teacher.Eval(`document.querySelector('.classbar .class-code').textContent`)
	student := browsertest.Open(t)
	student.Navigate(srv.URL + "/class/" + code + "?lang=en")
	teacher.Until("the student counted", `document.querySelector('[data-testid="class-count"]').textContent === '1'`)

	pos := `document.querySelector('[data-tracer="base64"] [data-role="pos"]').textContent`
	teacher.Do("the second group", chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-tracer="base64"] button[data-op="step"]').click()`))
	teacher.Until("the instructor at group 2", pos+` === '2'`)
	student.Until("the student on the lab at group 2 of Many", `location.pathname === '/lab' && document.querySelector('[data-tracer="base64"] textarea').value === 'Many' && `+pos+` === '2'`)

	teacher.Do("asking", chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-testid="class-ask"]').click()`))
	student.Until("the question", `document.querySelector('[data-testid="class-answer"] input[name="text"]') !== null`)
	if q := student.Eval(`document.querySelector('.class-question').textContent`); q != "Which four Base64 characters encode group 2 (the bytes y)?" {
		t.Errorf("the student is asked %q", q)
	}
	student.Do("answering", chromedp.Evaluate[chromedp.Void](`(() => { const f = document.querySelector('[data-testid="class-answer"]');
		f.querySelector('input[name="text"]').value = 'e Q = ='; f.querySelector('button').click(); })()`))
	teacher.Until("the answer counted", `document.querySelector('.class-answered')?.textContent === '1 of 1 answered'`)
	teacher.Do("revealing", chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-testid="class-reveal"]').click()`))
	student.Until("the reveal", `document.querySelector('.class-right') !== null`)
	if got := student.Eval(`document.querySelector('.class-right').textContent`); got != "The right answer: eQ==" {
		t.Errorf("the reveal says %q", got)
	}
	if got := teacher.Eval(`document.querySelector('[data-testid="class-chart"] .bar.right text').textContent`); got != "eQ==" {
		t.Errorf("the chart marks %q as right, want eQ==, which the student gave with spaces", got)
	}
}

// TestBrowserAClassFollowsALesson: the instructor presents a lesson as
// slides; a student who presents it too, in another language, sees the
// instructor's slide, and the room is asked the lesson's quiz in view (its
// first, when none is), in each one's language.
func TestBrowserAClassFollowsALesson(t *testing.T) {
	srv := webtest.Serve(t, webtest.Site(routes(t)))
	teacher := browsertest.Open(t)
	teacher.Navigate(srv.URL + "/lessons/architecture?lang=en")
	teacher.Do("starting a class", chromedp.Evaluate[chromedp.Void](`fetch('/class?lang=en', {method: 'POST', body: new URLSearchParams({from: '/lessons/architecture'})}).then(() => { window.started = true; })`))
	teacher.Until("the class started", `window.started === true`)
	teacher.Navigate(srv.URL + "/lessons/architecture?lang=en")
	code := teacher.Eval(`document.querySelector('.classbar .class-code').textContent`)
	student := browsertest.Open(t)
	student.Navigate(srv.URL + "/class/" + code + "?lang=ro")
	if got := student.Eval(`location.pathname + ' ' + document.documentElement.lang`); got != "/lessons/architecture ro" {
		t.Fatalf("the student landed on %s", got)
	}
	teacher.Until("the student counted", `document.querySelector('[data-testid="class-count"]').textContent === '1'`)
	slide := `[...document.querySelectorAll('.lesson-body > :not([hidden])')].map(e => e.dataset.slide).filter((s, i, a) => a.indexOf(s) === i).join()`
	student.Do("presenting", chromedp.Evaluate[chromedp.Void](`document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'p', bubbles: true}))`))
	teacher.Do("presenting, two slides on", chromedp.Evaluate[chromedp.Void](`for (const key of ['p', 'ArrowRight', 'ArrowRight']) document.body.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}))`))
	teacher.Until("the instructor on slide 2", slide+` === '2'`)
	student.Until("the student on slide 2", slide+` === '2'`)

	// The room gets the quiz, in the student's language.
	quiz := teacher.Eval(`document.querySelector('.lesson-body > :not([hidden]) form.quiz, .lesson-body form.quiz')?.dataset.quiz ?? ''`)
	teacher.Do("asking", chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-testid="class-ask"]').click()`))
	student.Until("the question", `document.querySelector('.class-question') !== null`)
	want := student.Eval(`document.querySelector('form.quiz[data-quiz="` + quiz + `"] legend').textContent`)
	if got := student.Eval(`document.querySelector('.class-question').textContent`); quiz == "" || !strings.HasSuffix(want, got) {
		t.Errorf("asked about quiz %q, the student reads %q; the lesson's quiz says %q", quiz, got, want)
	}
}
