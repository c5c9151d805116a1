package view

import (
	"log/slog"
	"net/http"

	"mailsim/lang"
)

// NotFound is the page for an address that names nothing.
func NotFound(w http.ResponseWriter, r *http.Request, log *slog.Logger) {
	l := PageLang(w, r)
	Fail(w, r, log, http.StatusNotFound, l, tr(l, "error.notfound"), tr(l, "error.notfound.text"), "")
}

// InternalError is the page for a scenario the world refuses to run; the
// error itself goes to the log, not to the reader.
func InternalError(w http.ResponseWriter, r *http.Request, log *slog.Logger, l lang.Lang, err error) {
	log.Error("running scenario", "path", r.URL.Path, "err", err)
	Fail(w, r, log, http.StatusInternalServerError, l, tr(l, "error.internal"), tr(l, "error.internal.text"), "")
}

// Fail renders the error page with status, its title and text in l, and
// detail (an unknown name) shown as code when not empty.
func Fail(w http.ResponseWriter, r *http.Request, log *slog.Logger, status int, l lang.Lang, title, text, detail string) {
	Render(w, r, log, status, errorPage(NewMeta(r, l, title), text, detail))
}
