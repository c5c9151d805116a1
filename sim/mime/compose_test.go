package mime

import (
	"bytes"
	"errors"
	"io"
	stdmime "mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"
)

func draft() Draft {
	return Draft{
		Header: []Field{{"From", "Alice <alice@example.org>"}, {"To", "bob@example.net"}, {"Subject", "Fișierul cerut"}},
		Text:   &Part{Type: "text/plain; charset=utf-8", Data: []byte("Salut Bob,\nîți trimit fișierul.\n")},
		HTML:   &Part{Type: "text/html; charset=utf-8", Data: []byte("<p>Salut Bob,</p>\n<p>îți trimit fișierul.</p>\n")},
		Attachments: []Part{
			{Type: "image/png", Filename: "diagramă.png", Data: []byte{0x89, 'P', 'N', 'G', 0, 1, 2, 3, 0xff}},
			{Type: "text/plain; charset=us-ascii", Encoding: Enc7bit, Filename: "notes.txt", Data: []byte("line one\r\nline two\r\n")},
		},
	}
}

// TestComposeParsesBackWithStdlib reads the composed message with net/mail
// and mime/multipart, which we did not write, and finds the same parts.
func TestComposeParsesBackWithStdlib(t *testing.T) {
	raw, err := Compose(draft())
	if err != nil {
		t.Fatal(err)
	}
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	subject, _ := new(stdmime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if subject != "Fișierul cerut" || m.Header.Get("Mime-Version") != "1.0" {
		t.Fatalf("header: subject %q, %v", subject, m.Header)
	}
	for _, line := range strings.Split(string(raw), "\r\n") {
		if len(line) > MaxLine {
			t.Fatalf("line over %d octets", MaxLine)
		}
	}
	if strings.Contains(strings.ReplaceAll(string(raw), "\r\n", ""), "\n") {
		t.Fatal("bare LF in the message")
	}
	tree, err := Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if tree.Type != "multipart/mixed" || len(tree.Parts) != 3 || tree.Parts[0].Type != "multipart/alternative" {
		t.Fatalf("tree shape: %s with %d parts", tree.Type, len(tree.Parts))
	}
	alt := tree.Parts[0]
	if alt.Parts[0].Text != "Salut Bob,\r\nîți trimit fișierul.\r\n" || alt.Parts[0].Encoding != EncQP || alt.Parts[1].Type != "text/html" {
		t.Fatalf("alternative parts: %+v %+v", alt.Parts[0], alt.Parts[1])
	}
	png := tree.Parts[1]
	if png.Filename != "diagramă.png" || png.Encoding != EncBase64 || !bytes.Equal(png.Data, draft().Attachments[0].Data) || png.Path != "2" {
		t.Fatalf("attachment: %+v", png)
	}

	// The same parts through mime/multipart alone.
	_, params, _ := stdmime.ParseMediaType(m.Header.Get("Content-Type"))
	r := multipart.NewReader(m.Body, params["boundary"])
	var names []string
	for {
		p, err := r.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, p.FileName())
	}
	if strings.Join(names, ",") != ",diagramă.png,notes.txt" {
		t.Fatalf("mime/multipart sees parts %q", names)
	}
}

func TestComposeIsDeterministic(t *testing.T) {
	a, _ := Compose(draft())
	b, _ := Compose(draft())
	if !bytes.Equal(a, b) {
		t.Fatal("the same draft gave two messages")
	}
}

// TestComposeRefusesInvalidEncodings: each wrong choice names its reason.
func TestComposeRefusesInvalidEncodings(t *testing.T) {
	long := strings.Repeat("x", 1200)
	cases := []struct {
		name string
		part Part
		want Reason
	}{
		{"7bit with non-ASCII", Part{Type: "text/plain; charset=utf-8", Encoding: Enc7bit, Data: []byte("ăîș")}, ReasonNot7bit},
		{"8bit with a long line", Part{Type: "text/plain", Encoding: Enc8bit, Data: []byte(long)}, ReasonLongLine},
		{"7bit with a long line", Part{Type: "text/plain", Encoding: Enc7bit, Data: []byte("ok\n" + long + "\n")}, ReasonLongLine},
		{"binary", Part{Type: "application/octet-stream", Encoding: EncBinary, Data: []byte{1, 2}}, ReasonBinary},
		{"NUL in 8bit", Part{Type: "application/octet-stream", Encoding: Enc8bit, Data: []byte{'a', 0}}, ReasonNUL},
		{"unknown encoding", Part{Type: "text/plain", Encoding: "uuencode", Data: []byte("a")}, ReasonBadEncoding},
		{"bad type", Part{Type: "plain", Data: []byte("a")}, ReasonBadType},
	}
	for _, c := range cases {
		_, err := Compose(Draft{Text: &c.part})
		var e *Error
		if !errors.As(err, &e) || e.Reason != c.want || !e.Text.Complete() {
			t.Errorf("%s: got %v, want reason %s in both languages", c.name, err, c.want)
		}
	}
	for _, ok := range []Part{
		{Type: "text/plain", Encoding: EncQP, Data: []byte(long)},
		{Type: "text/plain", Encoding: EncBase64, Data: []byte(long)},
		{Type: "text/plain; charset=utf-8", Encoding: Enc8bit, Data: []byte("ăîș\n")},
	} {
		if _, err := Compose(Draft{Text: &ok}); err != nil {
			t.Errorf("%s refused: %v", ok.Encoding, err)
		}
	}
}

// TestComposeRefusesHeaderInjection: a subject with a line break could add
// header fields of the sender's choosing; it is refused.
func TestComposeRefusesHeaderInjection(t *testing.T) {
	d := draft()
	d.Header = append(d.Header, Field{"Subject", "hi\r\nBcc: victim@example.com"})
	_, err := Compose(d)
	var e *Error
	if !errors.As(err, &e) || e.Reason != ReasonHeaderBreak {
		t.Fatalf("got %v", err)
	}
	d.Header = []Field{{"X Bad", "v"}}
	if _, err := Compose(d); !errors.As(err, &e) || e.Reason != ReasonBadHeader {
		t.Fatalf("bad field name: got %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	cases := map[string]string{
		"no boundary": "Content-Type: multipart/mixed\r\n\r\nbody\r\n",
		"bad base64":  "Content-Transfer-Encoding: base64\r\n\r\n@@@@\r\n",
		"bad type":    "Content-Type: /\r\n\r\nx\r\n",
		"unknown cte": "Content-Transfer-Encoding: x-rot13\r\n\r\nx\r\n",
	}
	for name, raw := range cases {
		_, err := Parse([]byte(raw))
		var e *Error
		if !errors.As(err, &e) || !e.Text.Complete() {
			t.Errorf("%s: got %v, want a bilingual *Error", name, err)
		}
	}
	deep := "Content-Type: multipart/mixed; boundary=b0\r\n\r\n"
	for i := 1; i <= MaxDepth+1; i++ {
		deep += "--b" + string(rune('0'+i-1)) + "\r\nContent-Type: multipart/mixed; boundary=b" + string(rune('0'+i)) + "\r\n\r\n"
	}
	if _, err := Parse([]byte(deep)); err == nil {
		t.Error("a message nested too deep was accepted")
	}
}

// FuzzParse: arbitrary bytes never panic, and what parses has a valid tree.
func FuzzParse(f *testing.F) {
	raw, _ := Compose(draft())
	f.Add(raw)
	f.Add([]byte("Subject: x\r\n\r\nbody\r\n"))
	f.Add([]byte("Content-Type: multipart/alternative; boundary=x\r\n\r\n--x\r\n\r\na\r\n--x--\r\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		n, err := Parse(raw)
		if err != nil {
			return
		}
		var walk func(*Node, int)
		walk = func(n *Node, depth int) {
			if depth > MaxDepth+1 || n.Type == "" {
				t.Fatalf("bad node %+v at depth %d", n, depth)
			}
			for _, c := range n.Parts {
				walk(c, depth+1)
			}
		}
		walk(n, 0)
	})
}
