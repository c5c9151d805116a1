package sim

import (
	"slices"
	"strings"
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
// the receiving mail server, or the shared system of scenario 1.
type Mailbox struct {
	Address  string     `json:"address"`
	Host     string     `json:"host"`               // ID of the host that holds it
	HostName string     `json:"hostName,omitempty"` // that host's name, for the reader
	Messages []*Message `json:"messages"`           // what it holds now, marked ones included
}

// remove takes a message out for good: UPDATE after POP3's QUIT, or IMAP's
// EXPUNGE. A marked message stays until then.
func (b *Mailbox) remove(m *Message) {
	b.Messages = slices.DeleteFunc(b.Messages, func(x *Message) bool { return x == m })
}

// Mailboxes returns every mailbox sorted by address, as the world holds them
// now. Callers must not modify them.
func (w *World) Mailboxes() []*Mailbox {
	out := make([]*Mailbox, 0, len(w.boxes))
	for _, b := range w.boxes {
		out = append(out, b)
	}
	slices.SortFunc(out, func(a, b *Mailbox) int { return strings.Compare(a.Address, b.Address) })
	return out
}

// Stored returns every mailbox as Mailboxes does, but holding every message
// ever stored in it, the removed ones too: for a viewer that shows any
// copy's text at any step of the run.
func (w *World) Stored() []*Mailbox {
	out := w.Mailboxes()
	for i, b := range out {
		c := *b
		c.Messages = w.ever[strings.ToLower(b.Address)]
		out[i] = &c
	}
	return out
}

// Mailbox returns the mailbox of address, or nil.
func (w *World) Mailbox(address string) *Mailbox { return w.boxes[strings.ToLower(address)] }

// size is the octets the mailbox holds, as counted against a quota. A
// message marked for deletion still takes its room until it is removed.
func (b *Mailbox) size() int {
	n := 0
	for _, m := range b.Messages {
		n += len(m.Raw)
	}
	return n
}

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
