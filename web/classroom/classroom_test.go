package classroom

import (
	"encoding/base64"
	"errors"
	"log/slog"

	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/gorilla/websocket"

	"mailsim/class"
	"mailsim/lang"
	"mailsim/lessons"
	"mailsim/web/outbox"
	"mailsim/web/player"
	"mailsim/web/view"
	"mailsim/web/webtest"
)

// TestStartingAClass: the instructor's cookie holds an unguessable secret,
// HttpOnly and SameSite; the projector page opens with it and only with it,
// and shows the code, the join address and its QR code.
func TestStartingAClass(t *testing.T) {
	h := webtest.Mux(routes(t))
	code, teach := start(t, h)
	if _, err := class.ParseCode(code); err != nil {
		t.Fatalf("the class's code %q: %v", code, err)
	}
	_, secret, _ := strings.Cut(teach.Value, ":")
	if b, err := base64.RawURLEncoding.DecodeString(secret); err != nil || len(b) < 16 {
		t.Errorf("the instructor's secret %q is not 128 random bits", secret)
	}
	if !teach.HttpOnly || teach.SameSite != http.SameSiteStrictMode || teach.Path != "/" {
		t.Errorf("the instructor's cookie is %+v", teach)
	}
	page := webtest.Get(t, h, "GET", "/class/"+code+"/teach", "Cookie", teach.String())
	body := page.Body.String()
	for _, want := range []string{`data-testid="teach-code">` + code, "/class/" + code + "/qr.svg", `data-testid="join-url">http://localhost/class/` + code, `data-role="instructor"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the projector page lacks %s", want)
		}
	}
	for _, cookie := range []string{"", view.TeachCookie + "=" + code + ":forged", view.FollowCookie + "=" + code} {
		if w := webtest.Get(t, h, "GET", "/class/"+code+"/teach", "Cookie", cookie); w.Code != http.StatusForbidden {
			t.Errorf("the projector page with cookie %q answered %d", cookie, w.Code)
		}
	}
	qr := webtest.Get(t, h, "GET", "/class/"+code+"/qr.svg")
	if qr.Header().Get("Content-Type") != "image/svg+xml" || !strings.HasPrefix(qr.Body.String(), "<svg") || strings.Count(qr.Body.String(), "h1v1h-1z") < 100 {
		t.Errorf("the QR code is %s: %.80s", qr.Header().Get("Content-Type"), qr.Body.String())
	}
}

// TestJoiningByCode: a student's code, typed any way, leads to the class
// and the class's view; a bad or unknown code says why.
func TestJoiningByCode(t *testing.T) {
	h := webtest.Mux(routes(t))
	code, _ := start(t, h)
	typed := strings.ToLower(code[:3] + "-" + code[3:])
	w := post(h, "/class/join?lang=ro", url.Values{"code": {typed}})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/class/"+code+"?lang=ro" {
		t.Fatalf("joining with %q: %d to %s", typed, w.Code, w.Header().Get("Location"))
	}
	w = webtest.Get(t, h, "GET", "/class/"+code+"?lang=ro")
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/play/lan-both?step=0&lang=ro" {
		t.Errorf("a student lands on %d %s, want the class's view", w.Code, w.Header().Get("Location"))
	}
	if c := w.Result().Cookies(); len(c) != 1 || c[0].Name != view.FollowCookie || c[0].Value != code || !c[0].HttpOnly {
		t.Errorf("the student's cookie: %v", c)
	}
	if w := post(h, "/class/join", url.Values{"code": {"12"}}); w.Code != http.StatusBadRequest {
		t.Errorf("a short code answered %d", w.Code)
	}
	other := "AAAAAA"
	if other == code {
		other = "CCCCCC"
	}
	if w := webtest.Get(t, h, "GET", "/class/"+other); w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), "No class has this code") {
		t.Errorf("an unknown code answered %d", w.Code)
	}
}

// TestGuessingCodesIsSlowedDown: one address that tries code after code is
// refused with 429; another address still joins.
func TestGuessingCodesIsSlowedDown(t *testing.T) {
	h := webtest.Mux(routes(t))
	code, _ := start(t, h)
	status := 0
	for i := 0; i < 200 && status != http.StatusTooManyRequests; i++ {
		r := httptest.NewRequest("GET", "/class/"+code, nil)
		r.RemoteAddr = "198.51.100.7:1234"
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		status = w.Code
	}
	if status != http.StatusTooManyRequests {
		t.Fatalf("200 join attempts from one address were all answered")
	}
	r := httptest.NewRequest("GET", "/class/"+code, nil)
	r.RemoteAddr = "198.51.100.8:1234"
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusSeeOther {
		t.Errorf("another address answered %d", w.Code)
	}
}

// TestOnlyTheInstructorDrives: over the class's socket, the instructor's
// step reaches a student; a student's driving commands are refused and
// move nobody.
func TestOnlyTheInstructorDrives(t *testing.T) {
	srv := webtest.Serve(t, webtest.Mux(routes(t)))
	code, teach := start(t, srv.Config.Handler)
	teacher, _, err := webtest.Dial(t, srv, "/ws/class/"+code, "Cookie", teach.String())
	if err != nil {
		t.Fatal(err)
	}
	student, _, err := webtest.Dial(t, srv, "/ws/class/"+code, "Cookie", view.FollowCookie+"="+code)
	if err != nil {
		t.Fatal(err)
	}
	forger, _, err := webtest.Dial(t, srv, "/ws/class/"+code, "Cookie", view.TeachCookie+"="+code+":forged")
	if err != nil {
		t.Fatal(err)
	}
	read := reader(t)
	for _, c := range []*websocket.Conn{teacher, student, forger} {
		read(c, "view")
	}
	for _, conn := range []*websocket.Conn{student, forger} {
		conn.WriteJSON(map[string]any{"op": "show", "view": map[string]any{"path": "/play/lan-both", "step": 40}})
		conn.WriteJSON(map[string]any{"op": "ask"})
		conn.WriteJSON(map[string]any{"op": "reveal"})
	}
	for _, c := range []*websocket.Conn{student, forger} {
		for range 3 {
			if f := read(c, "refused"); f["why"] != "Only the instructor drives the class." {
				t.Errorf("the refusal says %v", f["why"])
			}
		}
	}
	teacher.WriteJSON(map[string]any{"op": "show", "view": map[string]any{"path": "/play/lan-both", "step": 12}})
	if v := read(student, "view")["view"].(map[string]any); v["step"] != 12.0 {
		t.Errorf("the student follows to %v, want the instructor's step 12 (and never 40)", v)
	}
	teacher.WriteJSON(map[string]any{"op": "ask"})
	p := read(student, "poll")
	if q := p["poll"].(map[string]any)["question"].(map[string]any)["en"]; !strings.HasPrefix(q.(string), "What does the server answer to") {
		t.Errorf("the predict question reads %q", q)
	}
	student.WriteJSON(map[string]any{"op": "answer", "id": p["id"], "picks": []int{0}})
	// The instructor reads the question's own frame (none answered), then
	// the tally with the one answer; the deadline fails a tally that never comes.
	for read(teacher, "poll")["answered"] != 1.0 {
	}
}

// TestQuestionsComeFromTheView: the room is asked what the view on screen
// teaches: on the player the next reply (the predict question, with the
// reply's explanation), on the Base64 lab the group's four characters, on a
// lesson its quiz; a view with nothing to ask says so.
func TestQuestionsComeFromTheView(t *testing.T) {
	lib := webtest.Shipped(t)
	set, _ := lessons.Load(lib, "")
	a := New(lib, player.New(lib, &outbox.Store{}, slog.New(slog.DiscardHandler)), set, nil, slog.New(slog.DiscardHandler))

	p, err := a.question(class.View{Path: "/lab", Input: "Many", Step: 1}, "")
	if err != nil || p.Kind != "short" || p.Answer != "eQ==" || !strings.Contains(p.Question["en"], "group 2 (the bytes y)") || !strings.Contains(p.Why["ro"], "011110 = 30 → e") {
		t.Errorf("the lab's question: %+v, %v", p, err)
	}
	p, err = a.question(class.View{Path: "/play/lan-both", Step: 0}, "")
	if err != nil || len(p.Options) != 4 || len(p.Right) != 1 || !strings.HasPrefix(p.Question["ro"], "Ce răspunde serverul la") {
		t.Errorf("the player's question: %+v, %v", p, err)
	}
	if got := p.Options[p.Right[0]]["en"]; got != "220" {
		t.Errorf("the first reply of lan-both is the greeting 220, the question says %q", got)
	}
	ls := set.List()[0]
	var quiz *lessons.Quiz
	for _, w := range ls.In(lang.EN).Widgets {
		if w.Quiz != nil && quiz == nil {
			quiz = w.Quiz
		}
	}
	p, err = a.question(class.View{Path: lessons.Path(ls.Slug)}, quiz.ID)
	if err != nil || p.Question["en"] != quiz.Question || p.Why["en"] != quiz.Why {
		t.Errorf("the lesson's quiz %s: %+v, %v", quiz.ID, p, err)
	}
	for _, v := range []class.View{{Path: "/codes"}, {Path: "/lab"}, {Path: "/lab", Input: "M", Step: 5}, {Path: "/play/nope"}} {
		if _, err := a.question(v, ""); !errors.Is(err, errNoQuestion) {
			t.Errorf("view %+v asks something: %v", v, err)
		}
	}
}
