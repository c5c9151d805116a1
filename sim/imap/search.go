package imap

import (
	"mailsim/sim/store"

	"mime"
	"net/mail"
	"strconv"
	"strings"
	"time"
)

// candidate is one message a SEARCH tests.
type candidate struct {
	seq, count uint32
	m          *Message
	recent     bool
	maxUID     uint32
	ent        *entity
}

// parsed returns the message split into header and body, parsing it the
// first time a key needs it.
func (c *candidate) parsed() *entity {
	if c.ent == nil {
		c.ent = parseEntity(c.m.Data, "text/plain", 0)
	}
	return c.ent
}

// matcher is one search key, compiled.
type matcher func(*candidate) bool

// search answers "SEARCH [CHARSET name] keys" and UID SEARCH: the numbers
// (or UIDs) of the messages that match every key. The server searches, so
// the client need not download a folder to find something in it.
func (s *Server) search(c *command, byUID bool) Output {
	p := c.p
	usage := uidPrefix(byUID) + "SEARCH [CHARSET UTF-8] key... (ALL SEEN UNSEEN FROM x SUBJECT x TEXT x UID set ...)"
	if !p.sp() {
		return c.syntax(usage)
	}
	save := p.pos
	if a, _ := p.atom(); strings.EqualFold(a, "CHARSET") {
		cs, ok := "", p.sp()
		if ok {
			cs, ok = p.astring()
		}
		if !ok || !p.sp() {
			return c.syntax(usage)
		}
		if !strings.EqualFold(cs, "UTF-8") && !strings.EqualFold(cs, "US-ASCII") {
			return c.no(KeyBadCharset, "[BADCHARSET (US-ASCII UTF-8)] Unsupported charset")
		}
	} else {
		p.pos = save
	}
	var keys []matcher
	for {
		k, ok := p.searchKey(0)
		if !ok {
			return c.syntax(usage)
		}
		keys = append(keys, k)
		if p.end() {
			break
		}
		if !p.sp() {
			return c.syntax(usage)
		}
	}
	msgs, err := s.view()
	if err != nil {
		return c.storeErr(err, c.nonexistent)
	}
	var maxUID uint32
	if n := len(s.sel.uids); n > 0 {
		maxUID = s.sel.uids[n-1]
	}
	line := "SEARCH"
	for i, m := range msgs {
		if m == nil {
			continue
		}
		cand := &candidate{seq: uint32(i + 1), count: uint32(len(msgs)), m: m, recent: s.sel.recent[m.UID], maxUID: maxUID}
		if all(keys, cand) {
			n := uint64(i + 1)
			if byUID {
				n = uint64(m.UID)
			}
			line += " " + strconv.FormatUint(n, 10)
		}
	}
	c.reply(line)
	if byUID {
		return c.ok(KeyUIDSearch, "UID SEARCH completed")
	}
	return c.ok(KeySearch, "SEARCH completed")
}

// all reports whether every key matches: keys side by side are ANDed.
func all(keys []matcher, c *candidate) bool {
	for _, k := range keys {
		if !k(c) {
			return false
		}
	}
	return true
}

// flagKeys are the keys that test one flag: present (true) or absent.
var flagKeys = map[string]struct {
	flag string
	set  bool
}{
	"ANSWERED": {FlagAnswered, true}, "UNANSWERED": {FlagAnswered, false},
	"DELETED": {FlagDeleted, true}, "UNDELETED": {FlagDeleted, false},
	"DRAFT": {FlagDraft, true}, "UNDRAFT": {FlagDraft, false},
	"FLAGGED": {FlagFlagged, true}, "UNFLAGGED": {FlagFlagged, false},
	"SEEN": {FlagSeen, true}, "UNSEEN": {FlagSeen, false},
}

// headerKeys are the keys that look for a string in one header field.
var headerKeys = map[string]string{"FROM": "From", "TO": "To", "CC": "Cc", "BCC": "Bcc", "SUBJECT": "Subject"}

// searchKey reads one search key (RFC 3501 §6.4.4). depth bounds the
// nesting of NOT, OR and parentheses.
func (p *parser) searchKey(depth int) (matcher, bool) {
	if depth > maxDepth {
		return nil, false
	}
	if c := p.peek(); c == '*' || isDigit(c) {
		set, ok := p.seqSet()
		return func(c *candidate) bool { return set.contains(c.seq, c.count) }, ok
	}
	if p.peek() == '(' {
		var keys []matcher
		ok := p.list(func() bool {
			k, ok := p.searchKey(depth + 1)
			keys = append(keys, k)
			return ok
		})
		return func(c *candidate) bool { return all(keys, c) }, ok && len(keys) > 0
	}
	name, ok := p.atom()
	if !ok {
		return nil, false
	}
	name = strings.ToUpper(name)
	if fk, ok := flagKeys[name]; ok {
		return func(c *candidate) bool { return store.HasFlag(c.m.Flags, fk.flag) == fk.set }, true
	}
	switch name {
	case "ALL":
		return func(*candidate) bool { return true }, true
	case "NEW":
		return func(c *candidate) bool { return c.recent && !store.HasFlag(c.m.Flags, FlagSeen) }, true
	case "RECENT":
		return func(c *candidate) bool { return c.recent }, true
	case "OLD":
		return func(c *candidate) bool { return !c.recent }, true
	case "NOT":
		k, ok := p.argKey(depth)
		return func(c *candidate) bool { return !k(c) }, ok
	case "OR":
		a, ok := p.argKey(depth)
		b, ok2 := p.argKey(depth)
		return func(c *candidate) bool { return a(c) || b(c) }, ok && ok2
	case "UID":
		var set seqSet
		ok := p.sp()
		if ok {
			set, ok = p.seqSet()
		}
		return func(c *candidate) bool { return set.contains(c.m.UID, c.maxUID) }, ok
	case "KEYWORD", "UNKEYWORD":
		var f string
		ok := p.sp()
		if ok {
			f, ok = p.atom()
		}
		want := name == "KEYWORD"
		return func(c *candidate) bool { return store.HasFlag(c.m.Flags, f) == want }, ok
	case "LARGER", "SMALLER":
		var n uint32
		ok := p.sp()
		if ok {
			n, ok = p.number()
		}
		larger := name == "LARGER"
		return func(c *candidate) bool {
			size := uint64(len(c.m.Data))
			return (larger && size > uint64(n)) || (!larger && size < uint64(n))
		}, ok
	case "BEFORE", "ON", "SINCE", "SENTBEFORE", "SENTON", "SENTSINCE":
		return p.dateKey(name)
	case "HEADER":
		field, ok := p.argString()
		text, ok2 := p.argString()
		return func(c *candidate) bool { return c.parsed().fieldContains(field, text) }, ok && ok2
	case "BODY", "TEXT":
		text, ok := p.argString()
		whole := name == "TEXT"
		return func(c *candidate) bool {
			data := c.parsed().body
			if whole {
				data = c.m.Data
			}
			return containsFold(string(data), text)
		}, ok
	}
	if field, ok := headerKeys[name]; ok {
		text, ok := p.argString()
		return func(c *candidate) bool { return c.parsed().fieldContains(field, text) }, ok
	}
	return nil, false
}

// argKey reads " key", the argument of NOT and OR.
func (p *parser) argKey(depth int) (matcher, bool) {
	if !p.sp() {
		return nil, false
	}
	return p.searchKey(depth + 1)
}

// argString reads " astring", the argument of the string keys.
func (p *parser) argString() (string, bool) {
	if !p.sp() {
		return "", false
	}
	return p.astring()
}

// dateKey reads the date of BEFORE, ON, SINCE (the internal date) and of
// SENTBEFORE, SENTON, SENTSINCE (the Date field). Only the day counts,
// not the time or the zone (RFC 3501 §6.4.4).
func (p *parser) dateKey(name string) (matcher, bool) {
	text, ok := p.argString()
	if !ok {
		return nil, false
	}
	t, err := time.Parse("2-Jan-2006", text)
	if err != nil {
		return nil, false
	}
	want := day(t)
	sent := strings.HasPrefix(name, "SENT")
	op := strings.TrimPrefix(name, "SENT")
	return func(c *candidate) bool {
		date := c.m.Date
		if sent {
			d, err := mail.ParseDate(c.parsed().get("Date"))
			if err != nil {
				return false
			}
			date = d
		}
		got := day(date)
		switch op {
		case "BEFORE":
			return got < want
		case "ON":
			return got == want
		}
		return got >= want
	}, true
}

// day turns a time into yyyymmdd in its own zone, for comparing days.
func day(t time.Time) int {
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}

// fieldContains reports whether any field of the name contains text,
// after decoding RFC 2047 encoded words, ignoring case. An empty text
// matches any message that has the field.
func (e *entity) fieldContains(name, text string) bool {
	dec := new(mime.WordDecoder)
	for _, f := range e.fields {
		if !strings.EqualFold(f.name, name) {
			continue
		}
		value, err := dec.DecodeHeader(f.value)
		if err != nil {
			value = f.value
		}
		if containsFold(value, text) {
			return true
		}
	}
	return false
}

// containsFold reports whether s contains sub, ignoring case.
func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}
