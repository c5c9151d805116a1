package imap

import (
	"slices"
	"strconv"
	"strings"
)

// selection is the session's view of the open folder. Messages are
// numbered 1, 2, ... by their place in uids; the numbering changes only
// when the session reports it (EXISTS, EXPUNGE), never behind the
// client's back, even when other sessions change the folder.
type selection struct {
	name     string
	readOnly bool
	uids     []uint32
	// recent holds the UIDs this session reports with \Recent.
	recent map[uint32]bool
}

// view returns the session's messages indexed by sequence number - 1, with
// nil for a message another session has expunged that this session has
// not reported yet.
func (s *Server) view() ([]*Message, error) {
	msgs, err := s.cfg.Store.Messages(s.user, s.sel.name)
	if err != nil {
		return nil, err
	}
	out := make([]*Message, len(s.sel.uids))
	j := 0
	for i, uid := range s.sel.uids {
		for j < len(msgs) && msgs[j].UID < uid {
			j++
		}
		if j < len(msgs) && msgs[j].UID == uid {
			out[i] = &msgs[j]
		}
	}
	return out, nil
}

// sync reports what other sessions (and this one, by APPEND or COPY into
// the open folder) changed: new messages with EXISTS and, except during
// FETCH, STORE and SEARCH, where numbers must not shift (RFC 3501 §7.4.1),
// expunged ones with EXPUNGE.
func (s *Server) sync(c *command) {
	msgs, err := s.cfg.Store.Messages(s.user, s.sel.name)
	if err != nil {
		return
	}
	sel := s.sel
	if c.verb != "FETCH" && c.verb != "STORE" && c.verb != "SEARCH" {
		j := 0
		for i := 0; i < len(sel.uids); {
			for j < len(msgs) && msgs[j].UID < sel.uids[i] {
				j++
			}
			if j < len(msgs) && msgs[j].UID == sel.uids[i] {
				i++
				continue
			}
			c.reply(strconv.Itoa(i+1) + " EXPUNGE")
			sel.uids = append(sel.uids[:i], sel.uids[i+1:]...)
		}
	}
	var last uint32
	if n := len(sel.uids); n > 0 {
		last = sel.uids[n-1]
	}
	added := false
	for _, m := range msgs {
		if m.UID > last {
			sel.uids = append(sel.uids, m.UID)
			added = true
		}
	}
	if added {
		c.reply(strconv.Itoa(len(sel.uids)) + " EXISTS")
	}
}

// pick returns the indexes (sequence number - 1) of the messages a set
// names, by UID or by sequence number. ok is false for a sequence number
// beyond the last message, which the client cannot know to exist; UIDs
// that match nothing are simply skipped (RFC 3501 §6.4.8).
func (sel *selection) pick(set seqSet, byUID bool) (idx []int, ok bool) {
	n := len(sel.uids)
	if n == 0 {
		// An empty folder has no numbers: only a set where every range
		// reaches "*", as "1:*" does, asks for nothing impossible.
		for _, r := range set {
			if !byUID && r.lo != 0 && r.hi != 0 {
				return nil, false
			}
		}
		return nil, true
	}
	if byUID {
		star := sel.uids[n-1]
		for i, uid := range sel.uids {
			if set.contains(uid, star) {
				idx = append(idx, i)
			}
		}
		return idx, true
	}
	if set.maxNumber() > uint32(n) {
		return nil, false
	}
	for i := range n {
		if set.contains(uint32(i+1), uint32(n)) {
			idx = append(idx, i)
		}
	}
	return idx, true
}

// badSequence answers a set that names a message number beyond EXISTS.
func (c *command) badSequence() Output {
	return c.bad(KeyBadSequence, "Invalid message sequence number: the folder has "+
		strconv.Itoa(len(c.s.sel.uids))+" messages")
}

// readOnly answers a change attempted in a folder opened with EXAMINE.
func (c *command) readOnly() Output {
	return c.no(KeyReadOnly, "[READ-ONLY] The mailbox was opened with EXAMINE")
}

// check answers CHECK: a memory store has nothing to write back.
func (s *Server) check(c *command) Output {
	if !c.end() {
		return c.syntax("CHECK")
	}
	return c.ok(KeyCheck, "CHECK completed")
}

// closeCmd answers CLOSE: messages flagged \Deleted are removed without
// any EXPUNGE response, and the folder is closed (RFC 3501 §6.4.2).
func (s *Server) closeCmd(c *command) Output {
	if !c.end() {
		return c.syntax("CLOSE")
	}
	if !s.sel.readOnly {
		if _, err := s.cfg.Store.Expunge(s.user, s.sel.name, nil); err != nil {
			return c.storeErr(err, c.nonexistent)
		}
	}
	s.sel, s.state = nil, Authenticated
	return c.ok(KeyClose, "CLOSE completed")
}

// expunge answers EXPUNGE, and "UID EXPUNGE set" (RFC 4315), which removes
// only the named messages among those flagged \Deleted. Each removal is
// reported with the number the message had at that moment, so numbers
// shift down as the responses go (RFC 3501 §7.4.1).
func (s *Server) expunge(c *command, byUID bool) Output {
	var only []uint32
	if byUID {
		var set seqSet
		ok := c.p.sp()
		if ok {
			set, ok = c.p.seqSet()
		}
		if !ok || !c.end() {
			return c.syntax("UID EXPUNGE uid-set")
		}
		idx, _ := s.sel.pick(set, true)
		only = make([]uint32, 0, len(idx))
		for _, i := range idx {
			only = append(only, s.sel.uids[i])
		}
	} else if !c.end() {
		return c.syntax("EXPUNGE")
	}
	if s.sel.readOnly {
		return c.readOnly()
	}
	gone, err := s.cfg.Store.Expunge(s.user, s.sel.name, only)
	if err != nil {
		return c.storeErr(err, c.nonexistent)
	}
	s.reportExpunged(c, gone)
	if byUID {
		return c.ok(KeyUIDExpunge, "UID EXPUNGE completed")
	}
	return c.ok(KeyExpunge, "EXPUNGE completed")
}

// reportExpunged tells the client of each removed message with the number
// it had at that moment, and forgets it.
func (s *Server) reportExpunged(c *command, gone []uint32) {
	sel := s.sel
	for _, uid := range gone {
		for i, u := range sel.uids {
			if u == uid {
				c.reply(strconv.Itoa(i+1) + " EXPUNGE")
				sel.uids = append(sel.uids[:i], sel.uids[i+1:]...)
				break
			}
		}
	}
}

// copyCmd answers "COPY set mailbox": the server copies the messages
// itself, flags and internal dates included; nothing crosses the network.
func (s *Server) copyCmd(c *command, byUID bool) Output { return s.transfer(c, byUID, false) }

// moveCmd answers "MOVE set mailbox" (RFC 6851): a COPY, then the
// originals are expunged at once, without touching other messages flagged
// \Deleted, as a client would otherwise do with COPY, STORE and UID
// EXPUNGE in three round trips.
func (s *Server) moveCmd(c *command, byUID bool) Output { return s.transfer(c, byUID, true) }

// transfer is COPY and MOVE: they take the same arguments and answer with
// the same COPYUID, which MOVE sends untagged before its EXPUNGEs.
func (s *Server) transfer(c *command, byUID, move bool) Output {
	verb := "COPY"
	if move {
		verb = "MOVE"
	}
	p := c.p
	var set seqSet
	var dest string
	ok := p.sp()
	if ok {
		set, ok = p.seqSet()
	}
	ok = ok && p.sp()
	if ok {
		dest, ok = p.mailbox()
	}
	if !ok || !c.end() {
		return c.syntax(uidPrefix(byUID) + verb + " sequence-set mailbox")
	}
	idx, ok := s.sel.pick(set, byUID)
	if !ok {
		return c.badSequence()
	}
	if move && s.sel.readOnly {
		return c.readOnly()
	}
	uids := make([]uint32, 0, len(idx))
	for _, i := range idx {
		uids = append(uids, s.sel.uids[i])
	}
	key := map[[2]bool]string{{false, false}: KeyCopy, {true, false}: KeyUIDCopy,
		{false, true}: KeyMove, {true, true}: KeyUIDMove}[[2]bool{byUID, move}]
	done := uidPrefix(byUID) + verb + " completed"
	created, err := s.cfg.Store.Copy(s.user, s.sel.name, uids, dest)
	if err != nil {
		return c.storeErr(err, c.tryCreate)
	}
	if len(created) == 0 {
		return c.ok(key, done)
	}
	st, err := s.cfg.Store.Status(s.user, dest)
	if err != nil {
		return c.storeErr(err, c.tryCreate)
	}
	copyUID := "[COPYUID " + strconv.FormatUint(uint64(st.UIDValidity), 10) + " " +
		uidList(uids) + " " + uidList(created) + "]"
	if !move {
		return c.ok(key, copyUID+" "+done)
	}
	c.reply("OK " + copyUID + " Moved")
	if err := s.removeOriginals(c, uids); err != nil {
		return c.storeErr(err, c.nonexistent)
	}
	return c.ok(key, done)
}

// removeOriginals flags the moved messages \Deleted and expunges exactly
// them, reporting each removal as EXPUNGE does.
func (s *Server) removeOriginals(c *command, uids []uint32) error {
	msgs, err := s.view()
	if err != nil {
		return err
	}
	for _, m := range msgs {
		if m != nil && slices.Contains(uids, m.UID) && !slices.Contains(m.Flags, FlagDeleted) {
			if err := s.cfg.Store.SetFlags(s.user, s.sel.name, m.UID, append(slices.Clip(m.Flags), FlagDeleted)); err != nil {
				return err
			}
		}
	}
	gone, err := s.cfg.Store.Expunge(s.user, s.sel.name, uids)
	if err != nil {
		return err
	}
	s.reportExpunged(c, gone)
	return nil
}

// uidList writes UIDs as a comma-separated uid-set.
func uidList(uids []uint32) string {
	parts := make([]string, len(uids))
	for i, u := range uids {
		parts[i] = strconv.FormatUint(uint64(u), 10)
	}
	return strings.Join(parts, ",")
}

// uidPrefix is "UID " for the UID form of a command, for its texts.
func uidPrefix(byUID bool) string {
	if byUID {
		return "UID "
	}
	return ""
}

// uid answers the UID forms of FETCH, SEARCH, STORE, COPY and EXPUNGE,
// which name messages by UID instead of sequence number. UIDs do not
// change when other messages are expunged, which is why clients that keep
// a local copy use them.
func (s *Server) uid(c *command) Output {
	sub := ""
	if c.p.sp() {
		sub, _ = c.p.atom()
	}
	switch strings.ToUpper(sub) {
	case "FETCH":
		return s.fetch(c, true)
	case "SEARCH":
		return s.search(c, true)
	case "STORE":
		return s.store(c, true)
	case "COPY":
		return s.copyCmd(c, true)
	case "MOVE":
		return s.moveCmd(c, true)
	case "EXPUNGE":
		return s.expunge(c, true)
	}
	return c.syntax("UID FETCH|SEARCH|STORE|COPY|MOVE|EXPUNGE ...")
}
