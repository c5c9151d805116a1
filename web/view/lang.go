package view

import (
	"net/http"
	"net/url"
	"time"

	"mailsim/lang"
)

// langCookie remembers the reader's choice between visits.
const langCookie = "lang"

// RequestLang picks the reader's language: ?lang= first (the switch links
// use it), then the cookie the switch left, then the browser's preference.
// fromQuery tells the caller to remember the choice in the cookie.
func RequestLang(r *http.Request) (l lang.Lang, fromQuery bool) {
	if l, ok := lang.Parse(r.URL.Query().Get("lang")); ok {
		return l, true
	}
	if c, err := r.Cookie(langCookie); err == nil {
		if l, ok := lang.Parse(c.Value); ok {
			return l, false
		}
	}
	return lang.FromAcceptLanguage(r.Header.Get("Accept-Language")), false
}

// PageLang is RequestLang for pages: it also stores a choice made with
// ?lang= in a cookie, so that the next page opens in the same language.
func PageLang(w http.ResponseWriter, r *http.Request) lang.Lang {
	l, fromQuery := RequestLang(r)
	if fromQuery {
		http.SetCookie(w, &http.Cookie{
			Name: langCookie, Value: string(l), Path: "/",
			MaxAge: int((365 * 24 * time.Hour).Seconds()), HttpOnly: true, SameSite: http.SameSiteLaxMode,
		})
	}
	w.Header().Add("Vary", "Accept-Language, Cookie")
	return l
}

// langHref is the link of the language switch: the same page and query with
// lang set, so that switching keeps the current step.
func langHref(u *url.URL, l lang.Lang) string {
	q := u.Query()
	q.Set("lang", string(l))
	return u.Path + "?" + q.Encode()
}
