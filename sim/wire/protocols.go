package wire

import (
	"time"

	"mailsim/sim/imap"
	"mailsim/sim/machine"
	"mailsim/sim/pop3"
	"mailsim/sim/smtp"
)

// Idle timeouts: SMTP's server timeout (RFC 5321 §4.5.3.2.7), POP3's
// autologout timer (RFC 1939 §3), and IMAP's (RFC 3501 §5.4 asks for at
// least 30 minutes; RFC 2177 has IDLE clients re-issue it within 29).
const (
	SMTPIdle = 5 * time.Minute
	POP3Idle = 10 * time.Minute
	IMAPIdle = 30 * time.Minute
)

// Explanation keys of the refusals beyond Options.MaxConns that no machine
// gives.
const (
	KeyPOP3TooMany = "wire.pop3.too-many"
	KeyIMAPTooMany = "wire.imap.too-many"
)

// SMTP serves sim/smtp's server machine. config is called once per
// connection, so that a backend can know which peer it serves. Its refusal
// is Postfix's answer to a client beyond its process limit: 421, so that a
// real client retries later instead of giving up.
func SMTP(config func(Peer) smtp.Config) Protocol {
	return Protocol{Name: "smtp", Idle: SMTPIdle, Early: smtp.EarlyTalker().Machine(),
		Refusal: smtp.Reply{Code: 421, Enhanced: "4.7.0", Lines: []string{"Too many connections"}}.Machine(),
		New:     func(p Peer) machine.Server { return smtp.NewServer(config(p)).Machine() }}
}

// POP3 serves sim/pop3's server machine. config is called once per
// connection, because the APOP timestamp and the CRAM-MD5 challenge must
// differ for every session (RFC 1939 §7, RFC 2195 §2). The refusal uses
// the SYS/TEMP response code of RFC 3206: the fault is the server's and
// passing, so a client may try again later.
func POP3(config func(Peer) pop3.Config) Protocol {
	return Protocol{Name: "pop3", Idle: POP3Idle,
		Refusal: machine.Reply{Lines: []string{"-ERR [SYS/TEMP] too many connections"}, Status: "-ERR", Key: KeyPOP3TooMany},
		New:     func(p Peer) machine.Server { return pop3.NewServer(config(p)).Machine() }}
}

// IMAP serves sim/imap's server machine. config is called once per
// connection. The refusal is BYE, which RFC 3501 §7.1.5 allows instead of
// the greeting when the server will not serve the client.
func IMAP(config func(Peer) imap.Config) Protocol {
	return Protocol{Name: "imap", Idle: IMAPIdle,
		Refusal: machine.Reply{Lines: []string{"* BYE [UNAVAILABLE] Too many connections"}, Status: "BYE", Key: KeyIMAPTooMany},
		New:     func(p Peer) machine.Server { return imap.NewServer(config(p)).Machine() }}
}
