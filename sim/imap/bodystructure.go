package imap

import (
	"mime"
	"slices"
	"strconv"
	"strings"
)

// structure writes the BODY (ext false) or BODYSTRUCTURE (ext true) of an
// entity (RFC 3501 §7.4.2): the MIME tree with every part's type,
// encoding and size. A client reads it to decide what to fetch, for
// example the text part but not a large attachment, which is the
// lecture's partial transfer.
func (e *entity) structure(ext bool) string {
	var b strings.Builder
	e.writeStructure(&b, ext)
	return b.String()
}

func (e *entity) writeStructure(b *strings.Builder, ext bool) {
	b.WriteByte('(')
	if len(e.children) > 0 {
		for _, child := range e.children {
			child.writeStructure(b, ext)
		}
		b.WriteString(" " + quote(strings.ToUpper(e.subtype)))
		if ext {
			b.WriteString(" " + paramList(e.params) + " " + e.disposition() + " NIL NIL")
		}
		b.WriteByte(')')
		return
	}
	encoding := strings.ToUpper(e.get("Content-Transfer-Encoding"))
	if encoding == "" {
		encoding = "7BIT"
	}
	b.WriteString(quote(strings.ToUpper(e.typ)) + " " + quote(strings.ToUpper(e.subtype)) + " " + paramList(e.params) +
		" " + e.nfield("Content-ID") + " " + e.nfield("Content-Description") + " " + quote(encoding) +
		" " + strconv.Itoa(len(e.body)))
	switch {
	case e.inner != nil:
		b.WriteString(" " + e.inner.envelope() + " ")
		e.inner.writeStructure(b, ext)
		b.WriteString(" " + strconv.Itoa(lines(e.body)))
	case e.typ == "text":
		b.WriteString(" " + strconv.Itoa(lines(e.body)))
	}
	if ext {
		b.WriteString(" NIL " + e.disposition() + " NIL NIL")
	}
	b.WriteByte(')')
}

// paramList writes media type parameters as ("NAME" "value" ...), sorted
// by name so that the output does not depend on map order, or NIL.
func paramList(params map[string]string) string {
	if len(params) == 0 {
		return "NIL"
	}
	names := make([]string, 0, len(params))
	for k := range params {
		names = append(names, k)
	}
	slices.Sort(names)
	parts := make([]string, 0, 2*len(names))
	for _, k := range names {
		parts = append(parts, quote(strings.ToUpper(k)), quote(params[k]))
	}
	return "(" + strings.Join(parts, " ") + ")"
}

// disposition writes Content-Disposition as ("ATTACHMENT" ("FILENAME"
// "a.pdf")), or NIL.
func (e *entity) disposition() string {
	value := e.get("Content-Disposition")
	if value == "" {
		return "NIL"
	}
	disp, params, err := mime.ParseMediaType(value)
	if err != nil {
		return "NIL"
	}
	return "(" + quote(strings.ToUpper(disp)) + " " + paramList(params) + ")"
}
