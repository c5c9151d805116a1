package mime

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"hash/fnv"
	"mime"
	"mime/quotedprintable"
	"strings"
)

// The transfer encodings of RFC 2045 §6, as the lecture's table lists them.
const (
	Enc7bit   = "7bit"
	Enc8bit   = "8bit"
	EncBinary = "binary"
	EncBase64 = "base64"
	EncQP     = "quoted-printable"
)

// MaxLine is the longest line, without its CRLF, that 7bit and 8bit bodies
// and SMTP itself allow (RFC 5321 §4.5.3.1.6, RFC 2045 §2.7).
const MaxLine = 998

// Field is one header field, in the order it is written.
type Field struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Part is one leaf of a message to compose: a text, an HTML alternative or
// an attachment.
type Part struct {
	Type     string `json:"type"`               // media type with parameters, e.g. "text/plain; charset=utf-8"
	Encoding string `json:"encoding,omitempty"` // one of the Enc constants; "" picks the simplest that is valid
	Filename string `json:"filename,omitempty"` // set for an attachment
	Data     []byte `json:"-"`
}

// Draft is a whole message to compose.
type Draft struct {
	Header      []Field // From, To, Subject, ... as plain text; non-ASCII is encoded (RFC 2047)
	Text        *Part   // the plain text part
	HTML        *Part   // an HTML alternative of the text (multipart/alternative)
	Attachments []Part  // files (multipart/mixed)
}

// Compose writes a draft as a MIME message with CRLF line ends: one part
// alone, text and HTML as multipart/alternative, and with attachments a
// multipart/mixed around them. It refuses, with a reason a student can act
// on, an encoding that cannot carry its part through SMTP. Boundaries are
// derived from the content, so the same draft always gives the same bytes.
func Compose(d Draft) ([]byte, error) {
	var b bytes.Buffer
	for _, f := range d.Header {
		if err := writeField(&b, f); err != nil {
			return nil, err
		}
	}
	b.WriteString("MIME-Version: 1.0" + crlf)
	var leaves []Part
	if d.Text != nil {
		leaves = append(leaves, *d.Text)
	}
	if d.HTML != nil {
		leaves = append(leaves, *d.HTML)
	}
	if len(leaves) == 0 && len(d.Attachments) == 0 {
		return nil, wholeError(ReasonNoParts)
	}
	body := func(w *bytes.Buffer) error {
		if len(leaves) == 2 {
			return writeLeaves(w, "alternative", leaves)
		}
		if len(leaves) == 1 {
			return leaf(w, leaves[0])
		}
		return nil
	}
	if len(d.Attachments) == 0 {
		if err := body(&b); err != nil {
			return nil, err
		}
		return b.Bytes(), nil
	}
	var first bytes.Buffer
	if err := body(&first); err != nil {
		return nil, err
	}
	var parts [][]byte
	if first.Len() > 0 {
		parts = append(parts, first.Bytes())
	}
	for _, a := range d.Attachments {
		var p bytes.Buffer
		if err := leaf(&p, a); err != nil {
			return nil, err
		}
		parts = append(parts, p.Bytes())
	}
	writeMultipart(&b, "mixed", parts)
	return b.Bytes(), nil
}

// writeField writes one header field, refusing line breaks in it (header
// injection) and encoding non-ASCII text as RFC 2047 encoded words.
func writeField(b *bytes.Buffer, f Field) error {
	if f.Name == "" || strings.ContainsFunc(f.Name, func(r rune) bool { return r <= ' ' || r >= 0x7f || r == ':' }) {
		return wholeError(ReasonBadHeader, f.Name)
	}
	if strings.ContainsAny(f.Value, "\r\n") {
		return wholeError(ReasonHeaderBreak, f.Name)
	}
	fmt.Fprintf(b, "%s: %s%s", f.Name, mime.QEncoding.Encode("utf-8", f.Value), crlf)
	return nil
}

// writeLeaves writes parts as one multipart entity of the given subtype.
func writeLeaves(b *bytes.Buffer, subtype string, leaves []Part) error {
	var parts [][]byte
	for _, p := range leaves {
		var w bytes.Buffer
		if err := leaf(&w, p); err != nil {
			return err
		}
		parts = append(parts, w.Bytes())
	}
	writeMultipart(b, subtype, parts)
	return nil
}

// writeMultipart writes already encoded parts (each its header and body)
// with a boundary that occurs in none of them (RFC 2046 §5.1.1).
func writeMultipart(b *bytes.Buffer, subtype string, parts [][]byte) {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write(p)
	}
	boundary := fmt.Sprintf("=_%s_%016x", subtype, h.Sum64())
	for contains(parts, boundary) {
		boundary += "_"
	}
	fmt.Fprintf(b, "Content-Type: multipart/%s; boundary=\"%s\"%s%s", subtype, boundary, crlf, crlf)
	for _, p := range parts {
		fmt.Fprintf(b, "--%s%s", boundary, crlf)
		b.Write(p)
	}
	fmt.Fprintf(b, "--%s--%s", boundary, crlf)
}

func contains(parts [][]byte, s string) bool {
	for _, p := range parts {
		if bytes.Contains(p, []byte(s)) {
			return true
		}
	}
	return false
}

// leaf writes one part's header fields and encoded body.
func leaf(b *bytes.Buffer, p Part) error {
	mediatype, params, err := mime.ParseMediaType(p.Type)
	if err != nil || !strings.Contains(mediatype, "/") || strings.HasPrefix(mediatype, "multipart/") {
		return wholeError(ReasonBadType, p.Type)
	}
	data := p.Data
	if strings.HasPrefix(mediatype, "text/") {
		data = canonicalLines(data)
	}
	enc := strings.ToLower(p.Encoding)
	if enc == "" {
		enc = simplest(mediatype, data)
	}
	if err := validEncoding(enc, data); err != nil {
		return err
	}
	fmt.Fprintf(b, "Content-Type: %s%s", mime.FormatMediaType(mediatype, params), crlf)
	if p.Filename != "" {
		fmt.Fprintf(b, "Content-Disposition: %s%s", mime.FormatMediaType("attachment", map[string]string{"filename": p.Filename}), crlf)
	}
	fmt.Fprintf(b, "Content-Transfer-Encoding: %s%s%s", enc, crlf, crlf)
	switch enc {
	case EncBase64:
		wrapped, _, _ := wrap(base64.StdEncoding.EncodeToString(data))
		b.WriteString(wrapped + crlf)
	case EncQP:
		w := quotedprintable.NewWriter(b)
		w.Write(data)
		w.Close()
		b.WriteString(crlf)
	default:
		b.Write(data)
		if len(data) > 0 && !bytes.HasSuffix(data, []byte(crlf)) {
			b.WriteString(crlf)
		}
	}
	return nil
}

// simplest picks the encoding a careful mail program would: text that is
// already 7-bit with short lines as it is, other text as quoted-printable,
// everything else as Base64.
func simplest(mediatype string, data []byte) string {
	if !strings.HasPrefix(mediatype, "text/") {
		return EncBase64
	}
	if validEncoding(Enc7bit, data) == nil {
		return Enc7bit
	}
	return EncQP
}

// validEncoding says why enc cannot carry data through SMTP, or nil.
func validEncoding(enc string, data []byte) error {
	switch enc {
	case EncBase64, EncQP:
		return nil
	case EncBinary:
		return wholeError(ReasonBinary)
	case Enc7bit, Enc8bit:
	default:
		return wholeError(ReasonBadEncoding, enc)
	}
	line, start := 1, 0
	for i, c := range data {
		switch {
		case c == 0:
			return wholeError(ReasonNUL, enc, i)
		case c >= 0x80 && enc == Enc7bit:
			return &Error{Reason: ReasonNot7bit, Offset: i, Text: msg("err."+string(ReasonNot7bit), i, line)}
		case c == '\n':
			if i-start-1 > MaxLine {
				return wholeError(ReasonLongLine, line, i-start-1, enc)
			}
			line, start = line+1, i+1
		}
	}
	if len(data)-start > MaxLine {
		return wholeError(ReasonLongLine, line, len(data)-start, enc)
	}
	return nil
}

// canonicalLines turns any mix of LF, CR and CRLF into CRLF, the canonical
// form of text in MIME (RFC 2046 §4.1.1).
func canonicalLines(data []byte) []byte {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return []byte(strings.ReplaceAll(s, "\n", crlf))
}
