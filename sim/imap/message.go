package imap

import (
	"bytes"
	"mime"
	"strings"
)

// entity is a message or one of its MIME parts, split the way FETCH and
// BODYSTRUCTURE need it: raw header and body octets (partial fetches
// count octets of exactly these), the header fields, the media type, and
// the parts inside.
type entity struct {
	header []byte // the header, with the empty line that ends it
	body   []byte
	fields []field
	// typ and subtype are the media type in lower case, params its
	// parameters, as mime.ParseMediaType gives them.
	typ, subtype string
	params       map[string]string
	// children are the parts of a multipart entity.
	children []*entity
	// inner is the message inside a message/rfc822 part.
	inner *entity
}

// field is one header field.
type field struct {
	name  string
	raw   []byte // the field as it is in the header, folded lines and CRLF included
	value string // unfolded and trimmed
}

// maxDepth bounds MIME nesting, so that a hostile message cannot make
// parsing recurse without end.
const maxDepth = 20

// parseEntity splits data into header and body and, for multipart and
// message/rfc822 entities, parses the parts inside. defaultType is the
// media type assumed without a Content-Type field: text/plain, except
// inside multipart/digest (RFC 2046 §5.1.5).
func parseEntity(data []byte, defaultType string, depth int) *entity {
	e := &entity{}
	rest := data
	for len(rest) > 0 {
		line, next := cutLine(rest)
		if len(bytes.TrimRight(line, "\r\n")) == 0 {
			e.header = data[:len(data)-len(next)]
			e.body = next
			break
		}
		if line[0] == ' ' || line[0] == '\t' {
			if n := len(e.fields); n > 0 {
				f := &e.fields[n-1]
				f.raw = data[len(data)-len(rest)-len(f.raw) : len(data)-len(next)]
				f.value += " " + strings.TrimSpace(string(line))
			}
		} else if name, value, ok := bytes.Cut(line, []byte(":")); ok {
			e.fields = append(e.fields, field{
				name: strings.TrimSpace(string(name)), raw: line, value: strings.TrimSpace(string(value)),
			})
		}
		rest = next
	}
	if e.header == nil {
		e.header, e.body = data, nil
	}
	e.typ, e.subtype, e.params = mediaType(e.get("Content-Type"), defaultType)
	if depth >= maxDepth {
		return e
	}
	switch {
	case e.typ == "multipart":
		childType := "text/plain"
		if e.subtype == "digest" {
			childType = "message/rfc822"
		}
		for _, part := range splitMultipart(e.body, e.params["boundary"]) {
			e.children = append(e.children, parseEntity(part, childType, depth+1))
		}
		if len(e.children) == 0 {
			// A multipart without parts cannot be described in
			// BODYSTRUCTURE; it is treated as the text it shows.
			e.typ, e.subtype, e.params = "text", "plain", map[string]string{"charset": "us-ascii"}
		}
	case e.typ == "message" && e.subtype == "rfc822":
		e.inner = parseEntity(e.body, "text/plain", depth+1)
	}
	return e
}

// cutLine returns the first line of data with its line end, and the rest.
func cutLine(data []byte) (line, rest []byte) {
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		return data[:i+1], data[i+1:]
	}
	return data, nil
}

// mediaType parses a Content-Type value, falling back to the default for
// a missing or malformed one (RFC 2045 §5.2).
func mediaType(value, defaultType string) (typ, subtype string, params map[string]string) {
	mt, params, err := mime.ParseMediaType(value)
	typ, subtype, ok := strings.Cut(mt, "/")
	if value == "" || err != nil || !ok {
		typ, subtype, _ = strings.Cut(defaultType, "/")
		params = map[string]string{}
		if typ == "text" {
			params["charset"] = "us-ascii"
		}
	}
	return typ, subtype, params
}

// splitMultipart returns the parts of a multipart body: the octets
// between each boundary line and the CRLF before the next one, which
// belongs to the boundary (RFC 2046 §5.1.1). The preamble and epilogue
// are not parts.
func splitMultipart(body []byte, boundary string) [][]byte {
	if boundary == "" {
		return nil
	}
	delim := []byte("--" + boundary)
	var parts [][]byte
	start := -1
	for pos := 0; pos < len(body); {
		line, rest := cutLine(body[pos:])
		next := len(body) - len(rest)
		if after, ok := bytes.CutPrefix(bytes.TrimRight(line, " \t\r\n"), delim); ok && (len(after) == 0 || string(after) == "--") {
			if start >= 0 {
				end := pos
				if end > start && body[end-1] == '\n' {
					end--
				}
				if end > start && body[end-1] == '\r' {
					end--
				}
				parts = append(parts, body[start:end])
			}
			if len(after) > 0 {
				return parts
			}
			start = next
		}
		pos = next
	}
	if start >= 0 {
		parts = append(parts, body[start:])
	}
	return parts
}

// get returns the unfolded value of the first field with the name.
func (e *entity) get(name string) string {
	v, _ := e.lookup(name)
	return v
}

// lookup is get that also says whether the field is there at all.
func (e *entity) lookup(name string) (string, bool) {
	for _, f := range e.fields {
		if strings.EqualFold(f.name, name) {
			return f.value, true
		}
	}
	return "", false
}

// headerFields returns the raw fields whose names are (or, with not, are
// not) among names, followed by the empty line: HEADER.FIELDS and
// HEADER.FIELDS.NOT.
func (e *entity) headerFields(names []string, not bool) []byte {
	var b []byte
	for _, f := range e.fields {
		in := false
		for _, n := range names {
			if strings.EqualFold(f.name, n) {
				in = true
				break
			}
		}
		if in != not {
			b = append(b, f.raw...)
		}
	}
	return append(b, '\r', '\n')
}

// part returns the entity a section part number names (RFC 3501 §6.4.5):
// the children of a multipart count from 1; a part that is not multipart
// has itself as part 1; after a message/rfc822 part, numbers count inside
// the message it holds.
func (e *entity) part(path []int) (*entity, bool) {
	cur := e
	for i, n := range path {
		if i > 0 && cur.inner != nil {
			cur = cur.inner
		}
		switch {
		case len(cur.children) > 0:
			if n < 1 || n > len(cur.children) {
				return nil, false
			}
			cur = cur.children[n-1]
		case n != 1:
			return nil, false
		}
	}
	return cur, true
}

// lines counts the lines of a body, for BODYSTRUCTURE's size in lines.
func lines(body []byte) int {
	n := bytes.Count(body, []byte("\n"))
	if len(body) > 0 && body[len(body)-1] != '\n' {
		n++
	}
	return n
}
