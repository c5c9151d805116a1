package mime

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"slices"
	"strconv"
	"strings"
)

// Limits of Parse, so that a hostile message cannot exhaust the server.
const (
	MaxMessage = 4 << 20 // octets of a whole message
	MaxDepth   = 8       // nesting of multiparts
	MaxParts   = 100     // parts in the whole tree
)

// Node is one entity of a parsed message: the message itself, a multipart
// container or a leaf. It is what the player's message inspector draws.
type Node struct {
	Path     string            `json:"path"`   // "" for the message, "1", "1.2" ... as IMAP numbers parts
	Header   []Field           `json:"header"` // in order, values as written (encoded words decoded)
	Type     string            `json:"type"`   // media type, lower case; text/plain when absent
	Params   map[string]string `json:"params,omitempty"`
	Encoding string            `json:"encoding"` // transfer encoding, lower case; 7bit when absent
	Filename string            `json:"filename,omitempty"`
	Size     int               `json:"size"`           // octets of the body as it travels, encoded
	Decoded  int               `json:"decoded"`        // octets after decoding (leaves only)
	Text     string            `json:"text,omitempty"` // a text leaf's decoded content, when UTF-8 or ASCII
	Parts    []*Node           `json:"parts,omitempty"`
	Data     []byte            `json:"-"` // a leaf's decoded content
}

// Parse reads a message into its MIME tree, decoding each leaf's transfer
// encoding. Its errors say what is malformed, in both languages.
func Parse(raw []byte) (*Node, error) {
	if len(raw) > MaxMessage {
		return nil, tooLarge(len(raw), MaxMessage)
	}
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return nil, malformed("header: " + err.Error())
	}
	body, err := io.ReadAll(m.Body)
	if err != nil {
		return nil, malformed(err.Error())
	}
	count := 0
	return parseEntity("", textproto.MIMEHeader(m.Header), body, 0, &count)
}

func malformed(why string) error {
	return wholeError(ReasonMalformed, why)
}

// parseEntity builds the node of one entity from its header and body.
func parseEntity(path string, h textproto.MIMEHeader, body []byte, depth int, count *int) (*Node, error) {
	*count++
	if depth > MaxDepth || *count > MaxParts {
		return nil, wholeError(ReasonTooDeep, MaxDepth, MaxParts)
	}
	n := &Node{Path: path, Type: "text/plain", Encoding: Enc7bit, Size: len(body)}
	dec := new(mime.WordDecoder)
	for _, name := range sortedKeys(h) {
		for _, v := range h[name] {
			if d, err := dec.DecodeHeader(v); err == nil {
				v = d
			}
			n.Header = append(n.Header, Field{Name: name, Value: v})
		}
	}
	if ct := h.Get("Content-Type"); ct != "" {
		t, params, err := mime.ParseMediaType(ct)
		if err != nil {
			return nil, malformed(fmt.Sprintf("part %q: Content-Type %q: %v", path, ct, err))
		}
		n.Type, n.Params = t, params
	}
	if cte := h.Get("Content-Transfer-Encoding"); cte != "" {
		n.Encoding = strings.ToLower(strings.TrimSpace(cte))
	}
	if cd := h.Get("Content-Disposition"); cd != "" {
		if _, params, err := mime.ParseMediaType(cd); err == nil {
			n.Filename = params["filename"]
		}
	}
	if n.Filename == "" {
		n.Filename = n.Params["name"]
	}
	if strings.HasPrefix(n.Type, "multipart/") {
		return n, n.parseChildren(body, depth, count)
	}
	data, err := decodeBody(n.Encoding, body)
	if err != nil {
		return nil, malformed(fmt.Sprintf("part %q (%s): %v", path, n.Encoding, err))
	}
	n.Data, n.Decoded = data, len(data)
	charset := strings.ToLower(n.Params["charset"])
	if strings.HasPrefix(n.Type, "text/") && (charset == "" || charset == "utf-8" || charset == "us-ascii") {
		n.Text = strings.ToValidUTF8(string(data), "\uFFFD")
	}
	return n, nil
}

// parseChildren splits a multipart body at its boundary.
func (n *Node) parseChildren(body []byte, depth int, count *int) error {
	boundary := n.Params["boundary"]
	if boundary == "" {
		return malformed(fmt.Sprintf("part %q: %s has no boundary", n.Path, n.Type))
	}
	r := multipart.NewReader(bytes.NewReader(body), boundary)
	for i := 1; ; i++ {
		p, err := r.NextRawPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return malformed(fmt.Sprintf("part %q: %v", n.Path, err))
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return malformed(fmt.Sprintf("part %q: %v", n.Path, err))
		}
		path := strconv.Itoa(i)
		if n.Path != "" {
			path = n.Path + "." + path
		}
		child, err := parseEntity(path, p.Header, data, depth+1, count)
		if err != nil {
			return err
		}
		n.Parts = append(n.Parts, child)
	}
	if len(n.Parts) == 0 {
		return malformed(fmt.Sprintf("part %q: %s has no parts", n.Path, n.Type))
	}
	return nil
}

// decodeBody undoes a transfer encoding.
func decodeBody(enc string, body []byte) ([]byte, error) {
	switch enc {
	case Enc7bit, Enc8bit, EncBinary:
		return body, nil
	case EncBase64:
		clean := bytes.Map(func(r rune) rune {
			if r == '\r' || r == '\n' || r == ' ' || r == '\t' {
				return -1
			}
			return r
		}, body)
		out := make([]byte, base64.StdEncoding.DecodedLen(len(clean)))
		k, err := base64.StdEncoding.Decode(out, clean)
		return out[:k], err
	case EncQP:
		return io.ReadAll(quotedprintable.NewReader(bytes.NewReader(body)))
	}
	return nil, fmt.Errorf("unknown transfer encoding %q", enc)
}

// sortedKeys gives header names in a stable order: the ones a reader looks
// for first, then the rest alphabetically.
func sortedKeys(h textproto.MIMEHeader) []string {
	first := []string{"Return-Path", "Received", "From", "To", "Cc", "Subject", "Date", "Message-Id", "Mime-Version",
		"Content-Type", "Content-Disposition", "Content-Transfer-Encoding"}
	var keys []string
	for _, k := range first {
		if _, ok := h[k]; ok {
			keys = append(keys, k)
		}
	}
	var rest []string
	for k := range h {
		if !slices.Contains(first, k) {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	return append(keys, rest...)
}
