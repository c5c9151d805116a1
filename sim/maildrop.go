package sim

import (
	"strings"

	"mailsim/sim/pop3"
)

// maildrop lets a POP3 server session work on a world mailbox. The session
// numbers the messages it listed at login; a DELE marks one in the store
// at once (maildrop is a pop3.Marker), so that the mailbox shows it
// marked, and only UPDATE after QUIT removes it, each removal its own
// event (RFC 1939 §6).
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
	d.a.listed = b.mail.Maildrop(b.user)
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

// Mark shows a DELE's mark in the store, and its end: the mailbox shows the
// message on its way out until UPDATE removes it.
func (d maildrop) Mark(name, uid string, on bool) {
	if b := d.box(name); b != nil {
		pop3.Mark(b.mail, b.user, uid, on)
	}
}
