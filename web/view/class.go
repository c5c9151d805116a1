package view

import (
	"net/http"
	"strings"
)

// The classroom's cookies. TeachCookie holds "code:secret", the
// instructor's right to drive the class, HttpOnly so that no script reads
// it; FollowCookie holds the code of the class a student joined. Every
// page reads them to draw the class bar; only the class's socket trusts
// TeachCookie, after checking its secret.
const (
	TeachCookie  = "mailsim_teach"
	FollowCookie = "mailsim_class"
)

// ClassTie is the class a page's reader is in: its code, and whether the
// reader's browser says it teaches it (the socket checks the claim).
type ClassTie struct {
	Code  string
	Teach bool
}

// classOf reads the class cookies of r; the instructor's wins over a
// student's.
func classOf(r *http.Request) ClassTie {
	if c, err := r.Cookie(TeachCookie); err == nil {
		if code, _, ok := strings.Cut(c.Value, ":"); ok && code != "" {
			return ClassTie{Code: code, Teach: true}
		}
	}
	if c, err := r.Cookie(FollowCookie); err == nil && c.Value != "" {
		return ClassTie{Code: c.Value}
	}
	return ClassTie{}
}
