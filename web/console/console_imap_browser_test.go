package console

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"mailsim/web/browsertest"
)

// TestBrowserConsoleIMAP: the IMAP button connects to port 143, the IMAP
// state diagram follows LOGIN and SELECT, and the hint line asks for tags.
func TestBrowserConsoleIMAP(t *testing.T) {
	srv, _ := consoleServer(t)
	tb := browsertest.Open(t)
	do, eval, until := tb.Do, tb.Eval, tb.Until
	shown := 0
	typeLine := func(line string, replies int) {
		t.Helper()
		do("typing "+line, browsertest.TypeInto(`#line`, line+"\r")...)
		shown += 1 + replies
		until(fmt.Sprintf("the answer to %q", line), fmt.Sprintf(`%s >= %d`, termEvents, shown))
	}
	hint := func() string { return eval(`document.querySelector('[data-testid="hint"]').textContent`) }

	tb.Navigate(srv.URL + "/console?lang=en")
	if b := eval(`document.querySelector('[data-testid="connect-imap"]').textContent`); !strings.Contains(b, "143") || !strings.Contains(b, "IMAP") {
		t.Errorf("IMAP button: %q", b)
	}
	do("connecting to port 143", chromedp.Click(chromedp.CSS(`[data-testid="connect-imap"]`)))
	shown = 1
	until("the greeting", termEvents+` >= 1 && document.getElementById('console').dataset.live === 'true'`)
	if got := eval(litState("imap")); got != "NotAuthenticated" {
		t.Errorf("after the greeting the IMAP diagram lights %q", got)
	}
	if h := hint(); !strings.Contains(h, "a1 LOGIN") || !strings.Contains(h, "LOGIN · AUTHENTICATE") {
		t.Errorf("hint after the greeting: %q", h)
	}
	typeLine("a1 login bob hungry", 1)
	typeLine("a2 select INBOX", 1)
	if got := eval(litState("imap")); got != "Selected" {
		t.Errorf("after SELECT the IMAP diagram lights %q", got)
	}
	if h := hint(); !strings.Contains(h, "FETCH · SEARCH") {
		t.Errorf("hint in Selected: %q", h)
	}
}
