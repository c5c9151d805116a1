package sim

import "strings"

// read is a user opening their mailbox. A user agent on the mailbox's own
// system reads the files directly, message by message; reading from another
// system needs a message access agent (POP3 or IMAP).
func (w *World) read(r *Read) Event {
	u := w.users[strings.ToLower(r.User)]
	box := w.boxes[strings.ToLower(u.Address)]
	if w.agentOn[u.UA] != u.Host {
		return w.startPull(u, box, r)
	}
	for _, m := range box.view().Messages {
		if !m.Seen && !m.Deleted {
			w.schedule(0, func() Event { return w.fetchLocal(u, box, m) })
		}
	}
	return Event{Kind: KindNote, From: u.UA, Dir: Local, Box: box.Address, Key: "sim.read.open"}
}

// fetchLocal is a user agent reading one message from a local mailbox.
func (w *World) fetchLocal(u *User, box *Mailbox, m *Message) Event {
	box.see(m)
	return Event{Kind: KindFetch, From: u.UA, Dir: Local, Box: box.Address, Msg: m.ID, Key: "sim.fetch.local",
		Line: "Subject: " + m.Subject}
}
