package player

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/web/webtest"
)

// TestMailboxPanelFollowsPOP3 renders pop3-keep's player page at three
// moments of the deleting read: after DELE the message is listed struck
// through and tagged in words, after UPDATE it is no longer listed.
func TestMailboxPanelFollowsPOP3(t *testing.T) {
	lib := webtest.Shipped(t)
	spec, _ := lib.Get("pop3-keep")
	events, err := sim.Run(spec, sim.EventLimit)
	if err != nil {
		t.Fatal(err)
	}
	dele, removed := -1, -1
	for i, e := range events {
		if e.Kind == sim.KindCommand && e.Line == "DELE 1" {
			dele = i
		}
		if e.Kind == sim.KindDelete {
			removed = i
		}
	}
	if dele < 0 || removed < dele {
		t.Fatalf("pop3-keep has DELE at %d and the removal at %d", dele, removed)
	}
	h := serve(lib, nil)
	page := func(step int, l string) string {
		w := webtest.Get(t, h, http.MethodGet, "/play/pop3-keep?lang="+l+"&step="+strconv.Itoa(step))
		if w.Code != http.StatusOK {
			t.Fatalf("step %d: status %d", step, w.Code)
		}
		return w.Body.String()
	}
	for _, c := range []struct {
		step           int
		listed, marked bool
	}{{dele, true, false}, {dele + 1, true, true}, {removed, true, true}, {removed + 1, false, false}, {len(events), false, false}} {
		for _, l := range lang.All {
			body := page(c.step, string(l))
			_, boxes, _ := strings.Cut(body, `id="mailboxes"`)
			listed := strings.Contains(boxes, `data-msg="M1"`)
			marked := strings.Contains(boxes, `<del class="subject">`) && strings.Contains(boxes, `data-testid="marked"`)
			if listed != c.listed || marked != c.marked {
				t.Errorf("step %d (%s): message listed %v, marked %v; want %v, %v", c.step, l, listed, marked, c.listed, c.marked)
			}
			if !strings.Contains(boxes, tr(l, "mailbox.on")+" mail.example.net") {
				t.Errorf("step %d (%s): the mailbox does not say it is on mail.example.net", c.step, l)
			}
		}
	}
}
