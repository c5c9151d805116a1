package smtp

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzServerCommand feeds arbitrary input to a server, split on CRLF as the
// adapter does (so lines may hold bare CR or LF): it must never panic, every
// reply line must start with a 3-digit code and a valid separator and hold
// no control character (no NUL, no escape a client's argument smuggled in),
// and the state must stay one of the diagram's.
func FuzzServerCommand(f *testing.F) {
	for _, seed := range []string{
		"HELO x\r\nMAIL FROM:<a@b.ro>\r\nRCPT TO:<c@d.ro>\r\nDATA\r\n..x\r\n.\r\nQUIT",
		"mail from: ms@elcom.pub.ro\r\nrcpt to: asil@matrix.elcom.pub.ro\r\ndata\r\nx\r\n.",
		"EHLO x\r\nMAIL FROM:<> SIZE=12 BODY=8BITMIME\r\nRCPT TO:<\"q\\\"x\"@[1.2.3.4]>",
		"VRFY ana\r\nEXPN studenti\r\nHELP\r\nHELP STATUS\r\nHELP x\r\nTURN\r\nSEND FROM:<a@b>\r\nAUTH PLAIN",
		"MAIL FROM:<@a,@b:c@d>\r\nRCPT TO:<nobody@matrix>\r\nDATA\r\nRSET\r\nNOOP\r\n",
		"EHLO x\r\nMAIL FROM:<ș@ț.ro> SMTPUTF8\r\nRCPT TO:<ă@matrix>\r\nRSET\r\nMAIL FROM:<ș@b.ro>\r\nMAIL FROM:<a@b.ro> SMTPUTF8=x",
		"HELO x\x00y\r\nMAIL FROM:<a\x00@b.ro>\r\nMAIL FROM:<a\x1b[2J@b.ro>\r\nVRFY \x07x\r\nEXPN \x1bx\r\nHELP \x7f",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input string) {
		s := NewServer(Config{Hostname: "matrix", MaxSize: 4096, MaxRecipients: 3, Backend: listBackend{newBackend()}})
		check := func(o Output) {
			for _, r := range o.Replies {
				for _, w := range r.Wire() {
					if len(w) < 3 || w[0] < '2' || w[0] > '5' || !isDigit(w[1]) || !isDigit(w[2]) ||
						len(w) > 3 && w[3] != ' ' && w[3] != '-' || strings.ContainsAny(w, "\r\r\n") {
						t.Fatalf("malformed reply line %q", w)
					}
					if strings.ContainsFunc(w, isControl) {
						t.Fatalf("reply line %q carries a control character", w)
					}
					if _, ok := parseReplyLine(w); !ok {
						t.Fatalf("client cannot read %q", w)
					}
				}
			}
			if st := s.State(); st < Connected || st > Closed {
				t.Fatalf("invalid state %d", st)
			}
			if o.Close != (s.State() == Closed) {
				t.Fatalf("Close=%v in state %v", o.Close, s.State())
			}
		}
		check(s.Greet())
		for line := range strings.SplitSeq(input, "\r\n") {
			check(s.Feed([]byte(line)))
		}
		check(s.Timeout())
	})
}

// FuzzDataReader sends arbitrary message bytes from a client through a
// server: within the limits they arrive byte-identical to the message in
// CRLF form (the client ends every line with CRLF, lone LF included);
// beyond them the server answers 552; a lone CR left in the text, a NUL or
// more than MaxHops Received lines in the header get 554; and then nothing
// is delivered.
func FuzzDataReader(f *testing.F) {
	for _, seed := range []string{
		"", ".", "..\r\n", "From: a\r\n\r\nbody\r\n.\r\n", "x\n.\ny", "\r\r\n", "a\rb", ".\r\n.\r\n", "a\x00b\r\n",
		strings.Repeat("y", 998) + "\r\n", strings.Repeat("z", 999),
		strings.Repeat("Received: x\r\n", MaxHops+1) + "\r\nbody\r\n", strings.Repeat("RECEIVED:\n", MaxHops),
	} {
		f.Add([]byte(seed))
	}
	const maxSize = 8192
	f.Fuzz(func(t *testing.T, msg []byte) {
		b := newBackend()
		s := NewServer(Config{Hostname: "matrix", MaxSize: maxSize, Backend: b})
		c := NewClient(ClientConfig{EHLO: true}, Envelope{From: "a@b.ro", To: []string{"c@d.ro"}}, msg)
		converse(c, s)

		want := canonical(msg)
		within := len(want) <= maxSize
		for line := range bytes.SplitSeq(want, []byte("\r\n")) {
			if len(line)+2 > maxTextLine {
				within = false
			}
		}
		res := c.Result()
		if c.State() != Done || s.State() != Closed {
			t.Fatalf("client %v, server %v", c.State(), s.State())
		}
		refused := func(enhanced string) {
			if len(b.msgs) != 0 || res.Final == nil || res.Final.Code != 554 || res.Final.Enhanced != enhanced {
				t.Fatalf("sent %q: delivered %d, result %+v, want 554 %s", msg, len(b.msgs), res, enhanced)
			}
		}
		switch {
		case within && bareCR(want):
			refused("5.5.2")
		case within && bytes.IndexByte(want, 0) >= 0:
			refused("5.6.0")
		case within && hops(want) > MaxHops:
			refused("5.4.6")
		case within:
			if len(b.msgs) != 1 || b.msgs[0].data != string(want) {
				t.Fatalf("sent %q, delivered %+v (result %+v)", msg, b.msgs, res)
			}
		case len(want) > maxSize:
			// The client declared SIZE, so the server refused at MAIL.
			if len(b.msgs) != 0 || res.Abort == nil || res.Abort.Code != 552 {
				t.Fatalf("oversized message: delivered %d, result %+v", len(b.msgs), res)
			}
		default:
			if len(b.msgs) != 0 || res.Final == nil || res.Final.Code != 552 {
				t.Fatalf("long line: delivered %d, result %+v", len(b.msgs), res)
			}
		}
	})
}

// bareCR reports a CR not followed by LF, written independently of the
// server.
func bareCR(msg []byte) bool {
	return bytes.Count(msg, []byte("\r")) != bytes.Count(msg, []byte("\r\n"))
}

// hops counts the Received lines of a message's header, written
// independently of the server.
func hops(msg []byte) int {
	head, _, _ := strings.Cut("\r\n"+string(msg), "\r\n\r\n")
	return strings.Count(strings.ToLower(head), "\r\nreceived:")
}

// canonical is the message in CRLF form, written independently of the
// client: a lone LF becomes CRLF and a missing final CRLF is added.
func canonical(msg []byte) []byte {
	var out []byte
	for i, c := range msg {
		if c == '\n' && (i == 0 || msg[i-1] != '\r') {
			out = append(out, '\r')
		}
		out = append(out, c)
	}
	if len(out) > 0 && !bytes.HasSuffix(out, []byte("\r\n")) {
		out = append(out, '\r', '\n')
	}
	return out
}
