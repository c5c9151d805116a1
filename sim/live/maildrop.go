package live

import (
	"fmt"

	"mailsim/sim"
	"mailsim/sim/pop3"
)

// maildrop lets one POP3 connection work on the lab's mailboxes, and notes
// each deletion so that it is shown right after the QUIT that caused it.
// User names are resolved as the store does, so "student" logs in to
// student@mailsim.test.
type maildrop struct {
	l *Lab
	c *connState
}

func (d maildrop) Secret(user string) (string, bool) {
	return d.l.store.mail.Secret(d.l.store.resolve(user))
}
func (d maildrop) Lock(user string) bool { return d.l.store.mail.Lock(d.l.store.resolve(user)) }
func (d maildrop) Unlock(user string)    { d.l.store.mail.Unlock(d.l.store.resolve(user)) }

func (d maildrop) Messages(user string) []pop3.Message {
	return pop3.Listed(d.l.store.mail.Maildrop(d.l.store.resolve(user)))
}

// Mark implements pop3.Marker: the lab's mailbox view shows a message
// marked by DELE until UPDATE removes it, as a scenario's does.
func (d maildrop) Mark(user, uid string, on bool) {
	pop3.Mark(d.l.store.mail, d.l.store.resolve(user), uid, on)
}

// Delete is called by the machine in UPDATE only, after QUIT; a dropped
// session never gets here, so it deletes nothing.
func (d maildrop) Delete(user string, uids []string) error {
	box := d.l.store.resolve(user)
	removed := d.l.store.remove(box, uids)
	for _, id := range removed {
		d.c.pending = append(d.c.pending, sim.Deleted("pop3", POP3Agent, box, id))
	}
	if len(removed) < len(uids) {
		return fmt.Errorf("live: %d of %d messages were no longer in %s", len(uids)-len(removed), len(uids), box)
	}
	return nil
}
