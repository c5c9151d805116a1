package console

import (
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mailsim/sim/dns"
	"mailsim/web/browsertest"
	"mailsim/web/webtest"
)

// termEvents counts the lines the console's terminal shows.
const termEvents = `document.querySelectorAll('#term [data-testid="event"]').length`

// litState is the state lit in a protocol's diagram, or "".
func litState(proto string) string {
	return fmt.Sprintf(`(document.querySelector('figure[data-proto="%s"] .state.lit') || {dataset: {}}).dataset.state || ''`, proto)
}

// TestBrowserConsoleSMTPThenPOP3: the lecture's telnet session typed into
// the console delivers a message, and the POP3 console fetches it.
func TestBrowserConsoleSMTPThenPOP3(t *testing.T) {
	srv, _ := consoleServer(t)
	tb := browsertest.Open(t)
	do, eval, until := tb.Do, tb.Eval, tb.Until
	shown := 0
	// typeLine types a line and waits for it and its replies; want, when
	// given, is how the last reply begins.
	typeLine := func(line string, replies int, want string) {
		t.Helper()
		do("typing "+line, browsertest.TypeInto(`#line`, line+"\r")...)
		shown += 1 + replies
		until(fmt.Sprintf("the answer to %q", line), fmt.Sprintf(`%s >= %d`, termEvents, shown))
		if want == "" {
			return
		}
		got := eval(`[...document.querySelectorAll('#term [data-testid="event"]')].at(-1).querySelector('.wire').textContent`)
		if !strings.HasPrefix(got, want) {
			t.Errorf("%q: the server answered %q, want %q…", line, got, want)
		}
	}
	wantLit := func(proto, state string) {
		t.Helper()
		if got := eval(litState(proto)); got != state {
			t.Errorf("the %s diagram lights %q, want %q", proto, got, state)
		}
	}

	tb.Navigate(srv.URL + "/console?lang=en")
	do("connecting to port 25", chromedp.Click(chromedp.CSS(`[data-testid="connect-smtp"]`)))
	shown = 1
	until("the greeting", termEvents+` >= 1 && document.getElementById('console').dataset.live === 'true'`)
	wantLit("smtp", "Greeted")
	if h := eval(`document.querySelector('[data-testid="hint"]').textContent`); !strings.HasPrefix(h, "Valid now: HELO · EHLO · MAIL") {
		t.Errorf("hint after the greeting: %q", h)
	}
	typeLine("helo pc", 1, "250 mailsim.test")
	wantLit("smtp", "Ready")
	typeLine("mail from: ms@elcom.pub.ro", 1, "250 2.1.0 Ok")
	wantLit("smtp", "MailFrom")
	typeLine("rcpt to: bob@mailsim.test", 1, "250 2.1.5 Ok")
	typeLine("data", 1, "354 End data with <CR><LF>.<CR><LF>")
	wantLit("smtp", "Data")
	if h := eval(`document.querySelector('[data-testid="hint"]').textContent`); !strings.Contains(h, "“.”") {
		t.Errorf("hint in DATA: %q", h)
	}
	for _, line := range []string{"From: Studentu Cutare", "Subject: test", "", "mail de test"} {
		typeLine(line, 0, "")
	}
	typeLine(".", 1, "250 2.0.0 Ok: queued as ")
	wantLit("smtp", "Ready")
	if box := eval(`document.querySelector('[data-testid="mailbox"][data-address="bob@mailsim.test"]').textContent`); !strings.Contains(box, "test") {
		t.Errorf("bob's mailbox after the dot: %q", box)
	}
	typeLine("quit", 1, "221 2.0.0 Bye")
	until("the closed connection", `!document.querySelector('[data-testid="connect-pop3"]').disabled`)
	if last := eval(`document.querySelector('#term li:last-child').textContent`); last != "Connection closed by foreign host." {
		t.Errorf("the terminal ends with %q", last)
	}

	// A POP3 session; ↑ and ↓ walk the lines typed so far.
	do("connecting to port 110", chromedp.Click(chromedp.CSS(`[data-testid="connect-pop3"]`)))
	shown++
	until("the POP3 greeting", fmt.Sprintf(`%s >= %d`, termEvents, shown))
	wantLit("pop3", "Authorization")
	if hidden := eval(`String(document.querySelector('figure[data-proto="smtp"]').hidden)`); hidden != "true" {
		t.Error("the SMTP diagram still shows in a POP3 session")
	}
	do("pressing ↑ twice", browsertest.TypeInto(`#line`, kb.ArrowUp+kb.ArrowUp)...)
	if v := eval(`document.getElementById('line').value`); v != "." {
		t.Errorf("↑↑ brings back %q, want the line before quit", v)
	}
	do("pressing ↓ twice", browsertest.TypeInto(`#line`, kb.ArrowDown+kb.ArrowDown)...)
	if v := eval(`document.getElementById('line').value`); v != "" {
		t.Errorf("↓ past the newest line leaves %q", v)
	}
	typeLine("user bob", 1, "+OK")
	typeLine("pass hungry", 1, "+OK")
	wantLit("pop3", "Transaction")
	typeLine("list", 1, "+OK 1 messages")
	typeLine("retr 1", 1, "+OK")
	body := eval(`[...document.querySelectorAll('#term [data-testid="event"]')].at(-1).textContent`)
	for _, want := range []string{"Subject: test", "mail de test", "Received: from pc (console:1) by mailsim.test"} {
		if !strings.Contains(body, want) {
			t.Errorf("RETR 1 shows %q, lacking %q", body, want)
		}
	}
	typeLine("quit", 1, "+OK")
	until("the end of the POP3 session", `!document.querySelector('[data-testid="connect-smtp"]').disabled`)
	tb.Close()
}

// TestBrowserLiveShowsCurl: a session curl makes on the lab's real SMTP port
// appears on the live page as it happens.
func TestBrowserLiveShowsCurl(t *testing.T) {
	curl, err := exec.LookPath("/usr/bin/curl")
	if err != nil {
		t.Skip("no curl")
	}
	l := webtest.StartLab(t, "127.0.0.1:0")
	srv := httptest.NewServer(serve(webtest.Shipped(t), l))
	defer srv.Close()
	tb := browsertest.Open(t)
	tb.Navigate(srv.URL + "/live?lang=en")
	tb.Until("the websocket", `document.getElementById('live').dataset.live === 'true'`)
	if n := tb.Eval(`String(document.querySelectorAll('#transcript [data-testid="event"]').length)`); n != "0" {
		t.Fatalf("the live page opens with %s events", n)
	}

	msg := filepath.Join(t.TempDir(), "msg.txt")
	if err := os.WriteFile(msg, []byte("Subject: seen live\r\n\r\nhello from curl\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(curl, "-sS", "--url", "smtp://"+l.SMTPAddr().String(), "--mail-from", "student@mailsim.test",
		"--mail-rcpt", "bob@mailsim.test", "-T", msg).CombinedOutput()
	if err != nil {
		t.Fatalf("curl: %v %s", err, out)
	}
	tb.Until("curl's session", `[...document.querySelectorAll('#transcript [data-testid="event"]')].some(e => e.classList.contains('kind-disconnect'))`)
	lines := tb.Eval(`[...document.querySelectorAll('#transcript [data-testid="event"]')].map(e => e.querySelector('.side').textContent + ' ' + e.querySelector('.wire').textContent).join('\n')`)
	for _, want := range []string{"S: 220 mailsim.test", "C: EHLO", "C: MAIL FROM:<student@mailsim.test>", "C: RCPT TO:<bob@mailsim.test>", "S: 354", "hello from curl", "S: 250 2.0.0 Ok: queued as", "C: QUIT", "S: 221"} {
		if !strings.Contains(lines, want) {
			t.Errorf("the live transcript lacks %q:\n%s", want, lines)
		}
	}
	if who := tb.Eval(`document.querySelector('#transcript [data-testid="event"] .who').textContent`); !strings.Contains(who, "client:127.0.0.1:") {
		t.Errorf("the client is shown as %q", who)
	}
	if s := tb.Eval(litState("smtp")); s != "Closed" {
		t.Errorf("the SMTP diagram lights %q after curl left", s)
	}
	if box := tb.Eval(`document.querySelector('[data-testid="mailbox"][data-address="bob@mailsim.test"]').textContent`); !strings.Contains(box, "seen live") {
		t.Errorf("bob's mailbox: %q", box)
	}
	tb.Close()
}

// TestBrowserNslookup types the lecture's nslookup session (nslookup,
// yahoo.com, set type=MX, yahoo.com) into the page and checks that every
// answer shows what nslookup printed for that line: sim/dns's
// TestLectureSession holds those lines against the lecture's slides. Then
// the lab's own domain answers MX, and the lecture's zone lights its rows.
func TestBrowserNslookup(t *testing.T) {
	srv := httptest.NewServer(serve(webtest.Shipped(t), nil))
	defer srv.Close()
	zones, err := consoleZones(webtest.Shipped(t))
	if err != nil {
		t.Fatal(err)
	}
	res, err := dns.NewResolver(zones...)
	if err != nil {
		t.Fatal(err)
	}
	want := dns.NewConsole(res, nslookupServer)

	tb := browsertest.Open(t)
	tb.Navigate(srv.URL + "/console/nslookup?lang=ro")
	tb.Until("the websocket", `document.getElementById('nslookup').dataset.live === 'true'`)
	answer := func(n int, line string) string {
		t.Helper()
		tb.Do("typing "+line, browsertest.TypeInto(`#line`, line+"\r")...)
		tb.Until("the answer to "+line, fmt.Sprintf(`document.querySelectorAll('#term [data-testid="answer"]').length === %d`, n))
		return tb.Eval(`[...document.querySelectorAll('#term [data-testid="answer"]:last-child .wire .wl')].map(d => d.textContent).join('\n')`)
	}
	var last string
	for i, line := range lectureSession {
		last = answer(i+1, line)
		if w := strings.Join(append([]string{"> " + line}, want.Feed(line)...), "\n"); last != w {
			t.Errorf("after %q the page shows\n%s\nnslookup prints\n%s", line, last, w)
		}
	}
	for _, w := range []string{"Server:\t\t141.85.43.10", "Address:\t141.85.43.10#53", "Non-authoritative answer:",
		"yahoo.com\tmail exchanger = 1 mta7.am0.yahoodns.net.", "Authoritative answers can be found from:",
		"yahoo.com\tnameserver = ns6.yahoo.com.", "ns6.yahoo.com\thas AAAA address 2406:2000:108:4::1006"} {
		if !strings.Contains(last, w) {
			t.Errorf("the lecture's MX answer lacks %q:\n%s", w, last)
		}
	}
	if out := answer(5, "mailsim.test"); !strings.Contains(out, "mailsim.test\tmail exchanger = 10 mailsim.test.") {
		t.Errorf("the lab's domain: %q", out)
	}
	answer(6, "example.com")
	if lit := tb.Eval(`[...document.querySelectorAll('tr.lit')].map(r => r.dataset.row).join(' ')`); lit != "0.3 0.4" {
		t.Errorf("lit zone rows %q, want the lecture's two MX rows", lit)
	}
	tb.Close()
}
