package smtp

import (
	"slices"
	"strings"
	"testing"
)

func TestParseAddressUTF8(t *testing.T) {
	for _, s := range []string{"ștefan@mailsim.test", "Ștefan.Țuțu@mailsim.test", `"ș ț"@mailsim.test`, "ana@țară.ro", "用户@例子.广告"} {
		a, ok := ParseAddress(s)
		if !ok || a.ASCII() || a.String() != s {
			t.Errorf("ParseAddress(%q) = %+v, %v", s, a, ok)
		}
	}
	if a, _ := ParseAddress("Ștefan@MailSim.Test"); a.Canonical() != "ștefan@mailsim.test" {
		t.Errorf("canonical %q", a.Canonical())
	}
	for _, s := range []string{
		"\xc8@mailsim.test",               // not UTF-8
		"\u202egnp.exe@mailsim.test",      // a right-to-left override
		"a\u200bb@mailsim.test",           // a zero-width space
		"a@b\u00a0c.ro",                   // a no-break space
		strings.Repeat("ș", 33) + "@x.ro", // 66 octets, over 64
		"a@ț-.ro",
	} {
		if a, ok := ParseAddress(s); ok {
			t.Errorf("ParseAddress(%q) = %+v, want an error", s, a)
		}
	}
	if a, ok := ParseAddress(strings.Repeat("ș", 32) + "@x.ro"); !ok {
		t.Errorf("64 octets refused: %+v", a)
	}
}

// TestSMTPUTF8 follows RFC 6531: a client that declares SMTPUTF8 may send
// UTF-8 addresses, one that does not is refused with 553 5.6.7, and the
// envelope says which it was.
func TestSMTPUTF8(t *testing.T) {
	b := newBackend()
	got, _ := session(Config{Hostname: "matrix", Backend: b}, "EHLO x",
		"MAIL FROM:<ana@țară.ro> SMTPUTF8", "RCPT TO:<ștefan@matrix>", "DATA", "Subject: Salut, Ștefan", "", "Bună!", ".")
	if !slices.Contains(got, "250-SMTPUTF8") || got[len(got)-1] != "250 2.0.0 Ok: queued as DF94192146" {
		t.Fatalf("transcript %q", got)
	}
	if len(b.msgs) != 1 || !b.msgs[0].env.UTF8 || b.msgs[0].env.From != "ana@țară.ro" || b.msgs[0].env.To[0] != "ștefan@matrix" {
		t.Fatalf("stored %+v", b.msgs)
	}

	refused := "553 5.6.7 Recipient address rejected: Must declare SMTPUTF8 to send unicode address"
	got, s := session(matrix(), "HELO x", "MAIL FROM:<ms@elcom.pub.ro>", "RCPT TO:<ștefan@matrix>", "RCPT TO:<asil@matrix>")
	if got[3] != refused || got[4] != "250 2.1.5 Ok" || len(s.Envelope().To) != 1 || s.Envelope().UTF8 {
		t.Errorf("got %q, envelope %+v", got, s.Envelope())
	}
	r := needsSMTPUTF8("Recipient")
	if r.Key() != "smtp.why.needs-smtputf8" {
		t.Errorf("key %q", r.Key())
	}
	got, _ = session(matrix(), "HELO x", "MAIL FROM:<ms@elcom.pub.ro> SMTPUTF8=yes")
	if got[2] != "501 5.5.4 SMTPUTF8 takes no value" {
		t.Errorf("got %q", got[2])
	}
	// RSET ends the transaction, and SMTPUTF8 with it.
	got, _ = session(matrix(), "HELO x", "MAIL FROM:<ms@elcom.pub.ro> SMTPUTF8", "RSET", "MAIL FROM:<ms@elcom.pub.ro>", "RCPT TO:<ștefan@matrix>")
	if got[5] != refused {
		t.Errorf("after RSET: %q", got[5])
	}
}
