package learn

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"

	"mailsim/lang"
	"mailsim/lessons"
	"mailsim/web/view"
)

// GET /lessons lists the lessons.
func (a *Section) index(w http.ResponseWriter, r *http.Request) {
	l := view.PageLang(w, r)
	view.Render(w, r, a.log, http.StatusOK, indexPage(lessonMeta(r, l, tr(l, "lessons.title")), a.set.List()))
}

// GET /lessons/{slug} is one lesson.
func (a *Section) lesson(w http.ResponseWriter, r *http.Request) {
	l := view.PageLang(w, r)
	slug := r.PathValue("slug")
	list := a.set.List()
	i := slices.IndexFunc(list, func(ls *lessons.Lesson) bool { return ls.Slug == slug })
	if i < 0 {
		view.Fail(w, r, a.log, http.StatusNotFound, l, tr(l, "error.notfound"), tr(l, "lessons.notfound"), slug)
		return
	}
	v := lessonView{Slug: slug, Doc: list[i].In(l), Body: a.bodies[slug][l]}
	if i > 0 {
		v.Prev = list[i-1]
	}
	if i+1 < len(list) {
		v.Next = list[i+1]
	}
	view.Render(w, r, a.log, http.StatusOK, lessonPage(lessonMeta(r, l, v.Doc.Title), v))
}

func lessonMeta(r *http.Request, l lang.Lang, title string) view.Meta {
	m := view.NewMeta(r, l, title)
	m.Styles = []string{"tracer.css", "lessons.css"} // the Base64 widgets are the lab's tracer
	return m
}

// verdict is the grading of one answer, as lessons.js reads it.
type verdictJSON struct {
	Right bool   `json:"right"`
	Why   string `json:"why"`
}

// POST /lessons/{slug}/quiz/{id} grades an answer: form fields pick (the
// chosen options' numbers) or answer (a short answer's text). The script
// asks for JSON; a form sent without it gets a page.
func (a *Section) quiz(w http.ResponseWriter, r *http.Request) {
	l, _ := view.RequestLang(r)
	ls, ok := a.set.Get(r.PathValue("slug"))
	var q *lessons.Quiz
	if ok {
		q, ok = ls.In(l).Quiz(r.PathValue("id"))
	}
	if !ok {
		view.Fail(w, r, a.log, http.StatusNotFound, l, tr(l, "error.notfound"), tr(l, "lessons.notfound"), r.PathValue("id"))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	right, err := grade(r, q)
	if err != nil {
		view.Fail(w, r, a.log, http.StatusBadRequest, l, tr(l, "lessons.quiz"), tr(l, "lessons.quiz.bad"), "")
		return
	}
	if r.Header.Get("Accept") == "application/json" {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		json.NewEncoder(w).Encode(verdictJSON{Right: right, Why: q.Why})
		return
	}
	view.Render(w, r, a.log, http.StatusOK, quizResult(lessonMeta(r, l, q.Question), ls.Slug, right, q.Why))
}

func grade(r *http.Request, q *lessons.Quiz) (bool, error) {
	if err := r.ParseForm(); err != nil {
		return false, err
	}
	var picked []int
	for _, s := range r.PostForm["pick"] {
		n, err := strconv.Atoi(s)
		if err != nil {
			return false, errors.New("pick is not a number")
		}
		picked = append(picked, n)
	}
	return q.Grade(picked, r.PostForm.Get("answer"))
}
