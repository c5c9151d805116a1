package imap

import (
	"strconv"
	"strings"
)

// store answers "STORE set [+|-]FLAGS[.SILENT] flags" and UID STORE. FLAGS
// replaces the flags, +FLAGS adds and -FLAGS removes some; unless .SILENT,
// the server answers with each message's flags as they now are. The flags
// live on the server, so every computer the user reads mail on sees them:
// POP3 has nothing of the kind.
func (s *Server) store(c *command, byUID bool) Output {
	p := c.p
	var set seqSet
	var item string
	ok := p.sp()
	if ok {
		set, ok = p.seqSet()
	}
	ok = ok && p.sp()
	if ok {
		item, ok = p.atom()
		item = strings.ToUpper(item)
	}
	op, silent := strings.CutSuffix(item, ".SILENT")
	ok = ok && (op == "FLAGS" || op == "+FLAGS" || op == "-FLAGS") && p.sp()
	var flags []string
	if ok && p.peek() == '(' {
		flags, ok = p.flagList()
	} else {
		for ok {
			var f string
			f, ok = p.flag()
			flags = append(flags, f)
			if !p.sp() {
				break
			}
		}
	}
	if !ok || !c.end() {
		return c.syntax(uidPrefix(byUID) + `STORE sequence-set [+|-]FLAGS[.SILENT] (\Seen \Answered \Flagged \Deleted \Draft)`)
	}
	if s.sel.readOnly {
		return c.readOnly()
	}
	// \Recent belongs to the server; a client cannot set or clear it.
	flags = removeFlags(flags, []string{FlagRecent})
	idx, ok := s.sel.pick(set, byUID)
	if !ok {
		return c.badSequence()
	}
	msgs, err := s.view()
	if err != nil {
		return c.storeErr(err, c.nonexistent)
	}
	for _, i := range idx {
		m := msgs[i]
		if m == nil {
			continue
		}
		switch op {
		case "FLAGS":
			m.Flags = addFlags(nil, flags)
		case "+FLAGS":
			m.Flags = addFlags(m.Flags, flags)
		default:
			m.Flags = removeFlags(m.Flags, flags)
		}
		if err := s.cfg.Store.SetFlags(s.user, s.sel.name, m.UID, m.Flags); err != nil {
			return c.storeErr(err, c.nonexistent)
		}
		if !silent {
			uid := ""
			if byUID {
				uid = "UID " + strconv.FormatUint(uint64(m.UID), 10) + " "
			}
			c.reply(strconv.Itoa(i+1) + " FETCH (" + uid + "FLAGS " + formatFlags(m.Flags, s.sel.recent[m.UID]) + ")")
		}
	}
	if byUID {
		return c.ok(KeyUIDStore, "UID STORE completed")
	}
	return c.ok(KeyStore, "STORE completed")
}
