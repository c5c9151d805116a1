package smtp

import (
	"slices"
	"strings"
	"testing"
)

func matrix() Config { return Config{Hostname: "matrix", Backend: newBackend()} }

func withLists() Config {
	c := matrix()
	c.Backend = listBackend{newBackend()}
	return c
}

// codeCase is one documented situation that produces a reply code: the lines
// before it, the line that triggers it and the first wire line expected.
type codeCase struct {
	name   string
	cfg    func() Config
	before []string
	line   string
	want   string // first wire line of the reply to line
	state  State  // state after line
}

var (
	helo  = []string{"HELO client.example"}
	mail  = []string{"HELO client.example", "MAIL FROM:<ms@elcom.pub.ro>"}
	rcpt  = []string{"HELO client.example", "MAIL FROM:<ms@elcom.pub.ro>", "RCPT TO:<asil@matrix>"}
	inDat = []string{"HELO client.example", "MAIL FROM:<ms@elcom.pub.ro>", "RCPT TO:<asil@matrix>", "DATA", "Subject: x", ""}
)

// codeCases has at least one situation for every code of the lecture's
// table (and 252 and 555, which RFC 5321 adds).
var codeCases = []codeCase{
	{"211 HELP STATUS reports the session", matrix, mail, "HELP STATUS", "211-2.0.0 matrix status", MailFrom},
	{"214 HELP lists commands", matrix, nil, "HELP", "214-2.0.0 Commands: HELO EHLO MAIL RCPT DATA QUIT RSET VRFY NOOP TURN EXPN HELP SEND SOML SAML AUTH STARTTLS", Greeted},
	{"214 HELP on a command", matrix, nil, "help rcpt", "214-2.0.0 RCPT TO:<recipient>", Greeted},
	{"221 QUIT", matrix, helo, "QUIT", "221 2.0.0 Bye", Closed},
	{"250 HELO", matrix, nil, "HELO client.example", "250 matrix", Ready},
	{"250 EHLO", matrix, nil, "EHLO client.example", "250-matrix", Ready},
	{"250 MAIL", matrix, helo, "MAIL FROM:<ms@elcom.pub.ro>", "250 2.1.0 Ok", MailFrom},
	{"250 MAIL null sender", matrix, helo, "MAIL FROM:<>", "250 2.1.0 Ok", MailFrom},
	{"250 MAIL SMTPUTF8", matrix, helo, "MAIL FROM:<ștefan@matrix> SMTPUTF8", "250 2.1.0 Ok", MailFrom},
	{"553 MAIL unicode without SMTPUTF8", matrix, helo, "MAIL FROM:<ștefan@matrix>", "553 5.6.7 Sender address rejected: Must declare SMTPUTF8 to send unicode address", Ready},
	{"250 RCPT", matrix, mail, "RCPT TO:<asil@matrix>", "250 2.1.5 Ok", RcptTo},
	{"250 RSET", matrix, rcpt, "RSET", "250 2.0.0 Ok", Ready},
	{"250 NOOP", matrix, rcpt, "NOOP anything", "250 2.0.0 Ok", RcptTo},
	{"250 end of data", matrix, inDat, ".", "250 2.0.0 Ok: queued as DF94192146", Ready},
	{"250 VRFY verified", withLists, nil, "VRFY asil", "250 2.0.0 Asil Student <asil@matrix>", Greeted},
	{"250 EXPN list", withLists, nil, "EXPN studenti", "250-2.1.5 Asil Student <asil@matrix>", Greeted},
	{"251 RCPT forwarded by backend", matrix, mail, "RCPT TO:<forward@matrix>", "251 2.1.5 User not local; will forward to <forward@elcom.pub.ro>", RcptTo},
	{"251 VRFY forwarded", withLists, nil, "VRFY forward@matrix", "251 2.1.5 User not local; will forward to <forward@elcom.pub.ro>", Greeted},
	{"252 VRFY without Verifier", matrix, nil, "VRFY asil", "252 2.0.0 <asil@matrix>: Cannot VRFY user, but will accept message and attempt delivery", Greeted},
	{"354 DATA", matrix, rcpt, "DATA", "354 End data with <CR><LF>.<CR><LF>", Data},
	{"421 too many errors", matrix, slices.Repeat([]string{"BOGUS"}, maxErrors-1), "BOGUS", "500 5.5.2 Error: command not recognized", Closed},
	{"450 RCPT mailbox busy", matrix, mail, "RCPT TO:<busy@matrix>", "450 4.2.1 <busy@matrix>: Mailbox busy, try again later", MailFrom},
	{"451 RCPT local error", matrix, mail, "RCPT TO:<broken@matrix>", "451 4.3.0 <broken@matrix>: Temporary lookup failure", MailFrom},
	{"451 no backend", func() Config { return Config{Hostname: "matrix"} }, inDat, ".", "451 4.3.0 Error: no mail store configured", Ready},
	{"450 RCPT greylisted", matrix, mail, "RCPT TO:<grey@matrix>", "450 4.2.0 <grey@matrix>: Recipient address rejected: Greylisted for 300 seconds", MailFrom},
	{"250 RCPT past the greylist", matrix, mail, "RCPT TO:<known@matrix>", "250 2.1.5 Ok", RcptTo},
	{"451 queue file write error", func() Config {
		c := matrix()
		r := QueueWriteError()
		c.Backend.(*testBackend).deliver = &r
		return c
	}, inDat, ".", "451 4.3.0 Error: queue file write error", Ready},
	{"551 RCPT user moved, no forwarding", matrix, mail, "RCPT TO:<gone@matrix>", "551 5.1.6 User not local; please try <gone@elcom.pub.ro>", MailFrom},
	{"452 RCPT insufficient storage", matrix, mail, "RCPT TO:<full@matrix>", "452 4.3.1 Insufficient system storage", MailFrom},
	{"452 too many recipients", func() Config { c := matrix(); c.MaxRecipients = 1; return c }, rcpt, "RCPT TO:<ana@matrix>", "452 4.5.3 Error: too many recipients", RcptTo},
	{"500 unknown command", matrix, nil, "XYZZY", "500 5.5.2 Error: command not recognized", Greeted},
	{"500 empty line", matrix, nil, "", "500 5.5.2 Error: command not recognized", Greeted},
	{"500 line too long", matrix, nil, "NOOP " + strings.Repeat("x", 506), "500 5.5.0 Line too long", Greeted},
	{"500 bare LF in command", matrix, nil, "NOOP\nQUIT", "500 5.5.2 Error: bare <CR> or <LF> in command", Greeted},
	{"500 NUL in command", matrix, helo, "MAIL FROM:<a\x00b@matrix>", "500 5.5.2 Error: NUL character in command", Ready},
	{"501 HELO without name", matrix, nil, "HELO", "501 5.5.4 Syntax: HELO hostname", Greeted},
	{"501 EHLO without name", matrix, nil, "EHLO", "501 5.5.4 Syntax: EHLO hostname", Greeted},
	{"501 MAIL without FROM:", matrix, helo, "MAIL <ms@elcom.pub.ro>", "501 5.5.4 Syntax: MAIL FROM:<address>", Ready},
	{"501 MAIL unclosed bracket", matrix, helo, "MAIL FROM:<ms@elcom.pub.ro", "501 5.5.4 Syntax: MAIL FROM:<address>", Ready},
	{"501 MAIL bad SIZE", matrix, helo, "MAIL FROM:<ms@elcom.pub.ro> SIZE=ten", "501 5.5.4 Bad message size syntax", Ready},
	{"501 MAIL bad BODY", matrix, helo, "MAIL FROM:<ms@elcom.pub.ro> BODY=9BIT", "501 5.5.4 Bad BODY parameter", Ready},
	{"501 path too long", matrix, helo, "MAIL FROM:<" + strings.Repeat("a", 250) + "@b.ro>", "501 5.5.4 Error: path too long", Ready},
	{"501 RCPT without TO:", matrix, mail, "RCPT asil@matrix", "501 5.5.4 Syntax: RCPT TO:<address>", MailFrom},
	{"501 DATA with argument", matrix, rcpt, "DATA now", "501 5.5.4 Syntax: DATA", RcptTo},
	{"501 RSET with argument", matrix, rcpt, "RSET all", "501 5.5.4 Syntax: RSET", RcptTo},
	{"501 QUIT with argument", matrix, rcpt, "QUIT now", "501 5.5.4 Syntax: QUIT", RcptTo},
	{"501 VRFY without name", matrix, nil, "VRFY", "501 5.5.4 Syntax: VRFY address", Greeted},
	{"501 EXPN without list", withLists, nil, "EXPN", "501 5.5.4 Syntax: EXPN mailing-list", Greeted},
	{"501 AUTH without mechanism", matrix, helo, "AUTH", "501 5.5.4 Syntax: AUTH mechanism", Ready},
	{"502 TURN", matrix, helo, "TURN", "502 5.5.1 " + turnGone, Ready},
	{"502 SEND FROM", matrix, helo, "SEND FROM:<ms@elcom.pub.ro>", "502 5.5.1 " + sendGone, Ready},
	{"502 SOML FROM", matrix, helo, "SOML FROM:<ms@elcom.pub.ro>", "502 5.5.1 " + somlGone, Ready},
	{"502 SAML FROM", matrix, helo, "saml from:<ms@elcom.pub.ro>", "502 5.5.1 " + samlGone, Ready},
	{"502 STARTTLS", matrix, helo, "STARTTLS", "502 5.5.1 Error: command not implemented", Ready},
	{"502 EXPN without lists", matrix, nil, "EXPN studenti", "502 5.5.1 Error: EXPN not available: this server has no mailing lists", Greeted},
	{"503 RCPT before MAIL", matrix, helo, "RCPT TO:<asil@matrix>", "503 5.5.1 Error: need MAIL command", Ready},
	{"503 DATA before RCPT", matrix, mail, "DATA", "503 5.5.1 Error: need RCPT command", MailFrom},
	{"503 DATA before MAIL", matrix, helo, "DATA", "503 5.5.1 Error: need RCPT command", Ready},
	{"503 nested MAIL", matrix, mail, "MAIL FROM:<x@y.ro>", "503 5.5.1 Error: nested MAIL command", MailFrom},
	{"503 MAIL before HELO when required", func() Config { c := matrix(); c.RequireHelo = true; return c }, nil, "MAIL FROM:<ms@elcom.pub.ro>", "503 5.5.1 Error: send HELO/EHLO first", Greeted},
	{"504 AUTH mechanism", matrix, helo, "AUTH PLAIN", "504 5.5.4 Unrecognized authentication type", Ready},
	{"504 HELP unknown topic", matrix, nil, "HELP FOO", `504 5.5.4 HELP topic "FOO" unknown`, Greeted},
	{"504 BODY=BINARYMIME", matrix, helo, "MAIL FROM:<ms@elcom.pub.ro> BODY=BINARYMIME", "504 5.5.4 BODY=BINARYMIME is not implemented (no CHUNKING)", Ready},
	{"550 RCPT unknown user", matrix, mail, "RCPT TO:<nobody@matrix>", "550 5.1.1 <nobody@matrix>: Recipient address rejected: User unknown in local recipient table", MailFrom},
	{"550 VRFY unknown user without Verifier", matrix, nil, "VRFY nobody@matrix", "550 5.1.1 <nobody@matrix>: Recipient address rejected: User unknown in local recipient table", Greeted},
	{"550 VRFY unknown user", withLists, nil, "VRFY ghost", "550 5.1.1 <ghost>: User unknown", Greeted},
	{"550 EXPN refused", withLists, nil, "EXPN secret", "550 5.7.1 Access denied to you", Greeted},
	{"550 EXPN not a list", withLists, nil, "EXPN asil", "550 5.1.1 asil: not a mailing list", Greeted},
	{"551 RCPT user moved", matrix, mail, "RCPT TO:<moved@matrix>", "551 5.1.6 User not local; please try <moved@elcom.pub.ro>", MailFrom},
	{"551 VRFY user moved", withLists, nil, "VRFY moved@matrix", "551 5.1.6 User not local; please try <moved@elcom.pub.ro>", Greeted},
	{"552 declared SIZE too big", matrix, helo, "MAIL FROM:<ms@elcom.pub.ro> SIZE=99999999999", "552 5.3.4 Message size exceeds fixed limit", Ready},
	{"552 SIZE overflows", matrix, helo, "MAIL FROM:<ms@elcom.pub.ro> SIZE=999999999999999999999999", "552 5.3.4 Message size exceeds fixed limit", Ready},
	{"552 message too big while reading", func() Config { c := matrix(); c.MaxSize = 10; return c }, inDat, ".", "552 5.3.4 Error: message file too big", Ready},
	{"554 bare LF in text", matrix, append(slices.Clone(inDat), "one\ntwo"), ".", "554 5.5.2 Error: bare <LF> received in message text", Ready},
	{"554 bare CR in text", matrix, append(slices.Clone(inDat), "one\rtwo", "x\ny"), ".", "554 5.5.2 Error: bare <CR> received in message text", Ready},
	{"554 NUL in text", matrix, append(slices.Clone(inDat), "one\x00two"), ".", "554 5.6.0 Error: message text holds a NUL octet", Ready},
	{"552 text line too long", matrix, append(slices.Clone(inDat), strings.Repeat("x", 999)), ".", "552 5.6.0 Error: message has a text line longer than 1000 octets", Ready},
	{"552 backend mailbox full", func() Config {
		c := matrix()
		r := QuotaExceeded("asil@matrix")
		c.Backend.(*testBackend).deliver = &r
		return c
	}, inDat, ".", "552 5.2.2 <asil@matrix>: Requested mail action aborted: exceeded storage allocation", Ready},
	{"553 MAIL bad sender syntax", matrix, helo, "MAIL FROM:<ms@@elcom>", "553 5.1.7 <ms@@elcom>: Sender address rejected: bad address syntax", Ready},
	{"553 RCPT bad recipient syntax", matrix, mail, "RCPT TO:<asil@-matrix>", "553 5.1.3 <asil@-matrix>: Recipient address rejected: bad address syntax", MailFrom},
	{"553 RCPT null path", matrix, mail, "RCPT TO:<>", "553 5.1.3 <>: Recipient address rejected: bad address syntax", MailFrom},
	{"553 VRFY bad syntax", matrix, nil, "VRFY a b@c", "553 5.1.3 <a b@c>: Recipient address rejected: bad address syntax", Greeted},
	{"553 VRFY ambiguous", withLists, nil, "VRFY ana", "553-5.1.4 Ambiguous; Possibilities are", Greeted},
	{"554 DATA with no valid recipients", matrix, append(slices.Clone(mail), "RCPT TO:<nobody@matrix>"), "DATA", "554 5.5.1 Error: no valid recipients", MailFrom},
	{"554 backend refuses message", func() Config {
		c := matrix()
		r := reply(554, "5.7.1", "Message rejected: looks like spam")
		c.Backend.(*testBackend).deliver = &r
		return c
	}, inDat, ".", "554 5.7.1 Message rejected: looks like spam", Ready},
	{"554 too many hops", matrix, append(slices.Clone(inDat[:4]), slices.Repeat([]string{"Received: from a by b"}, MaxHops+1)...), ".", "554 5.4.6 Too many hops", Ready},
	{"250 as many hops as allowed", matrix, append(slices.Clone(inDat[:4]), slices.Repeat([]string{"received: from a by b"}, MaxHops)...), ".", "250 2.0.0 Ok: queued as DF94192146", Ready},
	{"250 Received lines in the body are no hops", matrix, append(slices.Clone(inDat), slices.Repeat([]string{"Received: from a by b"}, MaxHops+1)...), ".", "250 2.0.0 Ok: queued as DF94192146", Ready},
	{"554 RCPT relay denied", policed, mail, "RCPT TO:<bob@elsewhere.example>", "554 5.7.1 <bob@elsewhere.example>: Relay access denied", MailFrom},
	{"250 RCPT domain in any case", policed, mail, "RCPT TO:<Asil@MATRIX>", "250 2.1.5 Ok", RcptTo},
	{"250 RCPT postmaster without domain", policed, mail, "RCPT TO:<PostMaster>", "250 2.1.5 Ok", RcptTo},
	{"550 RCPT quoted local part", policed, mail, `RCPT TO:<"victim@elsewhere.example"@matrix>`, `550 5.1.1 <"victim@elsewhere.example"@matrix>: Recipient address rejected: User unknown in local recipient table`, MailFrom},
	{"452 RCPT mailbox full", policed, mail, "RCPT TO:<full@matrix>", "452 4.2.2 <full@matrix>: Mailbox full", MailFrom},
	{"250 VRFY domain in any case", policed, nil, "VRFY Asil@MATRIX", "250 2.0.0 <asil@matrix>", Greeted},
	{"250 VRFY full mailbox exists", policed, nil, "VRFY full", "250 2.0.0 <full@matrix>", Greeted},
	{"550 VRFY relay denied", policed, nil, "VRFY bob@elsewhere.example", "550 5.7.1 <bob@elsewhere.example>: Relay access denied", Greeted},
	{"550 VRFY quoted local part", policed, nil, `VRFY "victim@elsewhere.example"@matrix`, `550 5.1.1 <"victim@elsewhere.example"@matrix>: Recipient address rejected: User unknown in local recipient table`, Greeted},
	{"252 VRFY list", policed, nil, "VRFY Studenti", "252 2.1.5 <studenti@matrix>: Unable to verify members of mailing list, but will accept message and attempt delivery", Greeted},
	{"252 VRFY relayed", relaying, nil, "VRFY bob@elsewhere.example", "252 2.0.0 <bob@elsewhere.example>: Cannot VRFY user, but will accept message and attempt delivery", Greeted},
	{"250 RCPT relayed", relaying, mail, "RCPT TO:<bob@elsewhere.example>", "250 2.1.5 Ok", RcptTo},
	{"555 MAIL unknown parameter", matrix, helo, "MAIL FROM:<ms@elcom.pub.ro> RET=HDRS", "555 5.5.4 Unsupported option: RET", Ready},
	{"555 RCPT parameter", matrix, mail, "RCPT TO:<asil@matrix> NOTIFY=NEVER", "555 5.5.4 Unsupported option: NOTIFY", MailFrom},
}

func TestReplyCodes(t *testing.T) {
	seen := map[int]bool{}
	for _, tc := range codeCases {
		t.Run(tc.name, func(t *testing.T) {
			_, s := session(tc.cfg(), tc.before...)
			got := wire(s.Feed([]byte(tc.line)))
			if len(got) == 0 || got[0] != tc.want {
				t.Fatalf("%q -> %q, want first line %q", tc.line, got, tc.want)
			}
			if s.State() != tc.state {
				t.Errorf("state %v, want %v", s.State(), tc.state)
			}
			seen[atoi3(got[0])] = true
		})
	}
	for _, code := range []int{211, 214, 220, 221, 250, 251, 354, 421, 450, 451, 452, 500, 501, 502, 503, 504, 550, 551, 552, 553, 554} {
		if code != 220 && code != 421 && !seen[code] {
			t.Errorf("no case produces %d", code)
		}
	}
}

func atoi3(line string) int {
	return int(line[0]-'0')*100 + int(line[1]-'0')*10 + int(line[2]-'0')
}

func TestGreeting(t *testing.T) {
	s := NewServer(Config{Hostname: "matrix"})
	if s.State() != Connected {
		t.Fatalf("new server in %v", s.State())
	}
	if got := wire(s.Greet()); !slices.Equal(got, []string{"220 matrix ESMTP mailsim"}) {
		t.Errorf("greeting %q", got)
	}
	if s.State() != Greeted {
		t.Errorf("after greeting: %v", s.State())
	}
	if got := s.Greet(); len(got.Replies) != 0 {
		t.Errorf("second Greet said %v", got.Replies)
	}
	if got := wire(NewServer(Config{}).Greet()); got[0] != "220 localhost ESMTP mailsim" {
		t.Errorf("default greeting %q", got)
	}
}

func TestFeedBeforeGreeting(t *testing.T) {
	s := NewServer(matrix())
	out := s.Feed([]byte("HELO x"))
	if got := wire(out); got[0] != "503 5.5.1 Error: wait for the greeting" || s.State() != Connected {
		t.Errorf("%q in %v", got, s.State())
	}
}

func TestTooManyErrorsCloses(t *testing.T) {
	_, s := session(matrix(), slices.Repeat([]string{"BOGUS"}, maxErrors-1)...)
	out := s.Feed([]byte("BOGUS"))
	got := wire(out)
	if len(got) != 2 || got[1] != "421 4.7.0 matrix Error: too many errors" || !out.Close || s.State() != Closed {
		t.Errorf("got %q close=%v state=%v", got, out.Close, s.State())
	}
}

func TestTimeoutAndShutdown(t *testing.T) {
	for name, f := range map[string]func(*Server) Output{
		"timeout":  (*Server).Timeout,
		"shutdown": (*Server).Shutdown,
	} {
		t.Run(name, func(t *testing.T) {
			b := newBackend()
			cfg := matrix()
			cfg.Backend = b
			_, s := session(cfg, inDat...)
			out := f(s)
			got := wire(out)
			if len(got) != 1 || !strings.HasPrefix(got[0], "421 4.") || !strings.Contains(got[0], "matrix") || !out.Close {
				t.Errorf("got %q close=%v", got, out.Close)
			}
			if s.State() != Closed || len(s.Envelope().To) != 0 || len(b.msgs) != 0 {
				t.Errorf("state %v, envelope %+v, delivered %d", s.State(), s.Envelope(), len(b.msgs))
			}
			if again := f(s); len(again.Replies) != 0 || !again.Close {
				t.Errorf("second call said %v", again.Replies)
			}
			if out := s.Feed([]byte(".")); len(out.Replies) != 0 || !out.Close || len(b.msgs) != 0 {
				t.Errorf("closed server answered %v", out.Replies)
			}
		})
	}
}

func TestDropDeliversNothing(t *testing.T) {
	b := newBackend()
	cfg := matrix()
	cfg.Backend = b
	_, s := session(cfg, inDat...)
	s.Drop()
	s.Feed([]byte("."))
	if s.State() != Closed || len(b.msgs) != 0 {
		t.Errorf("state %v, delivered %d", s.State(), len(b.msgs))
	}
}

func TestEHLOAdvertises(t *testing.T) {
	got, _ := session(Config{Hostname: "matrix", Backend: newBackend()}, "EHLO client.example")
	want := []string{"220 matrix ESMTP mailsim", "250-matrix", "250-PIPELINING", "250-SIZE 10485760", "250-VRFY", "250-ENHANCEDSTATUSCODES", "250-8BITMIME", "250-SMTPUTF8", "250 HELP"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	got, _ = session(withLists(), "EHLO client.example")
	if !slices.Contains(got, "250-EXPN") {
		t.Errorf("EXPN not advertised with an Expander: %q", got)
	}
	// The extension list has its own explanation, HELO's one line does
	// not: "250, done" says nothing of what the lines offer.
	_, s := session(matrix())
	if k := s.Feed([]byte("EHLO client.example")).Replies[0].Key(); k != "smtp.why.ehlo" {
		t.Errorf("EHLO reply explained by %q", k)
	}
	if k := s.Feed([]byte("HELO client.example")).Replies[0].Key(); k != "smtp.reply.250" {
		t.Errorf("HELO reply explained by %q", k)
	}
	// STARTTLS exists; where it is not offered the reply says so.
	if k := s.Feed([]byte("STARTTLS")).Replies[0].Key(); k != "smtp.why.tls-unavailable" {
		t.Errorf("STARTTLS not offered explained by %q", k)
	}
}

// TestMailPathForms checks the path shapes a server must or should accept.
func TestMailPathForms(t *testing.T) {
	for _, tc := range []struct{ line, from string }{
		{"MAIL FROM:<ms@elcom.pub.ro>", "ms@elcom.pub.ro"},
		{"mail from: ms@elcom.pub.ro", "ms@elcom.pub.ro"},
		{"Mail From:  <ms@elcom.pub.ro>", "ms@elcom.pub.ro"},
		{"MAIL FROM:<>", ""},
		{"MAIL FROM:<@relay.ro,@other.ro:ms@elcom.pub.ro>", "ms@elcom.pub.ro"},
		{`MAIL FROM:<"john smith>"@elcom.pub.ro>`, `"john smith>"@elcom.pub.ro`},
		{"MAIL FROM:<ms@[141.85.43.10]>", "ms@[141.85.43.10]"},
		{"MAIL FROM:<root>", "root@matrix"},
		{`MAIL FROM:<"a\"b\\c"@elcom.pub.ro>`, `"a\"b\\c"@elcom.pub.ro`},
		{"MAIL FROM:<ms@[IPv6:2001:db8::1]>", "ms@[IPv6:2001:db8::1]"},
		{"MAIL FROM:<ms@elcom.pub.ro> SIZE=1000 BODY=8BITMIME", "ms@elcom.pub.ro"},
	} {
		got, s := session(matrix(), tc.line)
		if got[1] != "250 2.1.0 Ok" || s.Envelope().From != tc.from {
			t.Errorf("%q -> %q, from %q, want %q", tc.line, got[1], s.Envelope().From, tc.from)
		}
	}
}

func TestMalformedPaths(t *testing.T) {
	for _, line := range []string{"MAIL FROM:<a@b.ro>x", "MAIL FROM:", "MAIL FROM:   ", "MAIL TO:<a@b.ro>"} {
		got, _ := session(matrix(), line)
		if got[1] != "501 5.5.4 Syntax: MAIL FROM:<address>" {
			t.Errorf("%q -> %q", line, got[1])
		}
	}
	got, _ := session(matrix(), append(slices.Clone(mail), "RCPT TO:<"+strings.Repeat("a", 60)+"@"+strings.Repeat("b", 200)+".ro>")...)
	if got[len(got)-1] != "501 5.5.4 Error: path too long" {
		t.Errorf("long forward-path: %q", got[len(got)-1])
	}
}

// TestBackendWithoutVerdict checks that a Deliver reply without a valid
// code does not reach the wire as such.
func TestBackendWithoutVerdict(t *testing.T) {
	cfg := matrix()
	cfg.Backend.(*testBackend).deliver = &Reply{}
	got, _ := session(cfg, append(slices.Clone(inDat), ".")...)
	if got[len(got)-1] != "451 4.3.0 Error: mail store gave no verdict" {
		t.Errorf("got %q", got[len(got)-1])
	}
}

func TestBadMailboxes(t *testing.T) {
	for _, addr := range []string{"a..b@c.ro", ".a@c.ro", "a@c..ro", "a@c.ro.", "a@", "@c.ro", "a b@c.ro", "a@c_d.ro", "a@[]", `"a"b@c.ro`, strings.Repeat("a", 65) + "@c.ro", "a@" + strings.Repeat("b", 64) + ".ro", "@relay.ro",
		"\"a\x01\"@c.ro", "\"a\\\x01\"@c.ro", "a@[x y]", "a@[x", "a@-c.ro", "a@c-.ro"} {
		got, _ := session(matrix(), "HELO x", "MAIL FROM:<ms@elcom.pub.ro>", "RCPT TO:<"+addr+">")
		if !strings.HasPrefix(got[3], "553 5.1.3 ") {
			t.Errorf("RCPT TO:<%s> -> %q, want 553", addr, got[3])
		}
	}
	// A domain over 255 octets cannot fit a path, but VRFY takes any name.
	got, _ := session(matrix(), "VRFY a@"+strings.Repeat("b.", 127)+"ro")
	if !strings.HasPrefix(got[1], "553 5.1.3 ") {
		t.Errorf("long domain: %q", got[1])
	}
}

// TestCommandsKeepOrResetState walks the transaction-changing commands
// through the states of the diagram.
func TestCommandsKeepOrResetState(t *testing.T) {
	for _, tc := range []struct {
		lines []string
		state State
	}{
		{nil, Greeted},
		{[]string{"RSET"}, Greeted},
		{[]string{"NOOP"}, Greeted},
		{[]string{"mail from: ms@elcom.pub.ro"}, MailFrom},
		{[]string{"mail from: ms@elcom.pub.ro", "RSET"}, Ready},
		{[]string{"HELO a", "MAIL FROM:<a@b.ro>", "RCPT TO:<c@d.ro>", "HELO a"}, Ready},
		{[]string{"HELO a", "MAIL FROM:<a@b.ro>", "RCPT TO:<c@d.ro>", "EHLO a"}, Ready},
		{[]string{"HELO a", "MAIL FROM:<a@b.ro>", "RCPT TO:<c@d.ro>", "RCPT TO:<e@d.ro>"}, RcptTo},
		{[]string{"HELO a", "MAIL FROM:<a@b.ro>", "RCPT TO:<c@d.ro>", "DATA", "QUIT", "RSET"}, Data},
		{[]string{"HELO a", "MAIL FROM:<a@b.ro>", "RCPT TO:<c@d.ro>", "DATA", ".", "MAIL FROM:<x@y.ro>"}, MailFrom},
		{[]string{"HELO a", "QUIT"}, Closed},
	} {
		_, s := session(matrix(), tc.lines...)
		if s.State() != tc.state {
			t.Errorf("%q: state %v, want %v", tc.lines, s.State(), tc.state)
		}
	}
}

func TestEnvelopeIsACopy(t *testing.T) {
	_, s := session(matrix(), "HELO a", "MAIL FROM:<a@b.ro>", "RCPT TO:<c@d.ro>", "RCPT TO:<forward@matrix>", "RCPT TO:<nobody@matrix>")
	env := s.Envelope()
	if env.From != "a@b.ro" || !slices.Equal(env.To, []string{"c@d.ro", "forward@matrix"}) {
		t.Fatalf("envelope %+v", env)
	}
	env.To[0] = "changed"
	if s.Envelope().To[0] != "c@d.ro" {
		t.Error("Envelope exposes the server's slice")
	}
}

// TestDataTransparency checks dot-unstuffing and that only a line that is
// exactly "." ends the message: a stray CR or LF inside a line never ends
// it, but the whole message is refused at the final dot and nothing is
// stored, while the session goes on to the next message.
func TestDataTransparency(t *testing.T) {
	b := newBackend()
	cfg := matrix()
	cfg.Backend = b
	lines := append(slices.Clone(rcpt), "DATA", "..", "...x", ".y", ". ", ".")
	got, s := session(cfg, lines...)
	if got[len(got)-1] != "250 2.0.0 Ok: queued as DF94192146" || s.State() != Ready {
		t.Fatalf("transcript %q", got)
	}
	want := ".\r\n..x\r\ny\r\n \r\n"
	if len(b.msgs) != 1 || b.msgs[0].data != want {
		t.Errorf("delivered %+v, want %q", b.msgs, want)
	}
	for _, bare := range []string{".\n", "\n.", "x\r.\r", "\r"} {
		b := newBackend()
		cfg.Backend = b
		lines := append(slices.Clone(rcpt), "DATA", "a", bare, "b", ".", "MAIL FROM:<x@y.ro>")
		got, s := session(cfg, lines...)
		if n := len(got); n < 2 || !strings.HasPrefix(got[n-2], "554 5.5.2 Error: bare <") || got[n-1] != "250 2.1.0 Ok" || s.State() != MailFrom {
			t.Errorf("%q: transcript %q, state %v", bare, got, s.State())
		}
		if len(b.msgs) != 0 {
			t.Errorf("%q: stored %+v", bare, b.msgs)
		}
	}
	// No reply while reading text lines.
	_, s = session(cfg, append(slices.Clone(rcpt), "DATA")...)
	if out := s.Feed([]byte("QUIT")); len(out.Replies) != 0 || out.Command != "" || out.Key() != "smtp.cmd.DATA-LINE" {
		t.Errorf("text line answered %+v", out)
	}
	if out := s.Feed([]byte(".")); out.Command != "DATA-END" || out.Key() != "smtp.cmd.DATA-END" {
		t.Errorf("final dot answered %+v", out)
	}
}

// TestSizeLimitStopsBuffering checks that an oversized message is not held
// in memory: the reader stops growing at MaxSize and nothing is delivered.
func TestSizeLimitStopsBuffering(t *testing.T) {
	b := newBackend()
	cfg := matrix()
	cfg.Backend = b
	cfg.MaxSize = 1000
	_, s := session(cfg, append(slices.Clone(rcpt), "DATA")...)
	line := []byte(strings.Repeat("z", 98))
	for range 100 {
		s.Feed(line)
		if cap(s.data.buf) > 2*int(cfg.MaxSize) {
			t.Fatalf("buffer grew to %d", cap(s.data.buf))
		}
	}
	got := wire(s.Feed([]byte(".")))
	if got[0] != "552 5.3.4 Error: message file too big" || len(b.msgs) != 0 {
		t.Errorf("got %q, delivered %d", got, len(b.msgs))
	}
	// Exactly at the limit is fine: 10 lines of 98+2 octets.
	_, s = session(cfg, append(slices.Clone(rcpt), "DATA")...)
	for range 10 {
		s.Feed(line)
	}
	if got := wire(s.Feed([]byte("."))); !strings.HasPrefix(got[0], "250 ") {
		t.Errorf("message of exactly MaxSize: %q", got)
	}
}

func TestTextLineLimit(t *testing.T) {
	for _, tc := range []struct {
		line string
		ok   bool
	}{
		{strings.Repeat("x", 998), true},
		{"." + strings.Repeat("x", 998), true}, // the stuffed dot does not count
		{strings.Repeat("x", 999), false},
	} {
		b := newBackend()
		cfg := matrix()
		cfg.Backend = b
		got, _ := session(cfg, append(slices.Clone(rcpt), "DATA", tc.line, ".")...)
		last := got[len(got)-1]
		if ok := strings.HasPrefix(last, "250 "); ok != tc.ok || ok != (len(b.msgs) == 1) {
			t.Errorf("line of %d octets: %q, delivered %d", len(tc.line), last, len(b.msgs))
		}
	}
}

func TestCommandLineLimit(t *testing.T) {
	// 510 octets + CRLF = 512 is allowed.
	got, _ := session(matrix(), "NOOP "+strings.Repeat("x", 505))
	if got[1] != "250 2.0.0 Ok" {
		t.Errorf("512-octet line: %q", got[1])
	}
	out := NewServer(matrix())
	out.Greet()
	if o := out.Feed([]byte("NOOP " + strings.Repeat("x", 506))); o.Command != "TOO-LONG" {
		t.Errorf("command %q", o.Command)
	}
}

func TestOutputCommand(t *testing.T) {
	for line, want := range map[string]string{
		"helo x": "HELO", "EHLO x": "EHLO", "mail from:<a@b.ro>": "MAIL", "Rcpt to:<a@b.ro>": "RCPT",
		"data": "DATA", "rset": "RSET", "noop": "NOOP", "vrfy a": "VRFY", "expn a": "EXPN", "help": "HELP",
		"turn": "TURN", "send from:<a@b.ro>": "SEND", "soml from:<a@b.ro>": "SOML", "saml from:<a@b.ro>": "SAML",
		"auth plain": "AUTH", "starttls": "STARTTLS", "verfy a": "UNKNOWN", "quit": "QUIT",
	} {
		s := NewServer(matrix())
		s.Greet()
		if got := s.Feed([]byte(line)).Command; got != want {
			t.Errorf("%q -> Command %q, want %q", line, got, want)
		}
	}
}

func TestReplyWire(t *testing.T) {
	for _, tc := range []struct {
		r    Reply
		want []string
	}{
		{reply(250, "2.1.0", "Ok"), []string{"250 2.1.0 Ok"}},
		{Reply{Code: 250, Lines: []string{"matrix", "SIZE 10240000", "HELP"}}, []string{"250-matrix", "250-SIZE 10240000", "250 HELP"}},
		{Reply{Code: 553, Enhanced: "5.1.4", Lines: []string{"Ambiguous", "<a@b.ro>"}}, []string{"553-5.1.4 Ambiguous", "553 5.1.4 <a@b.ro>"}},
		{Reply{Code: 250}, []string{"250"}},
		{Reply{Code: 250, Lines: []string{"", ""}}, []string{"250-", "250"}},
		{reply(550, "", "evil\r\n250 injected"), []string{"550 evil  250 injected"}},
	} {
		if got := tc.r.Wire(); !slices.Equal(got, tc.want) {
			t.Errorf("%+v.Wire() = %q, want %q", tc.r, got, tc.want)
		}
	}
	if got := reply(550, "5.1.1", "User unknown").Error(); got != "550 5.1.1 User unknown" {
		t.Errorf("Error() = %q", got)
	}
	if got := reply(455, "4.5.4", "x").Key(); got != "smtp.reply.4xx" {
		t.Errorf("unknown code key %q", got)
	}
	if got := reply(250, "", "x").Key(); got != "smtp.reply.250" {
		t.Errorf("key %q", got)
	}
}

// TestNoControlCharacterEchoed: a NUL anywhere in a command gets 500 with
// none of the command in it, and a reply that quotes a client's argument
// (553, 550, 504) shows any other control character as '?', never as itself.
func TestNoControlCharacterEchoed(t *testing.T) {
	for _, line := range []string{"MAIL FROM:<mark\x00x@matrix>", "HELO mark\x00", "\x00mark", "VRFY mark\x00"} {
		got, _ := session(withLists(), "HELO a", line)
		if r := got[len(got)-1]; r != "500 5.5.2 Error: NUL character in command" {
			t.Errorf("%q: got %q", line, r)
		}
	}
	for _, c := range []struct{ line, want string }{
		{"MAIL FROM:<ma\x1b[2Jrk@matrix>", "553 5.1.7 <ma?[2Jrk@matrix>: Sender address rejected: bad address syntax"},
		{"EXPN ma\x07rk", "550 5.1.1 ma?rk: not a mailing list"},
		{"HELP ma\x7frk", `504 5.5.4 HELP topic "MA?RK" unknown`},
	} {
		got, _ := session(withLists(), "HELO a", c.line)
		if r := got[len(got)-1]; r != c.want {
			t.Errorf("%q: got %q, want %q", c.line, r, c.want)
		}
	}
}
