package view

import (
	"slices"
	"strings"

	"mailsim/sim/live"
)

// TrySession is one of the lecture's telnet sessions as it works in the
// lab: Key introduces it, Open is the command that opens it on a real port
// ("" in the console, whose buttons connect), Lines are what to type.
type TrySession struct {
	Key, Open string
	Lines     []string
}

// LectureSessions adapts the lecture's SMTP and POP3 sessions to the lab's
// accounts: the recipient is bob, whose password is the lecture's "hungry",
// when the lab has him, or else its first user, since the lecture's
// recipient at elcom.pub.ro is a domain the lab refuses to relay to.
func LectureSessions(accts []live.Account) []TrySession {
	users := slices.DeleteFunc(slices.Clone(accts), live.Account.IsList)
	if len(users) == 0 {
		return nil
	}
	u := users[0]
	if i := slices.IndexFunc(users, func(a live.Account) bool { return strings.HasPrefix(a.Address, "bob@") }); i >= 0 {
		u = users[i]
	}
	name, _, _ := strings.Cut(u.Address, "@")
	return []TrySession{
		{Key: "try.smtp", Lines: []string{"mail from: ms@elcom.pub.ro", "rcpt to: " + u.Address, "data",
			"From: Studentu Cutare", "Subject: test", "", "mail de test", ".", "quit"}},
		{Key: "try.pop3", Lines: []string{"user " + name, "pass " + u.Password, "list", "retr 1", "quit"}},
		{Key: "try.imap", Lines: []string{"a1 login " + name + " " + u.Password, "a2 select INBOX",
			"a3 fetch 1 (flags body.peek[header.fields (from subject)])", "a4 fetch 1 body[text]", "a5 logout"}},
	}
}
