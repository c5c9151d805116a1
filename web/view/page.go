// Package view holds what every section's pages share: the page frame and
// its language switch, and the components several sections draw (a
// transcript line, the state diagrams, the mailboxes, the topology).
package view

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/url"

	"github.com/a-h/templ"

	"mailsim/lang"
)

// Meta is what every page's frame needs: its language, title and address
// (for the language switch).
type Meta struct {
	Lang   lang.Lang
	Title  string
	URL    *url.URL
	Styles []string // the page's own stylesheets besides style.css
	Class  ClassTie // the class the reader follows or teaches, if any: the frame draws its bar
}

// NewMeta is the frame of a page at r, in l, titled title.
func NewMeta(r *http.Request, l lang.Lang, title string) Meta {
	return Meta{Lang: l, Title: title, URL: r.URL, Class: classOf(r)}
}

// Render writes a page. It renders into a buffer first so that a template
// error becomes a clean 500 instead of half a page.
func Render(w http.ResponseWriter, r *http.Request, log *slog.Logger, status int, c templ.Component) {
	var buf bytes.Buffer
	if err := c.Render(r.Context(), &buf); err != nil {
		log.Error("rendering page", "path", r.URL.Path, "err", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}
