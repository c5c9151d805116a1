package live

import (
	"bufio"
	"io"
	"net/smtp"
	"strings"
	"testing"
)

// BenchmarkIMAPFetch fetches one stored 4 KB message over the lab's real
// IMAP port again and again on one logged-in connection, as a mail
// client's "open message" does: FETCH BODY.PEEK[] and its literal.
func BenchmarkIMAPFetch(b *testing.B) {
	l := startLab(b, nil)
	if err := smtp.SendMail(l.SMTPAddr().String(), nil, "alice@mailsim.test", []string{"bob@mailsim.test"}, []byte(benchMessage)); err != nil {
		b.Fatal(err)
	}
	s := dial(b, l.IMAPAddr())
	s.expect("* OK ")
	s.send("a LOGIN bob hungry", "b SELECT INBOX")
	s.expect("a OK ")
	for ln := s.line(); !strings.HasPrefix(ln, "b OK"); ln = s.line() { // SELECT's untagged lines
	}
	w := bufio.NewWriter(s.c)
	size := int64(len(box(l, "bob@mailsim.test")[0].Raw))
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		w.WriteString("f FETCH 1 BODY.PEEK[]\r\n")
		w.Flush()
		head := s.line() // "* 1 FETCH (BODY[] {n}"
		if !strings.HasSuffix(head, "}") {
			b.Fatalf("FETCH answered %q", head)
		}
		if _, err := io.CopyN(io.Discard, s.br, size); err != nil {
			b.Fatal(err)
		}
		s.expect(")")
		s.expect("f OK ")
	}
}
