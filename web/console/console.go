package console

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
	"mailsim/web/view"
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
	Machines  []view.Machine
	Mailboxes []live.Page // a page of summaries of each mailbox
	BoxPage   int         // summaries in a page
	Accounts  []live.Account
	Try       []view.TrySession
	MaxLine   int
}

// console renders /console.
func (a *Section) console(w http.ResponseWriter, r *http.Request) {
	l := view.PageLang(w, r)
	m := view.NewMeta(r, l, tr(l, "console.title"))
	m.Styles = []string{"console.css"}
	v := consoleView{Machines: view.Machines(l), MaxLine: consoleMaxLine}
	if a.live != nil {
		v.On, v.Host, v.Mailboxes, v.BoxPage, v.Accounts = true, a.live.Hostname(), view.LabPages(a.live), view.BoxPage(a.live), a.live.Accounts()
		v.Try = view.LectureSessions(v.Accounts)
	}
	view.Render(w, r, a.log, http.StatusOK, consolePage(m, v))
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
