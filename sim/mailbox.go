package sim

import (
	"slices"
	"strings"

	mailstore "mailsim/sim/store"
)

// Message is one e-mail as it travels: its envelope and its bytes.
type Message struct {
	ID       string   `json:"id"`       // "M1", "M2", ... in composition order
	From     string   `json:"from"`     // envelope sender (MAIL FROM)
	To       []string `json:"to"`       // envelope recipients still to deliver (RCPT TO)
	Subject  string   `json:"subject"`  // for lists; the header is in Raw
	Raw      string   `json:"raw"`      // the message as stored: header, blank line, body, CRLF line ends
	QueueID  string   `json:"queueId"`  // the receiving server's queue ID, once accepted
	UID      string   `json:"uid"`      // unique ID in its mailbox, as POP3's UIDL shows it
	Seen     bool     `json:"seen"`     // read: fetched by a local user agent, or flagged \Seen over IMAP
	Deleted  bool     `json:"deleted"`  // marked for deletion: by POP3 DELE until QUIT, or flagged \Deleted until IMAP EXPUNGE
	Received string   `json:"received"` // address of the mailbox it sits in, once stored
}

// Mailbox is one user's store of received mail, on the host that holds it:
// the receiving mail server, or the shared system of scenario 1. The mail
// itself is in the INBOX of the host's store (mailsim/sim/store), the one
// store the live lab uses too, with its UIDs, flags and POP3 marks; the
// world's mailboxes are views of it.
type Mailbox struct {
	Address  string     `json:"address"`
	Host     string     `json:"host"`               // ID of the host that holds it
	HostName string     `json:"hostName,omitempty"` // that host's name, for the reader
	Messages []*Message `json:"messages"`           // what it holds now, marked ones included

	mail   *mailstore.Store    // the host's store
	user   string              // the mailbox's name in it: the address in lower case
	copies map[string]*Message // every copy ever stored here, by its POP3 unique ID
}

// keep stores a copy into the mailbox, as it rests until its reader
// fetches it.
func (w *World) keep(b *Mailbox, m *Message) {
	info := mailstore.Info{ID: m.UID, Msg: m.ID, Queue: m.QueueID, From: m.From, Subject: m.Subject}
	if _, err := b.mail.Deliver(b.user, mailstore.Inbox, []byte(m.Raw), Epoch.Add(w.now), info); err != nil {
		panic("sim: delivery into " + b.Address + ": " + err.Error()) // every user has an INBOX, which cannot be deleted
	}
	b.copies[m.UID] = m
	w.ever[b.user] = append(w.ever[b.user], m)
}

// view returns the mailbox as it is now: a copy of each message it holds,
// read or marked as the store says.
func (b *Mailbox) view() *Mailbox {
	v := &Mailbox{Address: b.Address, Host: b.Host, HostName: b.HostName}
	msgs, _ := b.mail.Messages(b.user, mailstore.Inbox)
	v.Messages = make([]*Message, len(msgs))
	for i, m := range msgs {
		c := *b.copies[m.Info.ID]
		c.Seen, c.Deleted = mailstore.HasFlag(m.Flags, mailstore.FlagSeen), m.Deleted()
		v.Messages[i] = &c
	}
	return v
}

// see flags a message of a view \Seen: its reader has read it.
func (b *Mailbox) see(m *Message) {
	msgs, _ := b.mail.Messages(b.user, mailstore.Inbox)
	for _, x := range msgs {
		if x.Info.ID == m.UID && !mailstore.HasFlag(x.Flags, mailstore.FlagSeen) {
			_ = b.mail.SetFlags(b.user, mailstore.Inbox, x.UID, append(x.Flags, mailstore.FlagSeen))
		}
	}
}

// remove takes a message out for good: UPDATE after POP3's QUIT, or IMAP's
// EXPUNGE. A marked message stays until then.
func (b *Mailbox) remove(uid uint32) { b.mail.Remove(b.user, mailstore.Inbox, []uint32{uid}) }

// Mailboxes returns every mailbox sorted by address, as the world holds them
// now.
func (w *World) Mailboxes() []*Mailbox {
	out := make([]*Mailbox, 0, len(w.boxes))
	for _, b := range w.boxes {
		out = append(out, b.view())
	}
	slices.SortFunc(out, func(a, b *Mailbox) int { return strings.Compare(a.Address, b.Address) })
	return out
}

// Stored returns every mailbox as Mailboxes does, but holding every message
// ever stored in it, the removed ones too: for a viewer that shows any
// copy's text at any step of the run.
func (w *World) Stored() []*Mailbox {
	out := w.Mailboxes()
	for _, b := range out {
		b.Messages = w.ever[strings.ToLower(b.Address)]
	}
	return out
}

// Mailbox returns the mailbox of address as it is now, or nil.
func (w *World) Mailbox(address string) *Mailbox {
	if b := w.boxes[strings.ToLower(address)]; b != nil {
		return b.view()
	}
	return nil
}

// size is the octets the mailbox holds, as counted against a quota. A
// message marked for deletion still takes its room until it is removed.
func (b *Mailbox) size() int { return int(b.mail.Size(b.user)) }

// Folder is the mail a user agent downloaded to its own system with POP3.
type Folder struct {
	Agent    string     `json:"agent"` // the user agent's ID
	Owner    string     `json:"owner"` // the user's address
	Messages []*Message `json:"messages"`
}

// Folders returns the user agents' downloaded mail, sorted by agent ID.
func (w *World) Folders() []*Folder {
	out := make([]*Folder, 0, len(w.folders))
	for _, f := range w.folders {
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b *Folder) int { return strings.Compare(a.Agent, b.Agent) })
	return out
}
