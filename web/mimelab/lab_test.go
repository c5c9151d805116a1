package mimelab

import (
	"net/http"
	"strings"
	"testing"

	"mailsim/lang"
	"mailsim/web/static"
	"mailsim/web/webtest"
)

// labPages are the lab's pages as a reader opens them.
var labPages = []string{
	"/lab", "/lab?mode=decode", "/lab?text=%C8%99", "/lab/qp", "/lab/uu",
	"/lab/exercise?kind=encode&seed=42", "/lab/exercise?kind=padding&seed=1", "/lab/exercise?kind=decode&seed=7",
	"/lab/exercise?kind=encode&input=Man", "/lab/compose", "/lab/digest",
}

func TestLabPagesInBothLanguages(t *testing.T) {
	h := serve(webtest.Shipped(t))
	for _, l := range lang.All {
		for _, target := range labPages {
			w := webtest.Get(t, h, "GET", target+webtest.Sep(target)+"lang="+string(l))
			body := w.Body.String()
			if w.Code != http.StatusOK {
				t.Errorf("%s in %s: status %d", target, l, w.Code)
			}
			if !strings.Contains(body, `<html lang="`+string(l)+`"`) || !strings.Contains(body, tr(l, "nav.lab")) {
				t.Errorf("%s in %s: not a page of the app in that language", target, l)
			}
			if strings.Contains(body, "[lab.") || strings.Contains(body, "[ex.") || strings.Contains(body, "[compose.") {
				t.Errorf("%s in %s shows a missing UI key", target, l)
			}
			if m := webtest.MissingKey.FindString(body); m != "" {
				t.Errorf("%s in %s shows the missing key %s", target, l, m)
			}
			for _, bad := range []string{"<script>", "<style", " style=", " onclick=", "javascript:"} {
				if strings.Contains(body, bad) {
					t.Errorf("%s contains %q, which the CSP would block", target, bad)
				}
			}
			if !strings.Contains(body, static.URL("lab.css")) {
				t.Errorf("%s does not load lab.css", target)
			}
		}
	}
}

func TestLabInBar(t *testing.T) {
	body := webtest.Get(t, serve(webtest.Shipped(t)), "GET", "/lab/qp?lang=en").Body.String()
	if !strings.Contains(body, `<a href="/lab" aria-current="page">`+tr(lang.EN, "nav.lab")+`</a>`) {
		t.Errorf("the bar does not mark the lab as the current section")
	}
	if !strings.Contains(body, `<a href="/lab/qp" aria-current="page">`) {
		t.Errorf("the lab's own navigation does not mark the current page")
	}
}

func TestLabPrefillsFromTheAddress(t *testing.T) {
	h := serve(webtest.Shipped(t))
	if body := webtest.Get(t, h, "GET", "/lab?text=Hello%3C%3E").Body.String(); !strings.Contains(body, ">Hello&lt;&gt;</textarea>") {
		t.Errorf("?text= is not the escaped content of the input box")
	}
	if body := webtest.Get(t, h, "GET", "/lab?mode=decode").Body.String(); !strings.Contains(body, ">TWFu</textarea>") ||
		!strings.Contains(body, `value="decode" checked`) {
		t.Errorf("?mode=decode does not open decoding TWFu")
	}
	long := strings.Repeat("A", 200000)
	if body := webtest.Get(t, h, "GET", "/lab?text="+long).Body.String(); !strings.Contains(body, `data-testid="lab-text"></textarea>`) {
		t.Errorf("an input past the lab's limit was put in the box")
	}
}

func TestDigestPageShowsTheRFCExamples(t *testing.T) {
	h := serve(webtest.Shipped(t))
	body := webtest.Get(t, h, "GET", "/lab/digest?lang=en").Body.String()
	for _, want := range []string{
		"c4c9334bac560ecc979e58001b3e22fb",                 // RFC 1939 §7
		"b913a602c7eda7a495b4e6e7334d3890",                 // RFC 2195
		"dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw", // RFC 2195, as sent
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the digest page lacks %s", want)
		}
	}
	w := webtest.Get(t, h, "GET", "/lab/digest?lang=ro&challenge=abc!")
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), webtest.Escape(`Caracterul "!" de la poziția 3`)) {
		t.Errorf("a bad challenge: status %d, want the page saying where the Base64 breaks", w.Code)
	}
}
