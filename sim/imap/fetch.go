package imap

import (
	"mailsim/sim/store"

	"slices"
	"strconv"
	"strings"
)

// fetchItem is one data item a FETCH asks for. sec is set for the body
// sections BODY[...] and BODY.PEEK[...].
type fetchItem struct {
	name string
	sec  *section
}

// section is a body section: which part, which piece of it, and which
// octets of that piece.
type section struct {
	peek   bool
	part   []int
	spec   string // "", HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT, TEXT or MIME
	fields []string
	// partial says an <origin.count> range was asked for.
	partial       bool
	origin, count uint32
}

// fetchMacros are RFC 3501's shorthands for common item lists.
var fetchMacros = map[string][]string{
	"ALL":  {"FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE"},
	"FAST": {"FLAGS", "INTERNALDATE", "RFC822.SIZE"},
	"FULL": {"FLAGS", "INTERNALDATE", "RFC822.SIZE", "ENVELOPE", "BODY"},
}

// simpleItems are the items without a section.
var simpleItems = []string{
	"ENVELOPE", "FLAGS", "INTERNALDATE", "RFC822", "RFC822.HEADER", "RFC822.SIZE",
	"RFC822.TEXT", "BODY", "BODYSTRUCTURE", "UID",
}

// fetchItems reads a macro, one item, or a parenthesised list of items.
func (p *parser) fetchItems() ([]fetchItem, bool) {
	if p.peek() == '(' {
		var items []fetchItem
		ok := p.list(func() bool {
			item, ok := p.fetchItem()
			items = append(items, item)
			return ok
		})
		return items, ok && len(items) > 0
	}
	save := p.pos
	if a, _ := p.atom(); fetchMacros[strings.ToUpper(a)] != nil {
		var items []fetchItem
		for _, name := range fetchMacros[strings.ToUpper(a)] {
			items = append(items, fetchItem{name: name})
		}
		return items, true
	}
	p.pos = save
	item, ok := p.fetchItem()
	return []fetchItem{item}, ok
}

// fetchItem reads one item, such as FLAGS or BODY.PEEK[1.MIME]<0.100>.
func (p *parser) fetchItem() (fetchItem, bool) {
	name := strings.ToUpper(p.span(func(c byte) bool { return isAtomChar(c) && c != '[' }))
	if p.peek() != '[' {
		return fetchItem{name: name}, slices.Contains(simpleItems, name)
	}
	if name != "BODY" && name != "BODY.PEEK" {
		return fetchItem{}, false
	}
	sec, ok := p.section()
	if !ok {
		return fetchItem{}, false
	}
	sec.peek = name == "BODY.PEEK"
	return fetchItem{name: "BODY", sec: sec}, true
}

// section reads "[" section-spec "]" and an optional "<origin.count>".
func (p *parser) section() (*section, bool) {
	p.byte('[')
	sec := &section{}
	specAllowed := true
	for isDigit(p.peek()) {
		n, ok := p.number()
		if !ok || n == 0 || len(sec.part) >= maxDepth {
			return nil, false
		}
		sec.part = append(sec.part, int(n))
		if specAllowed = p.byte('.'); !specAllowed {
			break
		}
	}
	if specAllowed {
		sec.spec = strings.ToUpper(p.span(func(c byte) bool { return c == '.' || (c|0x20 >= 'a' && c|0x20 <= 'z') }))
		switch sec.spec {
		case "":
			if len(sec.part) > 0 {
				return nil, false // "1." with nothing after the dot
			}
		case "HEADER", "TEXT":
		case "MIME":
			if len(sec.part) == 0 {
				return nil, false
			}
		case "HEADER.FIELDS", "HEADER.FIELDS.NOT":
			ok := p.sp() && p.list(func() bool {
				f, ok := p.astring()
				sec.fields = append(sec.fields, f)
				return ok
			})
			if !ok || len(sec.fields) == 0 {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	if !p.byte(']') {
		return nil, false
	}
	if p.byte('<') {
		var ok bool
		sec.partial = true
		sec.origin, ok = p.number()
		if !ok || !p.byte('.') {
			return nil, false
		}
		sec.count, ok = p.number()
		if !ok || sec.count == 0 || !p.byte('>') {
			return nil, false
		}
	}
	return sec, true
}

// label writes the section as the response names it: "BODY[1.MIME]",
// "BODY[HEADER.FIELDS (FROM)]<0>". PEEK is not echoed and of a partial
// range only the origin is (RFC 3501 §7.4.2).
func (sec *section) label() string {
	var b strings.Builder
	b.WriteString("BODY[")
	for i, n := range sec.part {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(strconv.Itoa(n))
	}
	if sec.spec != "" {
		if len(sec.part) > 0 {
			b.WriteByte('.')
		}
		b.WriteString(sec.spec)
	}
	if len(sec.fields) > 0 {
		quoted := make([]string, len(sec.fields))
		for i, f := range sec.fields {
			quoted[i] = astring(strings.ToUpper(f))
		}
		b.WriteString(" (" + strings.Join(quoted, " ") + ")")
	}
	b.WriteByte(']')
	if sec.partial {
		b.WriteString("<" + strconv.FormatUint(uint64(sec.origin), 10) + ">")
	}
	return b.String()
}

// whole reports whether the section is the entire message, not a part
// of it.
func (sec *section) whole() bool { return len(sec.part) == 0 && sec.spec == "" && !sec.partial }

// content returns the section's octets, or ok false when the message has
// no such part.
func (sec *section) content(m *Message, ent func() *entity) (data []byte, ok bool) {
	if len(sec.part) == 0 && sec.spec == "" {
		data = m.Data
	} else {
		target, ok := ent(), true
		if len(sec.part) > 0 {
			if target, ok = target.part(sec.part); !ok {
				return nil, false
			}
		}
		switch sec.spec {
		case "":
			data = target.body
		case "MIME":
			data = target.header
		default:
			// HEADER and TEXT after a part number are those of the
			// message a message/rfc822 part holds.
			if len(sec.part) > 0 {
				if target = target.inner; target == nil {
					return nil, false
				}
			}
			switch sec.spec {
			case "HEADER":
				data = target.header
			case "TEXT":
				data = target.body
			default:
				data = target.headerFields(sec.fields, sec.spec == "HEADER.FIELDS.NOT")
			}
		}
	}
	if sec.partial {
		if uint64(sec.origin) >= uint64(len(data)) {
			return nil, true
		}
		end := min(uint64(sec.origin)+uint64(sec.count), uint64(len(data)))
		data = data[sec.origin:end]
	}
	return data, true
}

// fetch answers "FETCH set items" and UID FETCH. Body sections without
// PEEK, RFC822 and RFC822.TEXT mark the message \Seen (RFC 3501 §6.4.5),
// which the response then reports with FLAGS: reading a message on one
// computer shows it as read on every other.
func (s *Server) fetch(c *command, byUID bool) Output {
	p := c.p
	var set seqSet
	var items []fetchItem
	ok := p.sp()
	if ok {
		set, ok = p.seqSet()
	}
	ok = ok && p.sp()
	if ok {
		items, ok = p.fetchItems()
	}
	if !ok || !c.end() {
		return c.syntax(uidPrefix(byUID) + "FETCH sequence-set (FLAGS UID RFC822.SIZE INTERNALDATE ENVELOPE BODYSTRUCTURE BODY.PEEK[section]<origin.count> ...)")
	}
	// The UID goes first: clients match a UID FETCH answer by it before
	// reading any literal, and UID FETCH returns it even unasked.
	isUID := func(it fetchItem) bool { return it.name == "UID" }
	if slices.ContainsFunc(items, isUID) || byUID {
		items = append([]fetchItem{{name: "UID"}}, slices.DeleteFunc(items, isUID)...)
	}
	idx, ok := s.sel.pick(set, byUID)
	if !ok {
		return c.badSequence()
	}
	msgs, err := s.view()
	if err != nil {
		return c.storeErr(err, c.nonexistent)
	}
	key := KeyFetch
	if byUID {
		key = KeyUIDFetch
	}
	marksSeen, flagsAsked := false, false
	for _, it := range items {
		switch {
		case it.sec != nil:
			marksSeen = marksSeen || !it.sec.peek
			if !it.sec.whole() {
				key = KeyFetchPartial
			}
		case it.name == "RFC822" || it.name == "RFC822.TEXT":
			marksSeen = true
		case it.name == "FLAGS":
			flagsAsked = true
		}
	}
	for _, i := range idx {
		m := msgs[i]
		if m == nil {
			continue // expunged by another session; not yet reported
		}
		var ent *entity
		parsed := func() *entity {
			if ent == nil {
				ent = parseEntity(m.Data, "text/plain", 0)
			}
			return ent
		}
		showFlags := flagsAsked
		if marksSeen && !s.sel.readOnly && !store.HasFlag(m.Flags, FlagSeen) {
			m.Flags = addFlags(m.Flags, []string{FlagSeen})
			if err := s.cfg.Store.SetFlags(s.user, s.sel.name, m.UID, m.Flags); err != nil {
				return c.storeErr(err, c.nonexistent)
			}
			showFlags = true
		}
		// One builder per response, so that a message's octets are
		// copied once on their way to the wire.
		var b strings.Builder
		b.WriteString("* " + strconv.Itoa(i+1) + " FETCH (")
		sep := ""
		for _, it := range items {
			if it.name == "FLAGS" {
				continue // added last, after any \Seen change
			}
			b.WriteString(sep)
			s.writeFetchValue(&b, it, m, parsed)
			sep = " "
		}
		if showFlags {
			b.WriteString(sep + "FLAGS " + formatFlags(m.Flags, s.sel.recent[m.UID]))
		}
		b.WriteByte(')')
		c.data = append(c.data, b.String())
	}
	return c.ok(key, uidPrefix(byUID)+"FETCH completed")
}

// writeFetchValue writes one item of one message: its name and value.
func (s *Server) writeFetchValue(b *strings.Builder, it fetchItem, m *Message, ent func() *entity) {
	if it.sec != nil {
		b.WriteString(it.sec.label() + " ")
		if data, ok := it.sec.content(m, ent); ok {
			writeLiteral(b, data)
		} else {
			b.WriteString("NIL")
		}
		return
	}
	b.WriteString(it.name + " ")
	switch it.name {
	case "UID":
		b.WriteString(strconv.FormatUint(uint64(m.UID), 10))
	case "RFC822.SIZE":
		b.WriteString(strconv.Itoa(len(m.Data)))
	case "INTERNALDATE":
		b.WriteString(quote(m.Date.Format(dateTimeLayout)))
	case "ENVELOPE":
		b.WriteString(ent().envelope())
	case "BODYSTRUCTURE":
		b.WriteString(ent().structure(true))
	case "BODY":
		b.WriteString(ent().structure(false))
	case "RFC822":
		writeLiteral(b, m.Data)
	case "RFC822.HEADER":
		writeLiteral(b, ent().header)
	case "RFC822.TEXT":
		writeLiteral(b, ent().body)
	}
}

// writeLiteral writes "{n}", CRLF and the octets: message data always
// goes as a literal, whatever it holds.
func writeLiteral(b *strings.Builder, data []byte) {
	b.WriteString("{" + strconv.Itoa(len(data)) + "}\r\n")
	b.Write(data)
}
