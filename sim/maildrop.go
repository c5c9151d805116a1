package sim

import (
	"strings"

	"mailsim/sim/pop3"
)

// maildrop lets a POP3 server session work on a world mailbox. Deletions
// are marked here and shown as events, in the UPDATE state only.
type maildrop struct{ p *pull }

func (d maildrop) user(name string) *User {
	u := d.p.w.users[strings.ToLower(name)]
	if u == nil || u.Host != d.p.w.agentOn[d.p.server] {
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

// Lock takes the mailbox for this session.
func (d maildrop) Lock(name string) bool {
	key := strings.ToLower(name)
	if d.p.w.locked[key] {
		return false
	}
	d.p.w.locked[key] = true
	return true
}

// Unlock releases the mailbox.
func (d maildrop) Unlock(name string) { delete(d.p.w.locked, strings.ToLower(name)) }

// Messages lists the mailbox's messages that are not deleted.
func (d maildrop) Messages(name string) []pop3.Message {
	var out []pop3.Message
	for _, m := range d.p.w.boxes[strings.ToLower(name)].Messages {
		if !m.Deleted {
			out = append(out, pop3.Message{UID: m.UID, Data: []byte(m.Raw)})
		}
	}
	return out
}

// Delete removes messages from the mailbox, each as its own event.
func (d maildrop) Delete(name string, uids []string) error {
	w := d.p.w
	box := w.boxes[strings.ToLower(name)]
	for _, m := range box.Messages {
		if contains(uids, m.UID) {
			w.schedule(0, func() Event {
				m.Deleted = true
				return Event{Kind: KindDelete, From: d.p.server, Proto: "pop3", Dir: Pull, Box: box.Address, Msg: m.ID, Key: "sim.delete"}
			})
		}
	}
	return nil
}
