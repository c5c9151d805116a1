package live

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"net"
	"net/smtp"
	"net/textproto"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mailsim/sim"
	"mailsim/sim/wire"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// startTLSLab runs a lab that offers TLS on every port, with a submission
// port too.
func startTLSLab(t *testing.T) *Lab {
	t.Helper()
	return startLab(t, func(c *Config) { c.TLS, c.SubmissionAddr = true, "127.0.0.1:0" })
}

// trust is a client TLS configuration that trusts the lab's certificate
// and nothing else, as a student's client does once given the PEM.
func trust(t *testing.T, l *Lab) *tls.Config {
	t.Helper()
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(l.CertPEM()) {
		t.Fatal("the lab's PEM does not parse")
	}
	return &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}
}

// certFile writes the lab's certificate where curl and Python read it.
func certFile(t *testing.T, l *Lab) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lab.pem")
	if err := os.WriteFile(path, l.CertPEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

const tlsMsg = "From: student@mailsim.test\r\nTo: bob@mailsim.test\r\nSubject: inside TLS\r\n\r\nSent after STARTTLS.\r\n"

// TestGoSMTPStartTLSAuth submits a message with Go's net/smtp over the
// submission port: STARTTLS with the lab's certificate as the only root,
// AUTH PLAIN, one local recipient. A recipient elsewhere still gets 554:
// a login is no licence to relay.
func TestGoSMTPStartTLSAuth(t *testing.T) {
	l := startTLSLab(t)
	if fp := l.Fingerprint(); len(fp) != 95 || strings.Count(fp, ":") != 31 {
		t.Errorf("fingerprint %q", fp)
	}
	c, err := smtp.Dial(l.SubmissionAddr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Hello("client.example"); err != nil {
		t.Fatal(err)
	}
	if err := c.Mail("student@mailsim.test"); code(err) != 530 {
		t.Fatalf("MAIL before AUTH: %v", err)
	}
	if ok, _ := c.Extension("STARTTLS"); !ok {
		t.Fatal("STARTTLS not offered")
	}
	if err := c.StartTLS(trust(t, l)); err != nil {
		t.Fatal(err)
	}
	if ok, mechs := c.Extension("AUTH"); !ok || !strings.Contains(mechs, "PLAIN") {
		t.Fatalf("AUTH inside TLS: %q", mechs)
	}
	if err := c.Auth(smtp.PlainAuth("", "student@mailsim.test", "student", "127.0.0.1")); err != nil {
		t.Fatal(err)
	}
	if err := c.Mail("student@mailsim.test"); err != nil {
		t.Fatal(err)
	}
	if err := c.Rcpt("bob@mailsim.test"); err != nil {
		t.Fatal(err)
	}
	w, err := c.Data()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte(tlsMsg)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := c.Mail("student@mailsim.test"); err != nil {
		t.Fatal(err)
	}
	if err := c.Rcpt("someone@elsewhere.example"); code(err) != 554 {
		t.Errorf("relay after AUTH: %v", err)
	}
	if err := c.Quit(); err != nil {
		t.Fatal(err)
	}
	// net/smtp declares SMTPUTF8 whenever the server offers it, so the
	// Received line says UTF8SMTPSA: inside TLS, logged in, SMTPUTF8.
	if got := box(l, "bob@mailsim.test"); len(got) != 1 || !strings.HasSuffix(got[0].Raw, tlsMsg) || !strings.Contains(got[0].Raw, " with UTF8SMTPSA id ") {
		t.Fatalf("bob's mailbox: %+v", got)
	}
	l.Close()
	checkTLSEvents(t, l.History(), "smtp")
}

// code is the reply code of a net/smtp error, 0 for none.
func code(err error) int {
	var te *textproto.Error
	if errors.As(err, &te) {
		return te.Code
	}
	return 0
}

// checkTLSEvents finds the mark where proto's session entered TLS: the
// STARTTLS and its go-ahead come before it in clear, everything of the
// session after it carries the flag.
func checkTLSEvents(t *testing.T, events []sim.Event, proto string) {
	t.Helper()
	mark := -1
	for i, e := range events {
		if e.Proto != proto {
			continue
		}
		if e.Key == wire.KeyTLSStart {
			if mark >= 0 || e.Kind != sim.KindNote || !strings.HasPrefix(e.Line, "TLS 1.") || !e.TLS {
				t.Errorf("TLS mark %+v", e)
			}
			mark = i
			continue
		}
		if want := mark >= 0 && e.Kind != sim.KindStore && e.Kind != sim.KindDelete; e.TLS != want {
			t.Errorf("event %d %s %q: tls %v, want %v", i, e.Kind, e.Line, e.TLS, want)
		}
	}
	if mark < 0 {
		t.Fatalf("no %s event marks the start of TLS", proto)
	}
}

// TestClearAuthOnLoopback: on the plain SMTP port a loopback client may
// log in with PLAIN without TLS, and the reply's explanation warns that
// the password crossed in clear.
func TestClearAuthOnLoopback(t *testing.T) {
	l := startTLSLab(t)
	s := dial(t, l.SMTPAddr())
	s.expect("220 ")
	s.send("EHLO client.example")
	var ext []string
	for l := s.expect("250"); ; l = s.expect("250") {
		ext = append(ext, l[4:])
		if l[3] == ' ' {
			break
		}
	}
	if !strings.Contains(strings.Join(ext, ","), "STARTTLS,AUTH PLAIN LOGIN CRAM-MD5") {
		t.Fatalf("EHLO on loopback: %q", ext)
	}
	s.send("AUTH PLAIN AHN0dWRlbnQAc3R1ZGVudA==", "QUIT") // \0student\0student
	s.expect("235 2.7.0 ")
	s.expect("221 ")
	l.Close()
	found := false
	for _, e := range l.History() {
		found = found || e.Code == 235 && e.Key == "smtp.why.auth-in-clear"
	}
	if !found {
		t.Error("no 235 explained as a password sent in clear")
	}
}

// TestGoIMAPStartTLS logs in with go-imap v2's client after STARTTLS and
// reads a message.
func TestGoIMAPStartTLS(t *testing.T) {
	l := startTLSLab(t)
	submit(t, l)
	c, err := imapclient.DialStartTLS(l.IMAPAddr().String(), &imapclient.Options{TLSConfig: trust(t, l)})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if c.Caps().Has(imap.CapStartTLS) {
		t.Error("STARTTLS still offered inside TLS")
	}
	if err := c.Login("bob@mailsim.test", "hungry").Wait(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		t.Fatal(err)
	}
	msgs, err := c.Fetch(imap.SeqSetNum(1), &imap.FetchOptions{BodySection: []*imap.FetchItemBodySection{{Peek: true}}}).Collect()
	if err != nil || len(msgs) != 1 {
		t.Fatalf("FETCH: %v %d", err, len(msgs))
	}
	for _, body := range msgs[0].BodySection {
		if !strings.HasSuffix(string(body.Bytes), tlsMsg) {
			t.Errorf("fetched %q", body.Bytes)
		}
	}
	if err := c.Logout().Wait(); err != nil {
		t.Fatal(err)
	}
	l.Close()
	checkTLSEvents(t, l.History(), "imap")
}

// submit puts tlsMsg in bob's mailbox through the submission port, with
// STARTTLS and PLAIN.
func submit(t *testing.T, l *Lab) {
	t.Helper()
	c, err := smtp.Dial(l.SubmissionAddr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, err := range []error{c.StartTLS(trust(t, l)), c.Auth(smtp.PlainAuth("", "student", "student", "127.0.0.1"))} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Mail("student@mailsim.test"); err != nil {
		t.Fatal(err)
	}
	if err := c.Rcpt("bob@mailsim.test"); err != nil {
		t.Fatal(err)
	}
	w, err := c.Data()
	if err != nil {
		t.Fatal(err)
	}
	_, _ = w.Write([]byte(tlsMsg))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	_ = c.Quit()
}

// TestCurlSSLReqd sends with curl over smtp:// (submission, STARTTLS and
// a login) and reads back over pop3:// and imap://, each with --ssl-reqd
// and the lab's certificate as the only CA.
func TestCurlSSLReqd(t *testing.T) {
	curl, err := exec.LookPath("curl")
	if err != nil {
		t.Skip("curl not installed")
	}
	l := startTLSLab(t)
	ca := certFile(t, l)
	run := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(curl, append([]string{"-sS", "--max-time", "20", "--ssl-reqd", "--cacert", ca}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("curl %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	msg := filepath.Join(t.TempDir(), "msg.txt")
	if err := os.WriteFile(msg, []byte(tlsMsg), 0o600); err != nil {
		t.Fatal(err)
	}
	run("smtp://"+l.SubmissionAddr().String(), "--user", "student@mailsim.test:student",
		"--mail-from", "student@mailsim.test", "--mail-rcpt", "bob@mailsim.test", "--upload-file", msg)
	if got := box(l, "bob@mailsim.test"); len(got) != 1 {
		t.Fatalf("bob holds %d messages", len(got))
	}
	if out := run("pop3://bob%40mailsim.test:hungry@" + l.POP3Addr().String() + "/1"); !strings.HasSuffix(out, tlsMsg) {
		t.Errorf("pop3 RETR: %q", out)
	}
	if out := run("imap://bob%40mailsim.test:hungry@" + l.IMAPAddr().String() + "/INBOX;UID=1"); !strings.HasSuffix(out, tlsMsg) {
		t.Errorf("imap FETCH: %q", out)
	}
	l.Close()
	for _, proto := range []string{"smtp", "pop3", "imap"} {
		checkTLSEvents(t, l.History(), proto)
	}
}

// TestPythonTLS uses Python's smtplib (starttls, login), poplib (stls)
// and imaplib (starttls), when python3 is installed, each verifying the
// lab's certificate.
func TestPythonTLS(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	l := startTLSLab(t)
	host, sub, _ := net.SplitHostPort(l.SubmissionAddr().String())
	_, pop, _ := net.SplitHostPort(l.POP3Addr().String())
	_, imp, _ := net.SplitHostPort(l.IMAPAddr().String())
	script := `
import imaplib, poplib, smtplib, ssl, sys
host, sub, pop, imp, ca, msg = sys.argv[1:7]
ctx = ssl.create_default_context(cafile=ca)
s = smtplib.SMTP(host, int(sub))
s.starttls(context=ctx)
s.login("student@mailsim.test", "student")
s.sendmail("student@mailsim.test", ["bob@mailsim.test"], msg.encode())
try:
    s.sendmail("student@mailsim.test", ["x@elsewhere.example"], msg.encode())
    sys.exit("relayed after login")
except smtplib.SMTPRecipientsRefused as e:
    assert e.recipients["x@elsewhere.example"][0] == 554, e.recipients
s.quit()
p = poplib.POP3(host, int(pop))
p.stls(context=ctx)
p.user("bob@mailsim.test")
p.pass_("hungry")
resp, lines, octets = p.retr(1)
assert b"Sent after STARTTLS." in lines, lines
p.quit()
m = imaplib.IMAP4(host, int(imp))
m.starttls(ssl_context=ctx)
m.login("bob@mailsim.test", "hungry")
typ, data = m.select("INBOX")
assert typ == "OK" and data == [b"1"], data
typ, data = m.fetch("1", "(BODY.PEEK[])")
sys.stdout.buffer.write(data[0][1])
m.logout()
`
	out, err := exec.Command(py, "-c", script, host, sub, pop, imp, certFile(t, l), tlsMsg).CombinedOutput()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, out)
	}
	if !strings.HasSuffix(string(out), tlsMsg) {
		t.Fatalf("imaplib fetched %q", out)
	}
	l.Close()
	for _, proto := range []string{"smtp", "pop3", "imap"} {
		checkTLSEvents(t, l.History(), proto)
	}
}

// TestTLSCertFiles: -tls-cert and -tls-key replace the certificate made
// at start-up, and one without the other, or a file that is no
// certificate, stops the lab with an error that says so.
func TestTLSCertFiles(t *testing.T) {
	cert, err := wire.SelfSigned("lab.example", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(cert.PrivateKey)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certPath, keyPath := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certPath, wire.PEM(cert), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyPath, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	l := startLab(t, func(c *Config) { c.TLSCert, c.TLSKey = certPath, keyPath })
	if l.Fingerprint() != wire.Fingerprint(cert) {
		t.Errorf("fingerprint %s, want the file's %s", l.Fingerprint(), wire.Fingerprint(cert))
	}
	s := dial(t, l.SMTPAddr())
	s.expect("220 ")
	s.send("STARTTLS")
	s.expect("220 2.0.0 ")
	tc := tls.Client(s.c, &tls.Config{InsecureSkipVerify: true})
	if err := tc.Handshake(); err != nil {
		t.Fatal(err)
	}
	if got := tc.ConnectionState().PeerCertificates[0].Raw; string(got) != string(cert.Certificate[0]) {
		t.Error("the server shows another certificate than the file's")
	}
	for _, bad := range []Config{{TLSCert: certPath}, {TLSKey: keyPath}, {TLSCert: keyPath, TLSKey: certPath}} {
		if _, err := Start(bad, nil); err == nil || !strings.Contains(err.Error(), "TLS certificate") {
			t.Errorf("Start(%+v): %v", bad, err)
		}
	}
}
