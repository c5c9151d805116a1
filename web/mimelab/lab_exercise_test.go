package mimelab

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"mailsim/sim/mime"
	"mailsim/web/webtest"
)

// expected returns an exercise's answers, as Check reveals them.
func expected(ex mime.Exercise) mime.Answers {
	a := mime.Answers{}
	for _, c := range mime.Check(ex, nil).Cells {
		a[c.ID] = c.Expected
	}
	return a
}

func check(t *testing.T, h http.Handler, req checkRequest) (int, mime.Result) {
	t.Helper()
	body, _ := json.Marshal(req)
	w := post(t, h, "/lab/api/check", body)
	var r mime.Result
	if w.Code == http.StatusOK {
		if err := json.Unmarshal(w.Body.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
	}
	return w.Code, r
}

func TestCheckAPIGradesCellByCell(t *testing.T) {
	h := serve(webtest.Shipped(t))
	ex := mime.NewExercise(42, mime.ExerciseEncode)
	answers := expected(ex)
	answers["g0.s1.index"] = "99"
	code, r := check(t, h, checkRequest{Kind: "encode", Seed: 42, Answers: answers})
	if code != http.StatusOK || r.Correct != r.Total-1 || len(r.Wrong) != 1 || r.Wrong[0] != "g0.s1.index" {
		t.Errorf("one mistake: status %d, %d/%d correct, wrong %v", code, r.Correct, r.Total, r.Wrong)
	}

	given, err := mime.ExerciseFor([]byte("TWE="), mime.ExerciseDecode)
	if err != nil {
		t.Fatal(err)
	}
	code, r = check(t, h, checkRequest{Kind: "decode", Input: "TWE=", Given: true, Answers: expected(given)})
	if code != http.StatusOK || r.Score != 100 {
		t.Errorf("a given decode exercise answered right: status %d, score %d", code, r.Score)
	}

	for name, req := range map[string]checkRequest{
		"bad kind":  {Kind: "rot13", Seed: 1},
		"bad input": {Kind: "padding", Input: "Man", Given: true},
		"empty":     {Kind: "encode", Given: true},
	} {
		if code, _ := check(t, h, req); code != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", name, code)
		}
	}
	if w := post(t, h, "/lab/api/check", []byte("{not json")); w.Code != http.StatusBadRequest {
		t.Errorf("malformed JSON: status %d", w.Code)
	}
	huge := `{"answers":{"x":"` + strings.Repeat("1", checkBodyLimit+2*bodySlack) + `"}}`
	if w := post(t, h, "/lab/api/check", []byte(huge)); w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("an oversized check: status %d, want 413", w.Code)
	}
}

func TestExerciseSheet(t *testing.T) {
	h := serve(webtest.Shipped(t))

	w := webtest.Get(t, h, "GET", "/lab/exercise?kind=padding")
	loc, _ := url.Parse(w.Header().Get("Location"))
	if w.Code != http.StatusSeeOther || loc.Query().Get("kind") != "padding" || loc.Query().Get("seed") == "" {
		t.Fatalf("a sheet without a seed: status %d, Location %q; want a redirect to one with a seed", w.Code, loc)
	}

	a := webtest.Get(t, h, "GET", "/lab/exercise?kind=encode&seed=42&lang=en").Body.String()
	b := webtest.Get(t, h, "GET", "/lab/exercise?kind=encode&seed=42&lang=en").Body.String()
	if a != b {
		t.Errorf("the same seed drew two different sheets")
	}
	ex := mime.NewExercise(42, mime.ExerciseEncode)
	for _, c := range ex.Cells {
		if !strings.Contains(a, `data-cell="`+c.ID+`"`) {
			t.Errorf("the sheet lacks the blank %s", c.ID)
		}
	}

	// The sheet shows the bytes to encode but none of the answers.
	man := webtest.Get(t, h, "GET", "/lab/exercise?kind=encode&input=Man&lang=en").Body.String()
	for _, want := range []string{`<code class="input" data-testid="ex-input">Man</code>`, "<code>4D</code>", "<code>110</code>"} {
		if !strings.Contains(man, want) {
			t.Errorf("the sheet for Man lacks %s", want)
		}
	}
	for _, answer := range []string{"TWFu", "01001101", "010011"} {
		if strings.Contains(man, answer) {
			t.Errorf("the sheet gives away the answer %s", answer)
		}
	}

	for target, want := range map[string]string{
		"/lab/exercise?kind=rot13&seed=1":      "rot13",
		"/lab/exercise?kind=encode&seed=abc":   "abc",
		"/lab/exercise?kind=padding&input=Man": "3",
		"/lab/exercise?kind=encode&input=":     webtest.Escape(mime.Catalog["err.empty"].EN),
	} {
		w := webtest.Get(t, h, "GET", target+"&lang=en")
		if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), `data-testid="lab-error"`) || !strings.Contains(w.Body.String(), want) {
			t.Errorf("%s: status %d; want 400 with the reason on the page", target, w.Code)
		}
	}
}
