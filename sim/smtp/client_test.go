package smtp

import (
	"slices"
	"strings"
	"testing"
)

// clientTrace runs a client against a scripted server: for each reply (wire
// lines joined by "\n") it records what the client sent.
func clientTrace(c *Client, replies ...string) (sent []string, last ClientOutput) {
	for _, r := range replies {
		for _, l := range strings.Split(r, "\n") {
			last = c.Feed(l)
			sent = append(sent, last.Lines...)
		}
	}
	return sent, last
}

func TestClientAgainstServerMixedRecipients(t *testing.T) {
	b := newBackend()
	s := NewServer(Config{Hostname: "matrix", Backend: b})
	env := Envelope{From: "ms@elcom.pub.ro", To: []string{"asil@matrix", "nobody@matrix", "busy@matrix", "forward@matrix"}}
	c := NewClient(ClientConfig{Hello: "elcom.pub.ro", EHLO: true}, env, []byte("Subject: test\n\n.hidden dot\nmail de test\n"))
	converse(c, s)
	if c.State() != Done || s.State() != Closed {
		t.Fatalf("client %v, server %v", c.State(), s.State())
	}
	res := c.Result()
	if !slices.Equal(res.Accepted, []string{"asil@matrix", "forward@matrix"}) {
		t.Errorf("accepted %q", res.Accepted)
	}
	if len(res.Rejected) != 2 || res.Rejected["nobody@matrix"].Code != 550 || res.Rejected["busy@matrix"].Code != 450 {
		t.Errorf("rejected %v", res.Rejected)
	}
	if !res.Temporary {
		t.Error("450 for busy@matrix should make the result temporary")
	}
	if res.Final == nil || res.Final.Code != 250 || res.Final.Enhanced != "2.0.0" || res.Final.Lines[0] != "Ok: queued as DF94192146" {
		t.Errorf("final %+v", res.Final)
	}
	if res.Abort != nil {
		t.Errorf("abort %+v", res.Abort)
	}
	if len(b.msgs) != 1 {
		t.Fatalf("delivered %d", len(b.msgs))
	}
	m := b.msgs[0]
	if m.data != "Subject: test\r\n\r\n.hidden dot\r\nmail de test\r\n" || !slices.Equal(m.env.To, res.Accepted) || m.env.From != env.From {
		t.Errorf("delivered %+v", m)
	}
}

func TestClientAllRejectedSkipsData(t *testing.T) {
	b := newBackend()
	s := NewServer(Config{Hostname: "matrix", Backend: b})
	c := NewClient(ClientConfig{}, Envelope{From: "a@b.ro", To: []string{"nobody@matrix", "moved@matrix"}}, []byte("x\r\n"))
	var sent []string
	pending := s.Greet().Replies
	for len(pending) > 0 {
		r := pending[0]
		pending = pending[1:]
		for _, w := range r.Wire() {
			co := c.Feed(w)
			sent = append(sent, co.Lines...)
			for _, l := range co.Lines {
				pending = append(pending, s.Feed([]byte(l)).Replies...)
			}
		}
	}
	want := []string{"HELO localhost", "MAIL FROM:<a@b.ro>", "RCPT TO:<nobody@matrix>", "RCPT TO:<moved@matrix>", "QUIT"}
	if !slices.Equal(sent, want) {
		t.Errorf("sent %q, want %q", sent, want)
	}
	res := c.Result()
	if res.Temporary || res.Final != nil || len(res.Accepted) != 0 || len(res.Rejected) != 2 || len(b.msgs) != 0 {
		t.Errorf("result %+v, delivered %d", res, len(b.msgs))
	}
}

func TestClientScript(t *testing.T) {
	env := Envelope{From: "ms@elcom.pub.ro", To: []string{"asil@matrix.elcom.pub.ro"}}
	for _, tc := range []struct {
		name      string
		cfg       ClientConfig
		msg       string
		replies   []string
		sent      []string
		state     ClientState
		temporary bool
		final     int // code of Final, 0 for nil
		abort     int // code of Abort, 0 for nil
	}{
		{
			name:    "lecture transaction with HELO",
			cfg:     ClientConfig{Hello: "elcom.pub.ro"},
			msg:     "From: Studentu Cutare\r\nSubject: test\r\n\r\nmail de test\r\n",
			replies: []string{"220 matrix ESMTP Postfix (Ubuntu)", "250 matrix", "250 2.1.0 Ok", "250 2.1.5 Ok", "354 End data with <CR><LF>.<CR><LF>", "250 2.0.0 Ok: queued as DF94192146", "221 2.0.0 Bye"},
			sent:    []string{"HELO elcom.pub.ro", "MAIL FROM:<ms@elcom.pub.ro>", "RCPT TO:<asil@matrix.elcom.pub.ro>", "DATA", "From: Studentu Cutare", "Subject: test", "", "mail de test", ".", "QUIT"},
			state:   Done, final: 250,
		},
		{
			name:    "EHLO declares SIZE and 8BITMIME",
			cfg:     ClientConfig{Hello: "elcom.pub.ro", EHLO: true},
			msg:     "Subject: țară\n",
			replies: []string{"220 matrix", "250-matrix\n250-SIZE 10240000\n250-8BITMIME\n250 HELP", "250 2.1.0 Ok"},
			sent:    []string{"EHLO elcom.pub.ro", "MAIL FROM:<ms@elcom.pub.ro> SIZE=17 BODY=8BITMIME", "RCPT TO:<asil@matrix.elcom.pub.ro>"},
			state:   WaitRcpt,
		},
		{
			name:    "EHLO falls back to HELO on 502",
			cfg:     ClientConfig{Hello: "old", EHLO: true},
			replies: []string{"220 matrix", "502 5.5.2 Error: command not recognized", "250 matrix"},
			sent:    []string{"EHLO old", "HELO old", "MAIL FROM:<ms@elcom.pub.ro>"},
			state:   WaitMail,
		},
		{
			name:    "EHLO falls back to HELO on 500, only once",
			cfg:     ClientConfig{Hello: "old", EHLO: true},
			replies: []string{"220 matrix", "500 unknown", "500 unknown", "221 Bye"},
			sent:    []string{"EHLO old", "HELO old", "QUIT"},
			state:   Done, abort: 500,
		},
		{
			name:    "421 greeting: no QUIT, temporary",
			replies: []string{"421 4.3.2 matrix Service not available"},
			state:   Done, temporary: true, abort: 421,
		},
		{
			name:    "554 greeting: QUIT, permanent",
			replies: []string{"554 matrix No SMTP service here", "221 Bye"},
			sent:    []string{"QUIT"},
			state:   Done, abort: 554,
		},
		{
			name:    "MAIL refused temporarily",
			replies: []string{"220 matrix", "250 matrix", "451 4.3.0 Try later", "221 Bye"},
			sent:    []string{"HELO localhost", "MAIL FROM:<ms@elcom.pub.ro>", "QUIT"},
			state:   Done, temporary: true, abort: 451,
		},
		{
			name:    "DATA refused",
			replies: []string{"220 matrix", "250 matrix", "250 Ok", "250 Ok", "554 5.5.1 Error: no valid recipients", "221 Bye"},
			sent:    []string{"HELO localhost", "MAIL FROM:<ms@elcom.pub.ro>", "RCPT TO:<asil@matrix.elcom.pub.ro>", "DATA", "QUIT"},
			state:   Done, abort: 554,
		},
		{
			name:    "final 452 is temporary",
			msg:     ".\r\n..\r\nx",
			replies: []string{"220 matrix", "250 matrix", "250 Ok", "250 Ok", "354 go", "452 4.3.1 Insufficient system storage", "221 Bye"},
			sent:    []string{"HELO localhost", "MAIL FROM:<ms@elcom.pub.ro>", "RCPT TO:<asil@matrix.elcom.pub.ro>", "DATA", "..", "...", "x", ".", "QUIT"},
			state:   Done, temporary: true, final: 452,
		},
		{
			name:    "421 while waiting for the verdict",
			replies: []string{"220 matrix", "250 matrix", "250 Ok", "250 Ok", "354 go", "421 4.4.2 matrix Error: timeout exceeded"},
			sent:    []string{"HELO localhost", "MAIL FROM:<ms@elcom.pub.ro>", "RCPT TO:<asil@matrix.elcom.pub.ro>", "DATA", "."},
			state:   Done, temporary: true, final: 421,
		},
		{
			name:    "garbage reply is a temporary protocol error",
			replies: []string{"220 matrix", "hello?", "221 Bye"},
			sent:    []string{"HELO localhost", "QUIT"},
			state:   Done, temporary: true, abort: 0,
		},
		{
			name:    "Done ignores further lines",
			replies: []string{"421 bye", "250 Ok"},
			state:   Done, temporary: true, abort: 421,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := NewClient(tc.cfg, env, []byte(tc.msg))
			if c.State() != WaitGreeting {
				t.Fatalf("new client in %v", c.State())
			}
			sent, last := clientTrace(c, tc.replies...)
			if !slices.Equal(sent, tc.sent) {
				t.Errorf("sent %q\nwant %q", sent, tc.sent)
			}
			if c.State() != tc.state || last.Done != (tc.state == Done) {
				t.Errorf("state %v done=%v, want %v", c.State(), last.Done, tc.state)
			}
			res := c.Result()
			if res.Temporary != tc.temporary {
				t.Errorf("temporary %v", res.Temporary)
			}
			if code := codeOf(res.Final); code != tc.final {
				t.Errorf("final %+v", res.Final)
			}
			if code := codeOf(res.Abort); code != tc.abort || (tc.name == "garbage reply is a temporary protocol error") != (res.Abort != nil && res.Abort.Code == 0) {
				t.Errorf("abort %+v", res.Abort)
			}
		})
	}
}

func codeOf(r *Reply) int {
	if r == nil {
		return 0
	}
	return r.Code
}

func TestClientDataOutput(t *testing.T) {
	c := NewClient(ClientConfig{}, Envelope{From: "a@b.ro", To: []string{"c@d.ro"}}, []byte("x"))
	_, last := clientTrace(c, "220 h", "250 h", "250 Ok", "250 Ok", "354 go")
	if !last.Data || !slices.Equal(last.Lines, []string{"x", "."}) || c.State() != WaitDataEnd {
		t.Errorf("data output %+v in %v", last, c.State())
	}
	c = NewClient(ClientConfig{}, Envelope{From: "a@b.ro", To: []string{"c@d.ro"}}, nil)
	_, last = clientTrace(c, "220 h", "250 h", "250 Ok", "250 Ok", "354 go")
	if !slices.Equal(last.Lines, []string{"."}) {
		t.Errorf("empty message sent %q", last.Lines)
	}
}

func TestHas8bit(t *testing.T) {
	long := strings.Repeat("a", 70)
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"", false}, {"abc", false}, {long, false},
		{"ă", true}, {long[:40] + "\x80", true}, {long[:33] + "\xff" + long, true}, {"\x7f", false},
	} {
		if got := has8bit([]byte(tc.s)); got != tc.want {
			t.Errorf("has8bit(%q) = %v", tc.s, got)
		}
	}
}

func TestClientMultilineWaits(t *testing.T) {
	c := NewClient(ClientConfig{EHLO: true}, Envelope{From: "a@b.ro", To: []string{"c@d.ro"}}, nil)
	c.Feed("220 h")
	for _, l := range []string{"250-h", "250-PIPELINING", "250-SIZE 100"} {
		if out := c.Feed(l); len(out.Lines) != 0 || out.Done {
			t.Fatalf("%q produced %+v", l, out)
		}
	}
	if out := c.Feed("250 HELP"); !slices.Equal(out.Lines, []string{"MAIL FROM:<a@b.ro> SIZE=0"}) {
		t.Errorf("after EHLO reply: %q", out.Lines)
	}
}

func TestParseReplyLine(t *testing.T) {
	for _, tc := range []struct {
		line string
		ok   bool
		want replyLine
	}{
		{"250 2.1.0 Ok", true, replyLine{code: 250, enhanced: "2.1.0", text: "Ok"}},
		{"250-matrix", true, replyLine{code: 250, more: true, text: "matrix"}},
		{"250", true, replyLine{code: 250}},
		{"550 5.1.1", true, replyLine{code: 550, enhanced: "5.1.1"}},
		{"550 2.1.1 mismatched class", true, replyLine{code: 550, text: "2.1.1 mismatched class"}},
		{"250 2.0.0x", true, replyLine{code: 250, text: "2.0.0x"}},
		{"354 End data", true, replyLine{code: 354, text: "End data"}},
		{"25", false, replyLine{}},
		{"250x", false, replyLine{}},
		{"650 x", false, replyLine{}},
		{"abc", false, replyLine{}},
	} {
		got, ok := parseReplyLine(tc.line)
		if ok != tc.ok || ok && got != tc.want {
			t.Errorf("%q -> %+v %v, want %+v %v", tc.line, got, ok, tc.want, tc.ok)
		}
	}
}
