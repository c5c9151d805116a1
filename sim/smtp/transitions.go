package smtp

import "mailsim/sim/machine"

// Transitions are the SMTP server's transitions (RFC 5321 §4.1.4 and
// §3.3): the happy path, the greeting a busy server replaces with 421, MAIL
// straight after the greeting (Postfix allows it, as the lecture's telnet
// session shows), the end of the message text and RSET going back to Ready,
// and QUIT from any state after the greeting. The state diagram draws them;
// a test checks that every transition the shipped scenarios take is here.
var Transitions = []machine.Transition[State]{
	{From: Connected, To: Greeted, Label: "220"},
	{From: Greeted, To: Ready, Label: "HELO/EHLO"},
	{From: Ready, To: MailFrom, Label: "MAIL"},
	{From: MailFrom, To: RcptTo, Label: "RCPT"},
	{From: RcptTo, To: Data, Label: "DATA"},
	{From: Greeted, To: MailFrom, Label: "MAIL", Lenient: true}, // RFC 5321 §4.1.4 wants EHLO or HELO first
	{From: Data, To: Ready, Label: "<CRLF>.<CRLF>"},
	{From: MailFrom, To: Ready, Label: "RSET"},
	{From: RcptTo, To: Ready, Label: "RSET"},
	{From: Connected, To: Closed, Label: "421"},
	{From: Greeted, To: Closed, Label: "QUIT"},
	{From: Ready, To: Closed, Label: "QUIT"},
	{From: MailFrom, To: Closed, Label: "QUIT"},
	{From: RcptTo, To: Closed, Label: "QUIT"},
}
