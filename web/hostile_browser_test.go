package web

import (
	"encoding/json"
	"mailsim/web/webtest"
	"net/http/httptest"
	"net/smtp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// hostileSubject is a file name that a right-to-left override shows
// reversed: "‮gnp.exe" displays as "exe.png".
const hostileSubject = "\u202egnp.exe"

// TestBrowserHostileText sends, over the lab's real SMTP port, a message
// whose Subject is 3,000 characters without a space and one whose Subject
// hides its name behind a right-to-left override, and checks that neither
// /live nor /console scrolls sideways on a phone or a desktop, and that the
// override is drawn as a mark and reorders nothing.
func TestBrowserHostileText(t *testing.T) {
	l := webtest.StartLab(t, "127.0.0.1:0")
	srv := httptest.NewServer(New(shipped(t), l, nil))
	defer srv.Close()
	// 3,000 characters without a space, as 50 encoded words of 60, which
	// fold onto lines of their own and decode as one word (RFC 2047 §6.2).
	long := strings.TrimSuffix(strings.Repeat("=?us-ascii?q?"+strings.Repeat("W", 60)+"?=\r\n ", 50), "\r\n ")
	for _, subject := range []string{long, hostileSubject} {
		msg := "From: alice@mailsim.test\r\nTo: bob@mailsim.test\r\nSubject: " + subject + "\r\n\r\n" + strings.Repeat("x", 900) + "\r\n"
		if err := smtp.SendMail(l.SMTPAddr().String(), nil, "alice@mailsim.test", []string{"bob@mailsim.test"}, []byte(msg)); err != nil {
			t.Fatal(err)
		}
	}

	tb := openBrowser(t)
	for _, page := range []string{"/live?lang=en", "/console?lang=en"} {
		for _, width := range []int64{phoneWidth, 1280} {
			tb.Do("sizing for "+page, chromedp.EmulateViewport(width, phoneHeight))
			tb.Navigate(srv.URL + page)
			tb.Until("bob's two messages", `document.querySelectorAll('[data-address="bob@mailsim.test"] [data-testid="message"]').length === 2`)
			tb.Eval(`(() => { for (const d of document.querySelectorAll('[data-testid="message"]')) d.open = true; return ''; })()`)
			var o overflow
			if err := json.Unmarshal([]byte(tb.Eval(overflowJS)), &o); err != nil {
				t.Fatal(err)
			}
			if o.Scroll > o.Inner {
				t.Errorf("%s at %d px scrolls sideways: %d px wide; sticking out: %v", page, width, o.Scroll, o.Out)
			}
			// The subject as drawn: the mark, then the letters left to right in
			// the order they were sent.
			got := tb.Eval(`(() => {
				const s = [...document.querySelectorAll('[data-testid="message"] .subject')].find(e => e.textContent.includes('gnp'));
				if (!s) return 'no subject';
				const mark = s.querySelector('.bidi-mark');
				const text = [...s.childNodes].find(n => n.nodeType === Node.TEXT_NODE);
				const x = i => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1); return r.getBoundingClientRect().left; };
				let order = 'left to right';
				for (let i = 1; i < text.length; i++) if (x(i) <= x(i - 1)) order = 'reordered at ' + i;
				if (mark && mark.getBoundingClientRect().right > x(0) + 0.5) order = 'mark after the text';
				return s.textContent + ' ' + order;
			})()`)
			if want := "⟨RLO⟩gnp.exe left to right"; got != want {
				t.Errorf("%s at %d px: subject drawn as %q, want %q", page, width, got, want)
			}
		}
	}
	tb.Close()
}
