package live

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"net/smtp"
	"net/textproto"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNetSMTPAttachment sends a multipart message with a Base64 attachment
// through Go's own SMTP client, then fetches it back over POP3 and checks
// that the attachment's bytes survived both trips.
func TestNetSMTPAttachment(t *testing.T) {
	l := startLab(t, nil)
	attachment := make([]byte, 30000)
	if _, err := rand.Read(attachment); err != nil {
		t.Fatal(err)
	}
	msg := multipartMessage(t, attachment)
	if err := smtp.SendMail(l.SMTPAddr().String(), nil, "alice@mailsim.test", []string{"bob@mailsim.test"}, msg); err != nil {
		t.Fatal(err)
	}
	stored := box(l, "bob@mailsim.test")
	if len(stored) != 1 {
		t.Fatalf("bob has %d messages", len(stored))
	}
	if got := attachmentOf(t, []byte(stored[0].Raw)); !bytes.Equal(got, attachment) {
		t.Fatal("stored attachment differs")
	}

	s := dial(t, l.POP3Addr())
	s.expect("+OK ")
	s.send("USER bob", "PASS hungry", "RETR 1", "QUIT")
	s.expect("+OK bob")
	s.expect("+OK 1 messages")
	s.expect("+OK ")
	fetched := strings.Join(s.multi(), "\r\n") + "\r\n"
	s.expect("+OK ")
	if got := attachmentOf(t, []byte(fetched)); !bytes.Equal(got, attachment) {
		t.Fatal("attachment fetched over POP3 differs")
	}
}

// multipartMessage builds a text part and a Base64 attachment, with lines
// of 76 characters as RFC 2045 §6.8 asks.
func multipartMessage(t *testing.T, attachment []byte) []byte {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	text, _ := w.CreatePart(textproto.MIMEHeader{"Content-Type": {"text/plain; charset=utf-8"}})
	io.WriteString(text, "Tema atașată.\r\n.\r\n")
	part, _ := w.CreatePart(textproto.MIMEHeader{
		"Content-Type":              {"application/octet-stream"},
		"Content-Transfer-Encoding": {"base64"},
		"Content-Disposition":       {`attachment; filename="tema.bin"`},
	})
	enc := base64.StdEncoding.EncodeToString(attachment)
	for len(enc) > 76 {
		io.WriteString(part, enc[:76]+"\r\n")
		enc = enc[76:]
	}
	io.WriteString(part, enc+"\r\n")
	w.Close()
	head := "From: alice@mailsim.test\r\nTo: bob@mailsim.test\r\nSubject: " + mime.QEncoding.Encode("utf-8", "Temă") +
		"\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=" + w.Boundary() + "\r\n\r\n"
	return append([]byte(head), body.Bytes()...)
}

// attachmentOf parses a message and returns its decoded attachment.
func attachmentOf(t *testing.T, raw []byte) []byte {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	_, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	r := multipart.NewReader(m.Body, params["boundary"])
	for {
		p, err := r.NextPart()
		if err != nil {
			t.Fatalf("no attachment: %v", err)
		}
		if p.FileName() == "tema.bin" {
			data, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, p))
			if err != nil {
				t.Fatal(err)
			}
			return data
		}
	}
}

// TestCurl sends with curl's SMTP client and fetches with its POP3 client,
// as a student would from a shell.
func TestCurl(t *testing.T) {
	curl, err := exec.LookPath("curl")
	if err != nil {
		t.Skip("curl not installed")
	}
	l := startLab(t, nil)
	file := filepath.Join(t.TempDir(), "mail.txt")
	text := "From: alice@mailsim.test\r\nTo: student@mailsim.test\r\nSubject: curl\r\n\r\nSalut din curl.\r\n.leading dot\r\n"
	if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(curl, "-sS", "--max-time", "20", "smtp://"+l.SMTPAddr().String(),
		"--mail-from", "alice@mailsim.test", "--mail-rcpt", "student@mailsim.test", "--upload-file", file).CombinedOutput()
	if err != nil {
		t.Fatalf("curl smtp: %v\n%s", err, out)
	}
	stored := box(l, "student@mailsim.test")
	if len(stored) != 1 || !strings.HasSuffix(stored[0].Raw, text) {
		t.Fatalf("stored %+v", stored)
	}
	got, err := exec.Command(curl, "-sS", "--max-time", "20", "pop3://student:student@"+l.POP3Addr().String()+"/1").Output()
	if err != nil {
		t.Fatalf("curl pop3: %v", err)
	}
	if string(got) != stored[0].Raw {
		t.Fatalf("curl fetched\n%q\nstored\n%q", got, stored[0].Raw)
	}
}
