package learn

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"mailsim/lang"
	"mailsim/lessons"
	"mailsim/web/outbox"
	"mailsim/web/player"
	"mailsim/web/webtest"
)

func TestPagesInBothLanguages(t *testing.T) {
	set := fixture(t)
	h := webtest.Mux(routes(t, set))
	for _, l := range []lang.Lang{lang.RO, lang.EN} {
		w := webtest.Get(t, h, "GET", "/lessons?lang="+string(l))
		if w.Code != http.StatusOK {
			t.Fatalf("%s: /lessons answered %d", l, w.Code)
		}
		for _, ls := range set.List() {
			if !strings.Contains(w.Body.String(), webtest.Escape(ls.In(l).Title)) {
				t.Errorf("%s: the index lacks %q", l, ls.In(l).Title)
			}
		}
		page := webtest.Get(t, h, "GET", "/lessons/tour?lang="+string(l)).Body.String()
		tour, _ := set.Get("tour")
		for _, want := range []string{
			"<h1 id=", webtest.Escape(tour.In(l).Title),
			`data-testid="states-smtp"`, `data-table="reply-codes"`, `data-table="base64-index"`, `data-tracer="base64"`,
			`data-testid="player-embed"`, `data-from="1"`, `data-to="4"`, `href="/play/lan-both?step=3&amp;lang=` + string(l),
			`href="/console/nslookup?lang=` + string(l), `data-testid="quiz-pick"`, `class="notes"`,
			`rel="next"`, `href="#` + tour.In(l).Headings[0].ID + `"`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: the lesson page lacks %s", l, want)
			}
		}
		if strings.Count(page, `data-testid="event"`) != 3+1 {
			t.Errorf("%s: the players show %d transcript lines, want 3 (at step 3) + 1 (starting at from=1)", l, strings.Count(page, `data-testid="event"`))
		}
	}
	if w := webtest.Get(t, h, "GET", "/lessons/nope"); w.Code != http.StatusNotFound {
		t.Errorf("an unknown lesson answered %d", w.Code)
	}
}

// TestRightAnswersAreNotInThePage: the options are there, but nothing says
// which is right, and a short answer's text never appears.
func TestRightAnswersAreNotInThePage(t *testing.T) {
	h := webtest.Mux(routes(t, fixture(t)))
	page := webtest.Get(t, h, "GET", "/lessons/tour?lang=en").Body.String()
	for _, leak := range []string{"[x]", "[ ]", "answer:", "because.", "one and three", "250 is OK"} {
		if strings.Contains(page, leak) {
			t.Errorf("the page source has %q", leak)
		}
	}
	for _, quiz := range strings.Split(page, `data-widget="quiz"`)[1:] {
		quiz, _, _ = strings.Cut(quiz, "</form>") // a tracer's mode is checked, and no answer
		for _, input := range strings.Split(quiz, "<input")[1:] {
			if tag, _, _ := strings.Cut(input, ">"); strings.Contains(tag, "checked") || strings.Contains(tag, "value=\"250") {
				t.Errorf("an input gives the answer away: <input%s>", tag)
			}
		}
	}
	if n := strings.Count(page, `class="quiz-option"`); n != 2+3 {
		t.Errorf("the page draws %d options, want the 5 of its two choice quizzes", n)
	}
}

func post(h http.Handler, target, body string, accept string) *httptest.ResponseRecorder {
	r := httptest.NewRequest("POST", target, strings.NewReader(body))
	r.Host = "localhost"
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if accept != "" {
		r.Header.Set("Accept", accept)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestQuizGrading(t *testing.T) {
	h := webtest.Mux(routes(t, fixture(t)))
	cases := []struct {
		target, body string
		status       int
		right        bool
		why          string
	}{
		{"/lessons/tour/quiz/pick?lang=en", "pick=1", 200, true, "because."},
		{"/lessons/tour/quiz/pick?lang=ro", "pick=0", 200, false, "pentru că."},
		{"/lessons/tour/quiz/many?lang=en", "pick=0&pick=2", 200, true, "one and three."},
		{"/lessons/tour/quiz/many?lang=en", "pick=2", 200, false, "one and three."},
		{"/lessons/tour/quiz/code?lang=en", "answer=+250+", 200, true, "250 is OK."},
		{"/lessons/tour/quiz/code?lang=en", "answer=550", 200, false, "250 is OK."},
		{"/lessons/tour/quiz/nope?lang=en", "pick=1", 404, false, ""},
		{"/lessons/nope/quiz/pick?lang=en", "pick=1", 404, false, ""},
		{"/lessons/tour/quiz/pick?lang=en", "pick=one", 400, false, ""},
		{"/lessons/tour/quiz/pick?lang=en", "pick=7", 400, false, ""},
		{"/lessons/tour/quiz/pick?lang=en", "pick=0&pick=1", 400, false, ""},
		{"/lessons/tour/quiz/pick?lang=en", "", 400, false, ""},
		{"/lessons/tour/quiz/pick?lang=en", "pick=%zz", 400, false, ""},
		{"/lessons/tour/quiz/code?lang=en", "answer=" + strings.Repeat("x", 5000), 400, false, ""},
	}
	for _, c := range cases {
		w := post(h, c.target, c.body, "application/json")
		if w.Code != c.status {
			t.Errorf("%s %q: status %d, want %d", c.target, c.body, w.Code, c.status)
			continue
		}
		if c.status != 200 {
			continue
		}
		var v verdictJSON
		if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil || v.Right != c.right || v.Why != c.why {
			t.Errorf("%s %q: got %+v (%v), want right=%v why %q", c.target, c.body, v, err, c.right, c.why)
		}
	}
	w := post(h, "/lessons/tour/quiz/pick?lang=en", url.Values{"pick": {"1"}}.Encode(), "")
	if w.Code != 200 || !strings.Contains(w.Body.String(), `data-testid="quiz-result"`) || !strings.Contains(w.Body.String(), "Right.") {
		t.Errorf("a form posted without the script got %d:\n%s", w.Code, w.Body.String())
	}
}

// TestBuiltInLessonsRender: every shipped lesson renders in both languages.
func TestBuiltInLessonsRender(t *testing.T) {
	h := webtest.Mux(routes(t, nil))
	if w := webtest.Get(t, h, "GET", "/lessons/rfcs?lang=ro"); w.Code != 200 || !strings.Contains(w.Body.String(), "RFC 5321") {
		t.Errorf("/lessons/rfcs answered %d", w.Code)
	}
}

// BenchmarkRenderLessons renders the fixture's lessons, the heaviest of
// which has every widget, in both languages, as New does at start-up.
func BenchmarkRenderLessons(b *testing.B) {
	set, lib := fixture(b), webtest.Shipped(b)
	log := slog.New(slog.DiscardHandler)
	play := player.New(lib, &outbox.Store{}, log)
	for b.Loop() {
		New(set, lib, play, log)
	}
}

// BenchmarkHeaviestLesson renders the built-in lesson whose page is the
// largest, widgets and all, as New does once per language at start-up,
// and then serves its page, as every student's request does.
func BenchmarkHeaviestLesson(b *testing.B) {
	lib := webtest.Shipped(b)
	set, errs := lessons.Load(lib, "")
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	log := slog.New(slog.DiscardHandler)
	play := player.New(lib, &outbox.Store{}, log)
	d := drawer{lib: lib, play: play}
	var heaviest *lessons.Doc
	most, slug, in := 0, "", lang.EN
	for _, ls := range set.List() {
		for _, l := range lessons.Langs {
			var buf bytes.Buffer
			d.l, d.slug = l, ls.Slug
			if err := ls.In(l).Render(&buf, d.draw); err != nil {
				b.Fatal(err)
			}
			if buf.Len() > most {
				most, heaviest, slug, in = buf.Len(), ls.In(l), ls.Slug, l
			}
		}
	}
	b.Logf("heaviest: %s, %d bytes of HTML", heaviest.File, most)
	b.Run("render", func(b *testing.B) {
		b.ReportMetric(float64(most), "html-bytes")
		for b.Loop() {
			if err := heaviest.Render(io.Discard, d.draw); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("serve", func(b *testing.B) {
		h := webtest.Mux(New(set, lib, play, log).Routes)
		r := httptest.NewRequest("GET", URL(slug)+"?lang="+string(in), nil)
		r.Host = "localhost"
		for b.Loop() {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != http.StatusOK {
				b.Fatalf("GET %s: %d", r.URL, w.Code)
			}
		}
	})
}
