package web

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"mailsim/lang"
	"mailsim/sim/imap"
	"mailsim/sim/live"
	"mailsim/sim/pop3"
	"mailsim/sim/smtp"
)

// consoleProtos are the servers a console connects to, with the port a
// real one listens on, as the lecture's telnet sessions name them, and
// consoleOrder the order of their buttons.
var (
	consoleProtos = map[string]string{"smtp": "25", "pop3": "110", "imap": "143"}
	consoleOrder  = []string{"smtp", "pop3", "imap"}
)

// consoleView is what console.templ draws: the terminal is empty until the
// reader connects; the diagrams, mailboxes and accounts are the lab's.
type consoleView struct {
	On        bool // the lab runs; without it the page says so and offers nothing to type into
	Host      string
	Machines  []machine
	Mailboxes []live.Page // a page of summaries of each mailbox
	BoxPage   int         // summaries in a page
	Accounts  []live.Account
	Try       []trySession
	MaxLine   int
}

// trySession is one of the lecture's telnet sessions as it works in the
// lab: Key introduces it, Open is the command that opens it on a real port
// ("" in the console, whose buttons connect), Lines are what to type.
type trySession struct {
	Key, Open string
	Lines     []string
}

// console renders /console.
func (a *app) console(w http.ResponseWriter, r *http.Request) {
	l := pageLang(w, r)
	m := newMeta(r, l, tr(l, "console.title"))
	m.Styles = []string{"console.css"}
	v := consoleView{Machines: machines(l), MaxLine: consoleMaxLine}
	if a.live != nil {
		v.On, v.Host, v.Mailboxes, v.BoxPage, v.Accounts = true, a.live.Hostname(), a.labPages(), boxPage(a.live), a.live.Accounts()
		v.Try = lectureSessions(v.Accounts)
	}
	a.render(w, r, http.StatusOK, consolePage(m, v))
}

// lectureSessions adapts the lecture's SMTP and POP3 sessions to the lab's
// accounts: the recipient is bob, whose password is the lecture's "hungry",
// when the lab has him, or else its first user, since the lecture's
// recipient at elcom.pub.ro is a domain the lab refuses to relay to.
func lectureSessions(accts []live.Account) []trySession {
	users := slices.DeleteFunc(slices.Clone(accts), live.Account.IsList)
	if len(users) == 0 {
		return nil
	}
	u := users[0]
	if i := slices.IndexFunc(users, func(a live.Account) bool { return strings.HasPrefix(a.Address, "bob@") }); i >= 0 {
		u = users[i]
	}
	name, _, _ := strings.Cut(u.Address, "@")
	return []trySession{
		{Key: "try.smtp", Lines: []string{"mail from: ms@elcom.pub.ro", "rcpt to: " + u.Address, "data",
			"From: Studentu Cutare", "Subject: test", "", "mail de test", ".", "quit"}},
		{Key: "try.pop3", Lines: []string{"user " + name, "pass " + u.Password, "list", "retr 1", "quit"}},
		{Key: "try.imap", Lines: []string{"a1 login " + name + " " + u.Password, "a2 select INBOX",
			"a3 fetch 1 (flags body.peek[header.fields (from subject)])", "a4 fetch 1 body[text]", "a5 logout"}},
	}
}

// consoleHint is the hint line under the prompt: the verbs valid in the
// machine's state, or what to do when no verb is; literal is the number of
// IMAP literal octets the server waits for.
func consoleHint(proto, state string, closed bool, literal int, l lang.Lang) string {
	var verbs []string
	switch proto {
	case "smtp":
		if i := slices.IndexFunc(smtp.States, func(s smtp.State) bool { return s.String() == state }); i >= 0 {
			verbs = smtp.Commands(smtp.States[i])
		}
	case "pop3":
		if i := slices.IndexFunc(pop3.States, func(s pop3.State) bool { return s.String() == state }); i >= 0 {
			verbs = pop3.Commands(pop3.States[i])
		}
	case "imap":
		if i := slices.IndexFunc(imap.States, func(s imap.State) bool { return s.String() == state }); i >= 0 {
			verbs = imap.Commands(imap.States[i])
		}
	}
	switch {
	case closed:
		return tr(l, "console.hint.closed")
	case proto == "smtp" && state == smtp.Data.String():
		return tr(l, "console.hint.data")
	case literal > 0:
		return fmt.Sprintf(tr(l, "console.hint.literal"), literal)
	case proto == "imap":
		return tr(l, "console.hint.imap") + " " + strings.Join(verbs, " · ")
	}
	return tr(l, "console.hint") + " " + strings.Join(verbs, " · ")
}
