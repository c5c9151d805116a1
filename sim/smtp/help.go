package smtp

import (
	"strconv"
	"strings"
)

// topic is what HELP <topic> says: the syntax and one sentence.
type topic struct {
	name, usage, text string
}

// topics is the HELP index, in the order the lecture's keyword table lists
// the commands, then the extensions.
var topics = []topic{
	{"HELO", "HELO <hostname>", "Identify the client; starts an SMTP session."},
	{"EHLO", "EHLO <hostname>", "Identify the client and ask for the service extensions."},
	{"MAIL", "MAIL FROM:<sender> [SIZE=<octets>] [BODY=7BIT|8BITMIME]", "Start a transaction; <> is the null sender of bounces."},
	{"RCPT", "RCPT TO:<recipient>", "Add one recipient; repeat for each."},
	{"DATA", "DATA", "Send the message text, ended by a line with a single dot."},
	{"QUIT", "QUIT", "Close the session."},
	{"RSET", "RSET", "Abandon the current transaction."},
	{"VRFY", "VRFY <user>", "Ask whether a mailbox exists."},
	{"NOOP", "NOOP", "Do nothing; keeps the connection alive."},
	{"TURN", "TURN", "Obsolete (RFC 5321 F.1): swapped client and server roles."},
	{"EXPN", "EXPN <mailing-list>", "List the members of a mailing list."},
	{"HELP", "HELP [<command>|STATUS]", "Show help on a command, or the session status."},
	{"SEND", "SEND FROM:<sender>", "Obsolete (RFC 5321 F.6): wrote to a user's terminal."},
	{"SOML", "SOML FROM:<sender>", "Obsolete (RFC 5321 F.6): terminal if logged in, else mailbox."},
	{"SAML", "SAML FROM:<sender>", "Obsolete (RFC 5321 F.6): terminal and mailbox."},
	{"AUTH", "AUTH <mechanism> [<initial-response>]", "Log in with SASL; EHLO lists the mechanisms offered."},
	{"STARTTLS", "STARTTLS", "Switch to TLS where EHLO offers it; then EHLO again."},
}

// statusTopic is the HELP argument that asks for the session status (211)
// rather than a command's help (214).
const statusTopic = "STATUS"

// help answers HELP: no argument lists the commands (214), a command's name
// gives its syntax (214), STATUS reports the session (211) and any other
// topic is a parameter the server does not implement (504).
func (s *Server) help(arg string) Reply {
	arg = strings.ToUpper(arg)
	switch arg {
	case "":
		var names []string
		for _, t := range topics {
			names = append(names, t.name)
		}
		return Reply{Code: 214, Enhanced: "2.0.0", Lines: []string{
			"Commands: " + strings.Join(names, " "),
			"HELP <command> explains one; HELP " + statusTopic + " shows this session",
			"End of HELP info",
		}}
	case statusTopic:
		return s.status()
	}
	for _, t := range topics {
		if t.name == arg {
			return Reply{Code: 214, Enhanced: "2.0.0", Lines: []string{t.usage, t.text}}
		}
	}
	return reply(504, "5.5.4", "HELP topic \""+arg+"\" unknown")
}

// status is the 211 system status reply: who the server is, which state the
// session is in and what the transaction holds so far.
func (s *Server) status() Reply {
	hello := s.clientName
	if hello == "" {
		hello = "(none)"
	}
	from := "(none)"
	if s.state == MailFrom || s.state == RcptTo {
		from = "<" + s.env.From + ">"
	}
	return Reply{Code: 211, Enhanced: "2.0.0", Lines: []string{
		s.cfg.Hostname + " status",
		"State: " + s.state.String() + ", client: " + hello,
		"Sender: " + from + ", recipients: " + strconv.Itoa(len(s.env.To)),
		"Limits: SIZE " + strconv.FormatInt(s.cfg.MaxSize, 10) + ", " + strconv.Itoa(s.cfg.MaxRecipients) + " recipients",
	}}
}

// What each RFC 821 command once did and why it is gone, said on the wire;
// the explanation catalog says the same to the class.
const (
	turnGone = "TURN is obsolete (RFC 5321 F.1): it swapped client and server so the server could send its queued mail back, and without authentication anyone could collect someone else's mail"
	sendGone = "SEND is obsolete (RFC 5321 F.6): it wrote the message to the user's terminal instead of the mailbox; terminals gave way to other protocols"
	somlGone = "SOML is obsolete (RFC 5321 F.6): Send Or MaiL, to the terminal if the user was logged in, else to the mailbox; rarely implemented"
	samlGone = "SAML is obsolete (RFC 5321 F.6): Send And MaiL, to the terminal and the mailbox; rarely implemented"
)

// historic answers an RFC 821 command that RFC 5321 deprecates with 502 and
// the reason, so that students who type it from the keyword table learn what
// became of it.
func historic(why string) handler {
	return func(*Server, string) Reply { return reply(502, "5.5.1", why) }
}
