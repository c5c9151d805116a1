package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

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
	// rawMost is how much of a message's text one request returns: the
	// start of a large attachment is enough to see its encoding, and POP3
	// RETR or IMAP FETCH gives the whole.
	rawMost = 256 << 10
)

// mailboxRoutes serves a page of a lab mailbox and a message's text.
func (a *app) mailboxRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /live/mailbox", a.mailboxJSON)
	mux.HandleFunc("GET /live/message", a.messageJSON)
}

// boxPage is how many summaries of each mailbox a view of the lab shows.
func boxPage(l *live.Lab) int {
	users := 0
	for _, acct := range l.Accounts() {
		if !acct.IsList() {
			users++
		}
	}
	return max(1, min(mailboxPageMost, mailboxBudget/max(users, 1)))
}

// labPages is the first page of every lab mailbox.
func (a *app) labPages() []live.Page { return a.live.Pages(boxPage(a.live)) }

// mailboxJSON answers GET /live/mailbox?box=ADDR&offset=N with that page of
// the mailbox as JSON (live.Page).
func (a *app) mailboxJSON(w http.ResponseWriter, r *http.Request) {
	if !a.labRequest(w, r) {
		return
	}
	offset, err := strconv.Atoi(r.URL.Query().Get("offset"))
	if err != nil || offset < 0 {
		http.Error(w, "offset: a number of messages, 0 or more", http.StatusBadRequest)
		return
	}
	p, ok := a.live.Page(r.URL.Query().Get("box"), offset, boxPage(a.live))
	if !ok {
		http.Error(w, "box: no such mailbox in the lab", http.StatusNotFound)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

// rawMessage is the answer of GET /live/message: the text, or its first
// rawMost octets, and the whole size.
type rawMessage struct {
	Raw       string `json:"raw"`
	Size      int    `json:"size"`
	Truncated bool   `json:"truncated"`
}

// messageJSON answers GET /live/message?box=ADDR&id=ID with the message's
// text as JSON (rawMessage), cut at rawMost octets.
func (a *app) messageJSON(w http.ResponseWriter, r *http.Request) {
	if !a.labRequest(w, r) {
		return
	}
	data, ok := a.live.Message(r.URL.Query().Get("box"), r.URL.Query().Get("id"))
	if !ok {
		http.Error(w, "no such message in the lab (it may have been deleted)", http.StatusNotFound)
		return
	}
	m := rawMessage{Size: len(data)}
	if len(data) > rawMost {
		cut := rawMost
		for cut > 0 && !utf8.RuneStart(data[cut]) {
			cut--
		}
		data, m.Truncated = data[:cut], true
	}
	m.Raw = string(data)
	writeJSON(w, http.StatusOK, m)
}

// labRequest refuses a request for lab mail when the lab is off, and one
// another site's page makes: the browser names the page that asks in
// Origin or Sec-Fetch-Site, and, as for the websockets (gorilla's origin
// check), only a page of this server may read the lab's mail.
func (a *app) labRequest(w http.ResponseWriter, r *http.Request) bool {
	l, _ := requestLang(r)
	if a.live == nil {
		http.Error(w, tr(l, "lab.off.text"), http.StatusServiceUnavailable)
		return false
	}
	if !sameOrigin(r) {
		http.Error(w, tr(l, "lab.cross-origin"), http.StatusForbidden)
		return false
	}
	return true
}

// sameOrigin reports whether a request comes from a page of this server,
// or from no page at all (curl, the address bar).
func sameOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return false
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && strings.EqualFold(u.Host, r.Host)
}

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
