package sim

import (
	"strconv"
	"strings"

	"mailsim/sim/machine"
	"mailsim/sim/pop3"
)

// maildrop lets a POP3 server session work on a world mailbox. The session
// numbers the messages it listed at login; a DELE marks one in the store
// at once, so that the mailbox shows it marked, and only UPDATE after QUIT
// removes it, each removal its own event (RFC 1939 §6).
type maildrop struct{ a *pop3Session }

func (d maildrop) user(name string) *User {
	w := d.a.p.w
	u := w.users[strings.ToLower(name)]
	if u == nil || u.Host != w.agentOn[d.a.p.server] {
		return nil
	}
	return u
}

// Secret returns the password of a user whose mailbox is on this server.
func (d maildrop) Secret(name string) (string, bool) {
	if u := d.user(name); u != nil {
		return u.Password, true
	}
	return "", false
}

// box is the mailbox of name, on this server, or nil.
func (d maildrop) box(name string) *Mailbox {
	if d.user(name) == nil {
		return nil
	}
	return d.a.p.w.boxes[strings.ToLower(name)]
}

// Lock takes the mailbox for this session.
func (d maildrop) Lock(name string) bool {
	b := d.box(name)
	return b != nil && b.mail.Lock(b.user)
}

// Unlock releases the mailbox.
func (d maildrop) Unlock(name string) {
	if b := d.box(name); b != nil {
		b.mail.Unlock(b.user)
	}
}

// Messages lists the mailbox's messages and remembers them in the session's
// numbering, which stays fixed until the session ends.
func (d maildrop) Messages(name string) []pop3.Message {
	b := d.box(name)
	d.a.box, d.a.listed = b, b.mail.Drop(b.user)
	return pop3.Listed(d.a.listed)
}

// Delete removes marked messages from the mailbox, each as its own event.
func (d maildrop) Delete(name string, uids []string) error {
	w, b := d.a.p.w, d.box(name)
	for _, m := range d.a.listed {
		if contains(uids, m.Info.ID) {
			w.schedule(0, func() Event {
				b.remove(m.UID)
				return Deleted("pop3", d.a.p.server, b.Address, m.Info.Msg)
			})
		}
	}
	return nil
}

// mark shows in the world's mailbox what the server machine just answered:
// DELE n marks message n for deletion, RSET unmarks every one.
func (a *pop3Session) mark(line string, out machine.Output) {
	if len(out.Replies) == 0 {
		return
	}
	switch out.Replies[0].Key {
	case pop3.KeyDele:
		f := strings.Fields(line)
		if n, err := strconv.Atoi(f[len(f)-1]); err == nil && n >= 1 && n <= len(a.listed) {
			a.box.mail.Mark(a.box.user, a.listed[n-1].UID, true)
		}
	case pop3.KeyRset:
		a.unmark()
	}
}

// unmark clears every mark of this session: RSET, or a session that ends
// without UPDATE, whose DELEs therefore never take effect.
func (a *pop3Session) unmark() {
	for _, m := range a.listed {
		a.box.mail.Mark(a.box.user, m.UID, false)
	}
}
