package imap

import (
	"mailsim/sim/store"

	"errors"
	"slices"
	"strconv"
	"strings"
	"time"
)

// storeErr answers a command the Store refused. missing is the answer for
// a folder that does not exist, which differs between commands: SELECT is
// told NONEXISTENT, APPEND and COPY TRYCREATE (RFC 3501 §6.3.11) so that
// the client may offer to create the folder. The codes other than
// TRYCREATE are RFC 5530's.
func (c *command) storeErr(err error, missing func() Output) Output {
	switch {
	case errors.Is(err, ErrNoSuchMailbox):
		return missing()
	case errors.Is(err, ErrMailboxExists):
		return c.no(KeyAlreadyExists, "[ALREADYEXISTS] Mailbox already exists")
	case errors.Is(err, ErrInbox):
		return c.no(KeyInbox, "[CANNOT] INBOX cannot be deleted")
	case errors.Is(err, ErrHasChildren):
		return c.no(KeyHasChildren, "[CANNOT] Mailbox has subfolders; delete them first")
	case errors.Is(err, ErrBadName):
		return c.no(KeyBadName, "[CANNOT] Invalid mailbox name")
	}
	return c.no(KeyServerFailure, "[SERVERBUG] The mail store failed")
}

// nonexistent is the usual answer for a folder that does not exist.
func (c *command) nonexistent() Output {
	return c.no(KeyNonexistent, "[NONEXISTENT] No such mailbox")
}

// tryCreate is the answer for a target folder that does not exist.
func (c *command) tryCreate() Output {
	return c.no(KeyTryCreate, "[TRYCREATE] No such mailbox")
}

// mailboxArg reads " mailbox" as the only argument.
func (c *command) mailboxArg() (string, bool) {
	if !c.p.sp() {
		return "", false
	}
	name, ok := c.p.mailbox()
	return name, ok && c.end()
}

// selectCmd answers SELECT and EXAMINE: the folder's flags, counts and UID
// numbers, then the tagged OK saying whether changes are allowed. A
// failed SELECT leaves no folder selected (RFC 3501 §6.3.1).
func (s *Server) selectCmd(c *command) Output {
	readOnly := c.verb == "EXAMINE"
	name, ok := c.mailboxArg()
	if !ok {
		return c.syntax(c.verb + " mailbox")
	}
	s.sel, s.state = nil, Authenticated
	msgs, err := s.cfg.Store.Select(s.user, name, readOnly)
	if err != nil {
		return c.storeErr(err, c.nonexistent)
	}
	st, err := s.cfg.Store.Status(s.user, name)
	if err != nil {
		return c.storeErr(err, c.nonexistent)
	}
	sel := &selection{name: name, readOnly: readOnly, recent: map[uint32]bool{}}
	var keywords []string
	firstUnseen := 0
	for i, m := range msgs {
		sel.uids = append(sel.uids, m.UID)
		if m.Recent {
			sel.recent[m.UID] = true
		}
		if firstUnseen == 0 && !store.HasFlag(m.Flags, FlagSeen) {
			firstUnseen = i + 1
		}
		for _, f := range m.Flags {
			if !strings.HasPrefix(f, `\`) && !store.HasFlag(keywords, f) {
				keywords = append(keywords, f)
			}
		}
	}
	slices.Sort(keywords)
	flags := strings.Join(append(slices.Clone(systemFlags), keywords...), " ")
	c.reply("FLAGS (" + flags + ")")
	c.reply(strconv.Itoa(len(msgs)) + " EXISTS")
	c.reply(strconv.Itoa(len(sel.recent)) + " RECENT")
	if firstUnseen > 0 {
		c.reply("OK [UNSEEN " + strconv.Itoa(firstUnseen) + "] Message " + strconv.Itoa(firstUnseen) + " is the first unseen")
	}
	if readOnly {
		c.reply("OK [PERMANENTFLAGS ()] No permanent flags permitted")
	} else {
		c.reply(`OK [PERMANENTFLAGS (` + flags + ` \*)] Flags permitted`)
	}
	c.reply("OK [UIDVALIDITY " + strconv.FormatUint(uint64(st.UIDValidity), 10) + "] UIDs valid")
	c.reply("OK [UIDNEXT " + strconv.FormatUint(uint64(st.UIDNext), 10) + "] Predicted next UID")
	s.sel, s.state = sel, Selected
	if readOnly {
		return c.ok(KeyExamine, "[READ-ONLY] EXAMINE completed")
	}
	return c.ok(KeySelect, "[READ-WRITE] SELECT completed")
}

// create answers CREATE. A trailing delimiter only says that the client
// means to create subfolders under the name (RFC 3501 §6.3.3).
func (s *Server) create(c *command) Output {
	name, ok := c.mailboxArg()
	if !ok {
		return c.syntax("CREATE mailbox")
	}
	name = store.Canonical(strings.TrimSuffix(name, Delimiter))
	if name == Inbox {
		return c.no(KeyAlreadyExists, "[ALREADYEXISTS] INBOX always exists")
	}
	if err := s.cfg.Store.Create(s.user, name); err != nil {
		return c.storeErr(err, c.nonexistent)
	}
	return c.ok(KeyCreate, "CREATE completed")
}

// deleteCmd answers DELETE.
func (s *Server) deleteCmd(c *command) Output {
	name, ok := c.mailboxArg()
	if !ok {
		return c.syntax("DELETE mailbox")
	}
	if err := s.cfg.Store.Delete(s.user, name); err != nil {
		return c.storeErr(err, c.nonexistent)
	}
	return c.ok(KeyDelete, "DELETE completed")
}

// rename answers RENAME.
func (s *Server) rename(c *command) Output {
	p := c.p
	var from, to string
	ok := p.sp()
	if ok {
		from, ok = p.mailbox()
	}
	ok = ok && p.sp()
	if ok {
		to, ok = p.mailbox()
	}
	if !ok || !c.end() {
		return c.syntax("RENAME mailbox new-name")
	}
	if err := s.cfg.Store.Rename(s.user, from, to); err != nil {
		return c.storeErr(err, c.nonexistent)
	}
	return c.ok(KeyRename, "RENAME completed")
}

// subscribe answers SUBSCRIBE and UNSUBSCRIBE.
func (s *Server) subscribe(c *command) Output {
	name, ok := c.mailboxArg()
	if !ok {
		return c.syntax(c.verb + " mailbox")
	}
	on := c.verb == "SUBSCRIBE"
	if err := s.cfg.Store.Subscribe(s.user, name, on); err != nil {
		return c.storeErr(err, c.nonexistent)
	}
	if on {
		return c.ok(KeySubscribe, "SUBSCRIBE completed")
	}
	return c.ok(KeyUnsubscribe, "UNSUBSCRIBE completed")
}

// list answers LIST and LSUB: every folder (or subscribed folder) whose
// name matches the reference followed by the pattern, where "*" matches
// anything and "%" anything but the delimiter, so "%" lists one level.
func (s *Server) list(c *command) Output {
	p := c.p
	var ref, pattern string
	ok := p.sp()
	if ok {
		ref, ok = p.astring()
		if !ok && p.peek() == ' ' {
			ok = true // an empty atom is not valid, but "" is; be lenient
		}
	}
	ok = ok && p.sp()
	if ok {
		pattern, ok = p.listMailbox()
	}
	if !ok || !c.end() {
		return c.syntax(c.verb + " reference pattern")
	}
	if pattern == "" && c.verb == "LIST" {
		// The empty pattern asks for the delimiter and the root.
		c.reply(`LIST (\Noselect) "` + Delimiter + `" ""`)
		return c.ok(KeyDelimiter, "LIST completed")
	}
	names := s.cfg.Store.Mailboxes(s.user)
	key := KeyList
	if c.verb == "LSUB" {
		names, key = s.cfg.Store.Subscriptions(s.user), KeyLsub
	}
	full := ref + pattern
	for _, name := range names {
		pat := full
		if name == Inbox {
			pat = strings.ToUpper(full)
		}
		if matchPattern(name, pat) {
			c.reply(c.verb + ` () "` + Delimiter + `" ` + astring(name))
		}
	}
	return c.ok(key, c.verb+" completed")
}

// matchPattern reports whether name matches a LIST pattern. It runs in
// time proportional to len(name)*len(pattern), whatever the wildcards, so
// that a hostile pattern costs no more than a long one.
func matchPattern(name, pattern string) bool {
	prev := make([]bool, len(pattern)+1)
	cur := make([]bool, len(pattern)+1)
	prev[0] = true
	for i := 1; i <= len(pattern); i++ {
		prev[i] = prev[i-1] && (pattern[i-1] == '*' || pattern[i-1] == '%')
	}
	for j := 1; j <= len(name); j++ {
		cur[0] = false
		for i := 1; i <= len(pattern); i++ {
			switch pc := pattern[i-1]; pc {
			case '*':
				cur[i] = cur[i-1] || prev[i]
			case '%':
				cur[i] = cur[i-1] || (prev[i] && name[j-1] != Delimiter[0])
			default:
				cur[i] = prev[i-1] && pc == name[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(pattern)]
}

// statusItems are the STATUS data items of RFC 3501 §6.3.10.
var statusItems = []string{"MESSAGES", "RECENT", "UIDNEXT", "UIDVALIDITY", "UNSEEN"}

// status answers STATUS: counts of a folder that need not be selected,
// which is how a client shows unread counts beside every folder.
func (s *Server) status(c *command) Output {
	p := c.p
	var name string
	ok := p.sp()
	if ok {
		name, ok = p.mailbox()
	}
	var items []string
	ok = ok && p.sp() && p.list(func() bool {
		item, ok := p.atom()
		item = strings.ToUpper(item)
		items = append(items, item)
		return ok && slices.Contains(statusItems, item)
	})
	if !ok || !c.end() || len(items) == 0 {
		return c.syntax("STATUS mailbox (MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN)")
	}
	st, err := s.cfg.Store.Status(s.user, name)
	if err != nil {
		return c.storeErr(err, c.nonexistent)
	}
	values := map[string]uint64{
		"MESSAGES": uint64(st.Messages), "RECENT": uint64(st.Recent), "UIDNEXT": uint64(st.UIDNext),
		"UIDVALIDITY": uint64(st.UIDValidity), "UNSEEN": uint64(st.Unseen),
	}
	out := make([]string, len(items))
	for i, item := range items {
		out[i] = item + " " + strconv.FormatUint(values[item], 10)
	}
	c.reply("STATUS " + astring(name) + " (" + strings.Join(out, " ") + ")")
	return c.ok(KeyStatus, "STATUS completed")
}

// appendCmd answers "APPEND mailbox [(flags)] [date-time] literal": the
// client stores a message on the server, as a mail reader does when it
// saves a sent message in the Sent folder.
func (s *Server) appendCmd(c *command) Output {
	const usage = `APPEND mailbox [(flags)] ["dd-Mon-yyyy hh:mm:ss +zzzz"] {size}`
	p := c.p
	var name string
	ok := p.sp()
	if ok {
		name, ok = p.mailbox()
	}
	ok = ok && p.sp()
	var flags []string
	if ok && p.peek() == '(' {
		flags, ok = p.flagList()
		ok = ok && p.sp()
	}
	date := s.cfg.now()
	if ok && p.peek() == '"' {
		var text string
		text, ok = p.quoted()
		if ok {
			date, ok = parseDateTime(text)
		}
		ok = ok && p.sp()
	}
	var data string
	if ok {
		data, ok = p.literal()
	}
	if !ok || !c.end() {
		return c.syntax(usage)
	}
	flags = removeFlags(flags, []string{FlagRecent})
	uid, err := s.cfg.Store.Append(s.user, name, Message{Flags: flags, Date: date, Data: []byte(data)})
	if err != nil {
		return c.storeErr(err, c.tryCreate)
	}
	st, err := s.cfg.Store.Status(s.user, name)
	if err != nil {
		return c.storeErr(err, c.tryCreate)
	}
	return c.ok(KeyAppend, "[APPENDUID "+strconv.FormatUint(uint64(st.UIDValidity), 10)+" "+
		strconv.FormatUint(uint64(uid), 10)+"] APPEND completed")
}

// dateTimeLayout is the form of INTERNALDATE and of APPEND's date-time,
// "17-Jul-1996 02:44:25 -0700", with the day padded by a space.
const dateTimeLayout = "_2-Jan-2006 15:04:05 -0700"

// parseDateTime reads a date-time, accepting the day with or without
// padding.
func parseDateTime(s string) (time.Time, bool) {
	for _, layout := range []string{dateTimeLayout, "02-Jan-2006 15:04:05 -0700", "2-Jan-2006 15:04:05 -0700"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
