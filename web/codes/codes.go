package codes

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/sim/live"
	"mailsim/web/errata"
	"mailsim/web/player"
	"mailsim/web/view"
)

// GET /codes lists every SMTP reply code of the lecture's table, with 252
// and 555 that RFC 5321 adds, and says where a student sees each one: the
// first step of a scenario whose trace has it (found by running the
// traces, so a changed scenario moves its link) and the commands that
// produce it in /console. Its last section, #lecture, lists the lecture's
// examples that cannot be reproduced as printed.

// replyCode is one row of the reference: the code, the lecture's wording
// and RFC 5321's (§4.2.2), and a console recipe when the console can
// produce it.
type replyCode struct {
	Code    int
	Lecture string // as the lecture's table prints it; "" for 252 and 555, which it lacks
	RFC     string
	Recipe  []recipeLine // typed into /console's SMTP session after the greeting; the last line's reply has Code
}

// recipeLine is one line of a recipe, typed Times times (once when 0): 452
// needs one recipient more than the server takes.
type recipeLine struct {
	Line  string
	Times int
}

// once is a recipe of lines each typed one time.
func once(lines ...string) []recipeLine {
	r := make([]recipeLine, len(lines))
	for i, l := range lines {
		r[i] = recipeLine{Line: l}
	}
	return r
}

// Recipes name the lab's accounts with these words, replaced on the page by
// the running lab's own (recipeWords): {user} is a user's address, {list} a
// mailing list's, {nobody} an address of the lab's domain that no one has,
// {foreign} one elsewhere.
const foreignAddress = "someone@example.org"

// replyCodes is the lecture's table in its order, with RFC 5321's 252 and
// 555 beside their neighbours. The codes without a recipe come from
// scenarios only: 220 and 421 at a greeting, 251 from a forwarded
// recipient, 450 from greylisting, 451 from a server that cannot write its
// queue and 551 from a user who moved; 252 comes from VRFY of a list, which
// the server accepts without being able to verify a mailbox (RFC 5321
// §3.5.3).
var replyCodes = []replyCode{
	{211, "System status or help reply", "System status, or system help reply", once("HELP STATUS")},
	{214, "Help message", "Help message (Information on how to use the receiver or the meaning of a particular non-standard command; this reply is useful only to the human user)", once("HELP")},
	{220, "Service ready", "<domain> Service ready", nil},
	{221, "Service closing transmission channel", "<domain> Service closing transmission channel", once("QUIT")},
	{250, "Request command completed", "Requested mail action okay, completed", once("HELO pc.example.org")},
	{251, "User not local; the message will be forwarded", "User not local; will forward to <forward-path>", nil},
	{252, "", "Cannot VRFY user, but will accept message and attempt delivery", once("VRFY {list}")},
	{354, "Start mail input", "Start mail input; end with <CRLF>.<CRLF>", once("MAIL FROM:<{user}>", "RCPT TO:<{user}>", "DATA")},
	{421, "Service not available", "<domain> Service not available, closing transmission channel", nil},
	{450, "Mailbox not available", "Requested mail action not taken: mailbox unavailable (e.g., mailbox busy or temporarily blocked for policy reasons)", nil},
	{451, "Command aborted: local error", "Requested action aborted: error in processing", nil},
	{452, "Command aborted; insufficient storage", "Requested action not taken: insufficient system storage",
		[]recipeLine{{Line: "MAIL FROM:<{user}>"}, {Line: "RCPT TO:<{user}>", Times: 101}}},
	{500, "Syntax error; unrecognized command", "Syntax error, command unrecognized", once("VERFY {user}")},
	{501, "Syntax error in parameters or arguments", "Syntax error in parameters or arguments", once("HELO")},
	{502, "Command not implemented", "Command not implemented", once("TURN")},
	{503, "Bad sequence of commands", "Bad sequence of commands", once("RCPT TO:<{user}>")},
	{504, "Command temporarily not implemented", "Command parameter not implemented", once("HELP VERFY")},
	{550, "Command is not executed; mailbox unavailable", "Requested action not taken: mailbox unavailable (e.g., mailbox not found, no access, or command rejected for policy reasons)", once("MAIL FROM:<{user}>", "RCPT TO:<{nobody}>")},
	{551, "User not local", "User not local; please try <forward-path>", nil},
	{552, "Requested action aborted; exceeded storage location", "Requested mail action aborted: exceeded storage allocation", once("MAIL FROM:<{user}> SIZE=999999999")},
	{553, "Requested action not taken; mailbox name not allowed", "Requested action not taken: mailbox name not allowed (e.g., mailbox syntax incorrect)", once("MAIL FROM:<{user}>", "RCPT TO:<>")},
	{554, "Transaction failed", "Transaction failed (Or, in the case of a connection-opening response, \"No SMTP service here\")", once("MAIL FROM:<{user}>", "RCPT TO:<{foreign}>")},
	{555, "", "MAIL FROM/RCPT TO parameters not recognized or not implemented", once("MAIL FROM:<{user}> RET=HDRS")},
}

// recipeWords are a recipe's account words in the lab's: its first user
// and its first list ("" when it has none), and its host name as the domain.
func recipeWords(accts []live.Account, host string) map[string]string {
	words := map[string]string{"{user}": "", "{list}": "", "{nobody}": "nobody@" + host, "{foreign}": foreignAddress}
	for _, a := range accts {
		switch {
		case a.IsList() && words["{list}"] == "":
			words["{list}"] = a.Address
		case !a.IsList() && words["{user}"] == "":
			words["{user}"] = a.Address
		}
	}
	return words
}

// inWords writes a recipe in the lab's words, or returns nil when it names
// an account the lab does not have (a list, in a lab without one).
func inWords(recipe []recipeLine, words map[string]string) []recipeLine {
	var out []recipeLine
	for _, r := range recipe {
		line := r.Line
		for w, v := range words {
			if strings.Contains(line, w) {
				if v == "" {
					return nil
				}
				line = strings.ReplaceAll(line, w, v)
			}
		}
		out = append(out, recipeLine{Line: line, Times: r.Times})
	}
	return out
}

// codeStep is where a scenario shows a code: the first step whose last
// event is an SMTP reply with it.
type codeStep struct {
	Scenario, Title string
	Step            int
}

// URL is the player at that step.
func (s codeStep) URL(l lang.Lang) string {
	return player.URL(s.Scenario) + "?step=" + strconv.Itoa(s.Step) + "&lang=" + url.QueryEscape(string(l))
}

// firstSteps runs every scenario of the library, in its order, and returns
// the first step at which each SMTP reply code appears.
func (a *Section) firstSteps(l lang.Lang) (map[int]codeStep, error) {
	steps := map[int]codeStep{}
	for _, spec := range a.lib.List() {
		trace, err := a.runs.Trace(spec)
		if err != nil {
			return nil, err
		}
		for i, e := range trace {
			if _, seen := steps[e.Code]; !seen && e.Kind == sim.KindReply && e.Proto == "smtp" && e.Code > 0 {
				steps[e.Code] = codeStep{Scenario: spec.Name, Title: spec.Title.In(l), Step: i + 1}
			}
		}
	}
	return steps, nil
}

// codeRow is one code as the page draws it.
type codeRow struct {
	replyCode
	Class   string // "c2" .. "c5", the transcript's class styling
	Meaning string
	Step    *codeStep
	Lines   []recipeLine // the recipe in the lab's words
}

// codeGroup is one class of replies under the lecture's heading for it.
type codeGroup struct {
	Class, Title string
	Rows         []codeRow
}

// codesView is what codes.templ draws.
type codesView struct {
	Groups  []codeGroup
	Lecture []errata.Diff
	LabOn   bool
}

// codeRows lays the reference out by class, with each code's sources.
func (a *Section) codeRows(l lang.Lang) ([]codeGroup, error) {
	steps, err := a.firstSteps(l)
	if err != nil {
		return nil, err
	}
	accts, host := live.DefaultAccounts(), "mailsim.test"
	if a.live != nil {
		accts, host = a.live.Accounts(), a.live.Hostname()
	}
	words := recipeWords(accts, host)
	var groups []codeGroup
	for _, c := range replyCodes {
		class := view.ClassCSS(sim.ReplyClass(c.Code, ""))
		if len(groups) == 0 || groups[len(groups)-1].Class != class {
			groups = append(groups, codeGroup{Class: class, Title: tr(l, "codes.class."+class)})
		}
		row := codeRow{replyCode: c, Class: class, Meaning: explain(l, "smtp.reply."+strconv.Itoa(c.Code))}
		if s, ok := steps[c.Code]; ok {
			row.Step = &s
		}
		row.Lines = inWords(c.Recipe, words)
		g := &groups[len(groups)-1]
		g.Rows = append(g.Rows, row)
	}
	return groups, nil
}

// codes renders /codes.
func (a *Section) codes(w http.ResponseWriter, r *http.Request) {
	l := view.PageLang(w, r)
	groups, err := a.codeRows(l)
	if err != nil {
		view.InternalError(w, r, a.log, l, err)
		return
	}
	m := view.NewMeta(r, l, tr(l, "codes.title"))
	m.Styles = []string{"codes.css"}
	view.Render(w, r, a.log, http.StatusOK, codesPage(m, codesView{Groups: groups, Lecture: errata.Diffs(), LabOn: a.live != nil}))
}
