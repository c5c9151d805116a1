package mimelab

import (
	"log/slog"
	"strings"
	"testing"

	"mailsim/lang"
	"mailsim/lessons"
	"mailsim/web/outbox"
	"mailsim/web/webtest"
)

// TestTracersLinkToTheEncodingsLesson finds, on each tracer page in both
// languages, the link to the lesson whose topics include the encodings,
// with its title, and no such link where the lab was taught no lessons.
func TestTracersLinkToTheEncodingsLesson(t *testing.T) {
	lib := webtest.Shipped(t)
	set, errs := lessons.Load(lib, "")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	ls, ok := set.Topic("encodings")
	if !ok {
		t.Fatal("no lesson on the encodings")
	}
	log := slog.New(slog.DiscardHandler)
	taught := New(&outbox.Store{}, log)
	taught.Teach(set)
	untaught := New(&outbox.Store{}, log)
	for _, page := range []string{"/lab", "/lab/qp", "/lab/uu"} {
		for _, l := range lang.All {
			href := lessons.Path(ls.Slug) + "?lang=" + string(l)
			body := webtest.Get(t, webtest.Site(taught.Routes), "GET", page+"?lang="+string(l)).Body.String()
			link := `href="` + webtest.Escape(href) + `" data-testid="learn-why">` + webtest.Escape(tr(l, "lab.why")+" "+ls.In(l).Title)
			if !strings.Contains(body, link) {
				t.Errorf("%s in %s has no link to %s", page, l, href)
			}
			if body := webtest.Get(t, webtest.Site(untaught.Routes), "GET", page+"?lang="+string(l)).Body.String(); strings.Contains(body, `data-testid="learn-why"`) {
				t.Errorf("%s in %s links to a lesson though it knows none", page, l)
			}
		}
	}
}
