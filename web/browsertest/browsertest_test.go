package browsertest

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestMain(m *testing.M) { Main(m) }

// pages serves a page without script, a page whose module marks it ready
// only after a while, and a cookie.
func pages(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/favicon.ico", func(w http.ResponseWriter, r *http.Request) {}) // an empty icon, not a 404
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<!DOCTYPE html><title>plain</title><a id="next" href="/late">next</a>`))
	})
	mux.HandleFunc("/late", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<!DOCTYPE html><title>late</title><script type="module" src="/late.js"></script>`))
	})
	mux.HandleFunc("/late.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		w.Write([]byte(`setTimeout(() => { document.title = 'drawn'; document.documentElement.dataset.ready = ''; }, 300);`))
	})
	mux.HandleFunc("/set", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "who", Value: "first", Path: "/"})
		w.Write([]byte(`<!DOCTYPE html><title>set</title>`))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// TestLoadWaitsForTheNewPage: after a click that leaves a page that is
// ready, Load returns only once the next page's script has marked it.
func TestLoadWaitsForTheNewPage(t *testing.T) {
	srv := pages(t)
	tb := Open(t)
	tb.Navigate(srv.URL + "/plain")
	if got := tb.Eval(`document.title`); got != "plain" {
		t.Fatalf("Navigate returned on %q", got)
	}
	tb.Load("following the link", chromedp.Click(chromedp.CSS(`#next`)))
	if got := tb.Eval(`document.title`); got != "drawn" {
		t.Errorf("Load returned before the page marked itself ready: title %q", got)
	}
	tb.Load("reloading", chromedp.Reload())
	if got := tb.Eval(`document.title`); got != "drawn" {
		t.Errorf("Load returned on the page before the reload: title %q", got)
	}
}

// TestTabsShareNoCookies: a cookie one test's tab gets is not sent from the
// next test's tab, and the two tabs share one browser.
func TestTabsShareNoCookies(t *testing.T) {
	srv := pages(t)
	first := Open(t)
	first.Navigate(srv.URL + "/set")
	if got := first.Eval(`document.cookie`); got != "who=first" {
		t.Fatalf("the first tab has cookies %q, want who=first", got)
	}
	second := Open(t)
	second.Navigate(srv.URL + "/plain")
	if got := second.Eval(`document.cookie`); got != "" {
		t.Errorf("the second tab has the first one's cookies: %q", got)
	}
	if n := started.Load(); n != 1 {
		t.Errorf("%d browsers started, want 1", n)
	}
}
