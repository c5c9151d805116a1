package classroom

import (
	"errors"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"mailsim/class"
	"mailsim/lang"
	"mailsim/web/view"
)

// cookie is one of the class's cookies: HttpOnly, so that no script reads
// it, SameSite so that another site cannot drive with it, and Secure when
// the app is served over TLS. age < 0 deletes it.
func cookie(r *http.Request, name, value string, age time.Duration) *http.Cookie {
	c := &http.Cookie{Name: name, Value: value, Path: "/", HttpOnly: true, Secure: r.TLS != nil,
		SameSite: http.SameSiteLaxMode, MaxAge: int(age.Seconds())}
	if name == view.TeachCookie {
		c.SameSite = http.SameSiteStrictMode
	}
	if age < 0 {
		c.MaxAge = -1
	}
	return c
}

// POST /class starts a class: its first view is the page the instructor
// started from (from=), its secret goes into the instructor's cookie, and
// the instructor lands on the projector page.
func (a *Section) start(w http.ResponseWriter, r *http.Request) {
	l, _ := view.RequestLang(r)
	r.Body = http.MaxBytesReader(w, r.Body, 1<<10)
	first := class.View{Path: "/"}
	if from := r.PostFormValue("from"); strings.HasPrefix(from, "/") && !strings.HasPrefix(from, "//") {
		first.Path = from
	}
	c, secret, err := a.reg.Start(first)
	if err != nil {
		view.Fail(w, r, a.log, http.StatusServiceUnavailable, l, tr(l, "class.start"), tr(l, "class.full"), "")
		return
	}
	http.SetCookie(w, cookie(r, view.TeachCookie, c.Code()+":"+secret, class.Expiry))
	http.SetCookie(w, cookie(r, view.FollowCookie, "", -1))
	http.Redirect(w, r, "/class/"+c.Code()+"/teach?lang="+string(l), http.StatusSeeOther)
}

// POST /class/join is the home page's form: the code as typed.
func (a *Section) joinForm(w http.ResponseWriter, r *http.Request) {
	l, _ := view.RequestLang(r)
	r.Body = http.MaxBytesReader(w, r.Body, 1<<10)
	code, err := class.ParseCode(r.PostFormValue("code"))
	if err != nil {
		view.Fail(w, r, a.log, http.StatusBadRequest, l, tr(l, "class.join"), tr(l, "class.badcode"), "")
		return
	}
	http.Redirect(w, r, "/class/"+code+"?lang="+string(l), http.StatusSeeOther)
}

// GET /class/{code} joins a student to the class, the address the QR code
// holds: the student's cookie names the class, and the student lands where
// the class is. The class bar on that page connects and follows.
func (a *Section) join(w http.ResponseWriter, r *http.Request) {
	l, _ := view.RequestLang(r)
	c, err := a.reg.Find(r.PathValue("code"), clientAddr(r))
	if err != nil {
		status, key := http.StatusNotFound, "class.gone"
		switch {
		case errors.Is(err, class.ErrTooMany):
			status, key = http.StatusTooManyRequests, "class.toomany"
		case errors.Is(err, class.ErrBadCode):
			status, key = http.StatusBadRequest, "class.badcode"
		}
		view.Fail(w, r, a.log, status, l, tr(l, "class.join"), tr(l, key), "")
		return
	}
	if tie := teacherOf(r, a.reg); tie == c {
		http.Redirect(w, r, "/class/"+c.Code()+"/teach?lang="+string(l), http.StatusSeeOther)
		return
	}
	http.SetCookie(w, cookie(r, view.FollowCookie, c.Code(), class.Expiry))
	http.Redirect(w, r, where(c.View(), l), http.StatusSeeOther)
}

// POST /class/{code}/leave takes the student out: the cookie goes, and
// the page stays.
func (a *Section) leave(w http.ResponseWriter, r *http.Request) {
	l, _ := view.RequestLang(r)
	http.SetCookie(w, cookie(r, view.FollowCookie, "", -1))
	http.Redirect(w, r, "/?lang="+string(l), http.StatusSeeOther)
}

// where is the address of view v in l: its page at its step.
func where(v class.View, l lang.Lang) string {
	return v.Path + "?step=" + strconv.Itoa(v.Step) + "&lang=" + string(l)
}

// clientAddr is the address a join attempt counts against: the peer's IP,
// without the port, which changes with every connection.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// teacherOf is the class whose instructor the request's cookie proves to
// be, or nil.
func teacherOf(r *http.Request, reg *class.Registry) class.Room {
	ck, err := r.Cookie(view.TeachCookie)
	if err != nil {
		return nil
	}
	code, secret, _ := strings.Cut(ck.Value, ":")
	c, ok := reg.Get(code)
	if !ok || !c.Owns(secret) {
		return nil
	}
	return c
}
