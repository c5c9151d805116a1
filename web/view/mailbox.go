package view

import (
	"fmt"
	"strings"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/sim/live"
)

// The lab's mailboxes are shown as summaries, a page at a time, newest
// first; a message's text is fetched when the reader opens it. A lab holds
// up to 512 MiB of mail, and sending it all with every page and every
// websocket frame made one NOOP in the console cost megabytes.
const (
	// mailboxBudget is how many summaries one page or frame carries over
	// all the lab's mailboxes; each mailbox gets an equal share, at least
	// one and at most mailboxPageMost.
	mailboxBudget   = 60
	mailboxPageMost = 20
)

// BoxPage is how many summaries of each mailbox a view of the lab shows.
func BoxPage(l *live.Lab) int {
	users := 0
	for _, acct := range l.Accounts() {
		if !acct.IsList() {
			users++
		}
	}
	return max(1, min(mailboxPageMost, mailboxBudget/max(users, 1)))
}

// LabPages is the first page of every mailbox of l.
func LabPages(l *live.Lab) []live.Page { return l.Pages(BoxPage(l)) }

// boxView is one mailbox as the mailbox panel draws it: a scenario's, with
// every message's text, or a page of the lab's, with summaries whose text
// is fetched on opening.
type boxView struct {
	Address, HostName string
	Messages          []msgView
	Paged             bool // a page of a lab mailbox
	Total, Offset     int  // with Paged: messages in the mailbox, and of the first shown
}

// msgView is one message of a boxView.
type msgView struct {
	ID, From, Subject string
	Raw               string // a scenario's message text; "" for a lab summary
	Meta              string // a lab summary's date and size
	Seen, Deleted     bool
}

func scenarioBox(b *sim.Mailbox) boxView {
	v := boxView{Address: b.Address, HostName: b.HostName}
	for _, m := range b.Messages {
		v.Messages = append(v.Messages, msgView{ID: m.ID, From: m.From, Subject: m.Subject,
			Raw: strings.ReplaceAll(m.Raw, "\r\n", "\n"), Seen: m.Seen, Deleted: m.Deleted})
	}
	return v
}

func labBox(p live.Page) boxView {
	v := boxView{Address: p.Address, Paged: true, Total: p.Total, Offset: p.Offset}
	for _, m := range p.Messages {
		v.Messages = append(v.Messages, msgView{ID: m.ID, From: m.From, Subject: m.Subject,
			Meta: m.Date.Format("2006-01-02 15:04") + " · " + sizeText(m.Size), Seen: m.Seen, Deleted: m.Deleted})
	}
	return v
}

// sizeText writes a size with a unit symbol, which both languages share:
// "812 B", "4 KiB", "3 MiB". mailboxes.js writes it the same way.
func sizeText(n int) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%d KiB", (n+1<<9)>>10)
	}
	return fmt.Sprintf("%d MiB", (n+1<<19)>>20)
}

// pageRange says which messages a page shows: "1–20 din 10000".
func pageRange(l lang.Lang, b boxView) string {
	return fmt.Sprintf(tr(l, "mailbox.range"), b.Offset+1, b.Offset+len(b.Messages), b.Total)
}
