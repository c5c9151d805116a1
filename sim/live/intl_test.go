package live

import (
	"os/exec"
	"strings"
	"testing"
	"time"

	"mailsim/sim"
	"mailsim/sim/imap"
	"mailsim/sim/pop3"
)

// stefan is the lab's account with a Romanian name.
const stefan = "ștefan@mailsim.test"

// TestSMTPUTF8RoundTrip sends to the Romanian account over the real SMTP
// port, first without SMTPUTF8 (553 5.6.7), then with it, and reads the
// message back over POP3 and over IMAP.
func TestSMTPUTF8RoundTrip(t *testing.T) {
	l := startLab(t, nil)
	s := dial(t, l.SMTPAddr())
	s.expect("220 ")
	s.send("EHLO client.example")
	var caps []string
	for l := s.line(); ; l = s.line() {
		caps = append(caps, l)
		if strings.HasPrefix(l, "250 ") {
			break
		}
	}
	if !strings.Contains(strings.Join(caps, "\n"), "250-SMTPUTF8") {
		t.Fatalf("EHLO %q", caps)
	}
	s.send("MAIL FROM:<alice@mailsim.test>", "RCPT TO:<"+stefan+">")
	s.expect("250 ")
	s.expect("553 5.6.7 Recipient address rejected: Must declare SMTPUTF8")
	s.send("RSET", "MAIL FROM:<alice@mailsim.test> SMTPUTF8", "RCPT TO:<Ștefan@mailsim.test>", "DATA")
	s.expect("250 ")
	s.expect("250 2.1.0")
	s.expect("250 2.1.5")
	s.expect("354 ")
	s.send("From: Alice <alice@mailsim.test>", "To: Ștefan <"+stefan+">", "Subject: Mărțișor", "", "La mulți ani, Ștefan!", ".", "QUIT")
	s.expect("250 2.0.0 Ok: queued as ")
	s.expect("221 ")
	msgs := box(l, stefan)
	if len(msgs) != 1 || msgs[0].Subject != "Mărțișor" {
		t.Fatalf("mailbox %+v", msgs)
	}

	p := dial(t, l.POP3Addr())
	p.expect("+OK")
	p.send("CAPA")
	p.expect("+OK")
	if capa := p.multi(); !strings.Contains(strings.Join(capa, "\n"), "UTF8 USER") {
		t.Errorf("CAPA %q", capa)
	}
	p.send("UTF8", "USER "+stefan, "PASS martisor", "RETR 1", "QUIT")
	p.expect("+OK UTF8")
	p.expect("+OK")
	p.expect("+OK 1 messages")
	p.expect("+OK")
	text := strings.Join(p.multi(), "\n")
	for _, want := range []string{"with UTF8SMTP id", "for <" + stefan + ">", "Subject: Mărțișor", "La mulți ani, Ștefan!"} {
		if !strings.Contains(text, want) {
			t.Errorf("POP3 RETR lacks %q:\n%s", want, text)
		}
	}

	m := dial(t, l.IMAPAddr())
	m.expect("* OK [CAPABILITY IMAP4rev1 LITERAL+ UIDPLUS ENABLE UTF8=ACCEPT")
	m.send(`a1 LOGIN "`+stefan+`" martisor`, "a2 ENABLE UTF8=ACCEPT", "a3 SELECT INBOX", "a4 FETCH 1 BODY[]", "a5 LOGOUT")
	m.expect("a1 OK")
	m.expect("* ENABLED UTF8=ACCEPT")
	m.expect("a2 OK")
	for l := m.line(); !strings.HasPrefix(l, "a3 "); l = m.line() {
	}
	m.expect("* 1 FETCH (BODY[] {")
	var body []string
	for l := m.line(); !strings.HasPrefix(l, "a4 "); l = m.line() {
		body = append(body, l)
	}
	if got := strings.Join(body, "\n"); !strings.Contains(got, "Subject: Mărțișor") || !strings.Contains(got, "La mulți ani, Ștefan!") {
		t.Errorf("IMAP BODY[]:\n%s", got)
	}
}

// TestPythonSMTPUTF8 sends with Python's smtplib and SMTPUTF8 in
// mail_options, and reads the message back with poplib (UTF8, then USER
// with the UTF-8 name) and imaplib (AUTHENTICATE PLAIN, then ENABLE
// UTF8=ACCEPT), where python3 is installed.
func TestPythonSMTPUTF8(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3")
	}
	l := startLab(t, nil)
	script := `
import imaplib, poplib, smtplib, sys
from email.message import EmailMessage
smtp_port, pop_port, imap_port = (int(a.rsplit(":", 1)[1]) for a in sys.argv[1:4])
m = EmailMessage()
m["From"] = "bob@mailsim.test"
m["To"] = "ștefan@mailsim.test"
m["Subject"] = "Salut din Python, Ștefan"
m.set_content("Bună!")
with smtplib.SMTP("127.0.0.1", smtp_port, timeout=10) as s:
    s.ehlo()
    assert s.has_extn("smtputf8"), s.esmtp_features
    s.send_message(m, mail_options=["SMTPUTF8"])

p = poplib.POP3("127.0.0.1", pop_port, timeout=10)
assert "UTF8" in p.capa(), p.capa()
p.utf8()
p.user("ștefan@mailsim.test")
p.pass_("martisor")
text = b"\r\n".join(p.retr(1)[1]).decode()
assert "Subject: Salut din Python, Ștefan" in text, text
p.quit()

i = imaplib.IMAP4("127.0.0.1", imap_port, timeout=10)
assert "UTF8=ACCEPT" in i.capabilities, i.capabilities
i.authenticate("PLAIN", lambda _: "\0ștefan@mailsim.test\0martisor".encode())
i.enable("UTF8=ACCEPT")
i.select("INBOX")
typ, data = i.fetch("1", "(BODY[])")
assert typ == "OK" and "Subject: Salut din Python, Ștefan" in data[0][1].decode(), data
i.logout()
`
	out, err := exec.Command(py, "-c", script, l.SMTPAddr().String(), l.POP3Addr().String(), l.IMAPAddr().String()).CombinedOutput()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, out)
	}
	msgs := box(l, stefan)
	if len(msgs) != 1 || msgs[0].Subject != "Salut din Python, Ștefan" {
		t.Fatalf("mailbox %+v", msgs)
	}
}

// TestLoginFailuresShown checks that the live view sees the end of a POP3
// and of an IMAP session after three failed logins, with its key, which is
// explained.
func TestLoginFailuresShown(t *testing.T) {
	l := startLab(t, nil)
	events, stop := l.Subscribe()
	defer stop()
	p := dial(t, l.POP3Addr())
	p.expect("+OK")
	for range 2 {
		p.send("USER bob@mailsim.test", "PASS wrong")
		p.expect("+OK")
		p.expect("-ERR Unknown user or incorrect password")
	}
	p.send("USER bob@mailsim.test", "PASS wrong")
	p.expect("+OK")
	p.expect("-ERR [AUTH] ")
	p.eof()
	waitFor(t, events, func(e sim.Event) bool { return e.Key == pop3.KeyTooManyFailures })
	if txt := pop3.Explanations[pop3.KeyTooManyFailures]; txt.RO == "" || txt.EN == "" {
		t.Errorf("%s is not explained", pop3.KeyTooManyFailures)
	}

	m := dial(t, l.IMAPAddr())
	m.expect("* OK")
	m.send("a1 LOGIN bob wrong", "a2 LOGIN bob wrong", "a3 LOGIN bob wrong")
	m.expect("a1 NO [AUTHENTICATIONFAILED]")
	m.expect("a2 NO [AUTHENTICATIONFAILED]")
	m.expect("a3 NO [AUTHENTICATIONFAILED]")
	m.expect("* BYE Too many failed logins")
	m.eof()
	waitFor(t, events, func(e sim.Event) bool { return e.Key == imap.KeyTooManyFailures })
	if txt := imap.Explanations[imap.KeyTooManyFailures]; txt.RO == "" || txt.EN == "" {
		t.Errorf("%s is not explained", imap.KeyTooManyFailures)
	}
}

// TestEarlyTalker checks the lab's pregreet test on its SMTP port.
func TestEarlyTalker(t *testing.T) {
	l := startLab(t, func(c *Config) { c.Wire.Pregreet = 100 * time.Millisecond })
	events, stop := l.Subscribe()
	defer stop()
	s := dial(t, l.SMTPAddr())
	s.send("EHLO spammer", "MAIL FROM:<x@y.example>")
	s.expect("554 5.5.1 ")
	s.eof()
	waitFor(t, events, func(e sim.Event) bool { return e.Key == "smtp.why.early-talker" })
}
