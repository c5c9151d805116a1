package sim

import "testing"

// TestReplyClass covers the replies of the three protocols as the views
// colour them: SMTP by its code's first digit, POP3's two status words,
// and no class for what is neither (a SASL challenge, IMAP's responses).
func TestReplyClass(t *testing.T) {
	for _, c := range []struct {
		code int
		line string
		want int
	}{
		{220, "220 mx.example.net ESMTP", 2},
		{250, "250-mx.example.net\r\n250 HELP", 2},
		{354, "354 End data with <CR><LF>.<CR><LF>", 3},
		{451, "451 4.7.1 Greylisted, try again later", 4},
		{421, "421 4.3.2 Service not available", 4},
		{550, "550 5.1.1 No such user", 5},
		{0, "+OK POP3 server ready", 2},
		{0, "+OK 2 messages\r\n1 120\r\n2 200\r\n.", 2},
		{0, "-ERR [AUTH] invalid password", 5},
		{0, "+ ", 0},                             // POP3 SASL challenge (RFC 5034)
		{0, "* OK IMAP4rev1 ready", 0},           // IMAP greeting
		{0, "a001 OK LOGIN completed", 0},        // tagged OK
		{0, "a002 NO [AUTHENTICATIONFAILED]", 0}, // tagged NO
		{0, "a003 BAD unknown command", 0},       // tagged BAD
		{0, "* 2 EXISTS\r\na004 OK done", 0},     // untagged data, then the tagged end
		{0, "+ Ready for literal data", 0},       // IMAP continuation
	} {
		if got := ReplyClass(c.code, c.line); got != c.want {
			t.Errorf("ReplyClass(%d, %q) = %d, want %d", c.code, c.line, got, c.want)
		}
	}
}

// TestSideMark checks the marks every transcript prints.
func TestSideMark(t *testing.T) {
	for side, want := range map[Side]string{SideClient: "C:", SideServer: "S:", "": ""} {
		if got := side.Mark(); got != want {
			t.Errorf("%q.Mark() = %q, want %q", side, got, want)
		}
	}
}
