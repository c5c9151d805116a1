// Package livelab is the live lab's page: what the real SMTP, POP3 and IMAP
// ports receive from telnet, curl or a mail program, shown as it happens,
// with the lab's mailboxes a page at a time.
package livelab

import (
	"log/slog"
	"net/http"

	"mailsim/sim/live"
)

// Section holds the live lab the page follows (nil when it is off).
type Section struct {
	live *live.Lab
	log  *slog.Logger
}

// New returns the page of lab l.
func New(l *live.Lab, log *slog.Logger) *Section {
	return &Section{live: l, log: log}
}

// Routes adds the live page, its websocket, and a mailbox's pages and a
// message's text to mux.
func (a *Section) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /live", a.livePage)
	mux.HandleFunc("GET /ws/live", a.liveSocket)
	mux.HandleFunc("GET /live/mailbox", a.mailboxJSON)
	mux.HandleFunc("GET /live/message", a.messageJSON)
}
