package web

import (
	"mailsim/lang"
	"mailsim/web/webtest"
	"testing"
)

func TestRenderedPagesShowNoMissingKey(t *testing.T) {
	h := New(shipped(t), nil, nil)
	for _, l := range lang.All {
		for _, c := range []struct{ method, target string }{
			{"GET", "/"}, {"GET", "/play/two-systems"}, {"GET", "/play/two-systems?step=8"},
			{"GET", "/play/two-systems?step=1000"}, {"GET", "/play/nope"}, {"GET", "/nope"}, {"POST", "/"},
		} {
			body := get(t, h, c.method, c.target+webtest.Sep(c.target)+"lang="+string(l)).Body.String()
			if m := webtest.MissingKey.FindString(body); m != "" {
				t.Errorf("%s %s in %s shows the missing key %s", c.method, c.target, l, m)
			}
		}
	}
}
