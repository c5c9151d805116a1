package live

import (
	"time"
	"unicode/utf8"

	mailstore "mailsim/sim/store"
)

// Summary is what a mailbox list shows of a message: enough to pick it,
// not its text, so that a view of a lab holding thousands of messages
// stays small; the text comes from Message when the reader opens one.
type Summary struct {
	ID      string    `json:"id"`      // the POP3 unique ID, which Message takes
	From    string    `json:"from"`    // envelope sender; "" for mail added by IMAP APPEND or COPY
	Subject string    `json:"subject"` // decoded, at most SummaryText octets
	Date    time.Time `json:"date"`    // internal date: when it arrived
	Size    int       `json:"size"`    // octets as stored
	Seen    bool      `json:"seen"`
	Deleted bool      `json:"deleted"`
}

// Page is a run of one user's INBOX, newest message first.
type Page struct {
	Address  string    `json:"address"`
	Total    int       `json:"total"`  // messages in the INBOX
	Offset   int       `json:"offset"` // of the first summary, counted from the newest message
	Messages []Summary `json:"messages"`
}

// SummaryText bounds each text of a summary, so that a page's size does
// not depend on what senders put in their headers.
const SummaryText = 160

// Page returns up to n summaries of the user's INBOX, starting offset
// messages from the newest; ok is false for an address that is not a
// user of the lab.
func (l *Lab) Page(addr string, offset, n int) (p Page, ok bool) {
	return l.store.page(addr, offset, n)
}

// Pages returns the first n summaries of every user's INBOX, sorted by
// address.
func (l *Lab) Pages(n int) []Page {
	var out []Page
	for _, a := range l.Accounts() {
		if p, ok := l.store.page(a.Address, 0, n); ok {
			out = append(out, p)
		}
	}
	return out
}

// Message returns the text of the INBOX message with the POP3 unique ID
// id, as stored; ok is false when it is not (or no longer) there.
func (l *Lab) Message(addr, id string) (data []byte, ok bool) {
	for _, m := range l.store.mail.Maildrop(addr) {
		if m.Info.ID == id {
			return m.Data, true
		}
	}
	return nil, false
}

func (s *store) page(addr string, offset, n int) (Page, bool) {
	if !s.users[addr] { // the map is fixed at start
		return Page{}, false
	}
	msgs := s.mail.Maildrop(addr)
	offset = max(offset, 0)
	p := Page{Address: addr, Total: len(msgs), Offset: offset, Messages: []Summary{}}
	for i := len(msgs) - 1 - offset; i >= 0 && len(p.Messages) < n; i-- {
		m := msgs[i]
		info := m.Info
		if info.Queue == "" {
			info.Subject = subject(m.Data)
		}
		p.Messages = append(p.Messages, Summary{ID: info.ID, From: clip(info.From), Subject: clip(info.Subject),
			Date: m.Date, Size: len(m.Data), Seen: mailstore.HasFlag(m.Flags, mailstore.FlagSeen), Deleted: m.Deleted()})
	}
	return p, true
}

// clip cuts s to SummaryText octets at a character boundary, marking the
// cut with an ellipsis.
func clip(s string) string {
	if len(s) <= SummaryText {
		return s
	}
	cut := SummaryText - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
