package mimelab

import (
	"net/http"

	"mailsim/sim/mime"
	"mailsim/web/errata"
	"mailsim/web/view"
)

// GET /lab/digest shows the two challenge-response logins step by step:
// POP3's APOP and CRAM-MD5. The inputs come from the query (a plain GET
// form), so the page needs no script and a link shows the same steps. The
// defaults are the examples of RFC 1939 §7 and RFC 2195, whose published
// answers a student can compare with.

// digestForm is the inputs of both computations.
type digestForm struct {
	Timestamp, APOPSecret   string // APOP
	Challenge, User, Secret string // CRAM-MD5
}

// digestDefaults are the RFCs' own examples.
var digestDefaults = digestForm{
	Timestamp:  "<1896.697170952@dbc.mtview.ca.us>",
	APOPSecret: "tanstaaf",
	Challenge:  "PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+",
	User:       "tim",
	Secret:     "tanstaaftanstaaf",
}

// digestView is the page: the form, both traces, and the lecture's APOP
// example, whose digest was made with another password than it says.
type digestView struct {
	Form    digestForm
	APOP    mime.DigestTrace
	CRAM    mime.DigestTrace
	Lecture errata.Diff
}

// digest computes both logins from the query, or from the RFC examples.
func (a *Section) digest(w http.ResponseWriter, r *http.Request) {
	l := view.PageLang(w, r)
	q := r.URL.Query()
	f := digestDefaults
	for p, field := range map[string]*string{
		"timestamp": &f.Timestamp, "apop-secret": &f.APOPSecret,
		"challenge": &f.Challenge, "user": &f.User, "secret": &f.Secret,
	} {
		if q.Has(p) {
			*field = q.Get(p)
		}
	}
	v := digestView{Form: f, APOP: mime.TraceAPOP(f.Timestamp, f.APOPSecret), Lecture: errata.ByID("apop")}
	v.CRAM, _ = mime.TraceCRAMMD5(f.Challenge, f.User, f.Secret) // the trace carries its error
	m := labMeta(r, l, "lab.title.digest")
	m.Styles = append(m.Styles, "codes.css") // the lecture note's styles
	view.Render(w, r, a.log, http.StatusOK, digestPage(m, v))
}
