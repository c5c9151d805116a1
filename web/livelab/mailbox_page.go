package livelab

import (
	"mailsim/web/view"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// rawMost is how much of a message's text one request returns: the start of
// a large attachment is enough to see its encoding, and POP3 RETR or IMAP
// FETCH gives the whole.
const rawMost = 256 << 10

// mailboxJSON answers GET /live/mailbox?box=ADDR&offset=N with that page of
// the mailbox as JSON (live.Page).
func (a *Section) mailboxJSON(w http.ResponseWriter, r *http.Request) {
	if !a.labRequest(w, r) {
		return
	}
	offset, err := strconv.Atoi(r.URL.Query().Get("offset"))
	if err != nil || offset < 0 {
		http.Error(w, "offset: a number of messages, 0 or more", http.StatusBadRequest)
		return
	}
	p, ok := a.live.Page(r.URL.Query().Get("box"), offset, view.BoxPage(a.live))
	if !ok {
		http.Error(w, "box: no such mailbox in the lab", http.StatusNotFound)
		return
	}
	view.JSON(w, http.StatusOK, p)
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
func (a *Section) messageJSON(w http.ResponseWriter, r *http.Request) {
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
	view.JSON(w, http.StatusOK, m)
}

// labRequest refuses a request for lab mail when the lab is off, and one
// another site's page makes: the browser names the page that asks in
// Origin or Sec-Fetch-Site, and, as for the websockets (gorilla's origin
// check), only a page of this server may read the lab's mail.
func (a *Section) labRequest(w http.ResponseWriter, r *http.Request) bool {
	l, _ := view.RequestLang(r)
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
