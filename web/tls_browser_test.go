package web

import (
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"mailsim/sim/live"
)

// TestBrowserLiveMarksTLS: curl sends over STARTTLS (--ssl-reqd, trusting
// the lab's certificate), and the live page marks where TLS begins and
// every line after it with the lock and its explanation, as it happens and
// after a reload; STARTTLS and its 220 travelled in clear and are not
// marked.
func TestBrowserLiveMarksTLS(t *testing.T) {
	curl, err := exec.LookPath("/usr/bin/curl")
	if err != nil {
		t.Skip("no curl")
	}
	l, err := live.Start(live.Config{SMTPAddr: "127.0.0.1:0", TLS: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	srv := httptest.NewServer(New(shipped(t), l, nil))
	defer srv.Close()
	dir := t.TempDir()
	ca, msg := filepath.Join(dir, "lab.pem"), filepath.Join(dir, "msg.txt")
	if err := os.WriteFile(ca, l.CertPEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(msg, []byte("Subject: sealed\r\n\r\nover TLS\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tb := openBrowser(t)
	tb.Navigate(srv.URL + "/live?lang=en")
	tb.Until("the websocket", `document.getElementById('live').dataset.live === 'true'`)
	out, err := exec.Command(curl, "-sS", "--max-time", "20", "--ssl-reqd", "--cacert", ca, "--url", "smtp://"+l.SMTPAddr().String(),
		"--mail-from", "student@mailsim.test", "--mail-rcpt", "bob@mailsim.test", "-T", msg).CombinedOutput()
	if err != nil {
		t.Fatalf("curl: %v %s", err, out)
	}
	tb.Until("curl's session", `[...document.querySelectorAll('#transcript [data-testid="event"]')].some(e => e.classList.contains('kind-disconnect'))`)
	check := func(when string) {
		t.Helper()
		lines := tb.Eval(`[...document.querySelectorAll('#transcript [data-testid="event"]')].map(e =>
			(e.classList.contains('tls') ? 'T ' : '- ') + (e.querySelector('.tls-mark')?.title ?? '') + '|' + e.querySelector('.wire').textContent).join('\n')`)
		for _, want := range []string{"- |STARTTLS", "- |220 2.0.0 Ready to start TLS",
			"T " + tr("en", "transcript.tls") + "|TLS 1.", "T " + tr("en", "transcript.tls") + "|MAIL FROM:<student@mailsim.test>",
			"T " + tr("en", "transcript.tls") + "|250 2.0.0 Ok: queued"} {
			if !strings.Contains(lines, "\n"+want) {
				t.Errorf("%s: the transcript lacks %q:\n%s", when, want, lines)
			}
		}
	}
	check("live")
	tb.Load("reloading", chromedp.Reload())
	check("after a reload")
	tb.Close()
}
