package smtp

// Envelope is the SMTP envelope of one transaction: who the message is from
// and to, as MAIL and RCPT said, independent of the message's own headers.
type Envelope struct {
	From string   // reverse-path without angle brackets ("" for the null sender <>)
	To   []string // forward-paths accepted so far
	UTF8 bool     // MAIL FROM carried SMTPUTF8: addresses and header may hold UTF-8 (RFC 6531)
	TLS  bool     // the transaction ran inside TLS
	User string   // the user AUTH logged in before MAIL, "" for none
	Helo string   // the name the client gave in its last HELO or EHLO, "" for none
	EHLO bool     // that greeting was EHLO: the client speaks the extensions
}

// With names how the message came, for a Received line's "with" clause:
// SMTP after HELO, ESMTP after EHLO, ESMTPS inside TLS, ESMTPA after AUTH,
// ESMTPSA for both (RFC 3848); with SMTPUTF8 the UTF8 forms of the same
// (RFC 6531 §3.7.3). TLS, AUTH and SMTPUTF8 all need EHLO, so each of them
// implies it.
func (e Envelope) With() string {
	suffix := ""
	if e.TLS {
		suffix += "S"
	}
	if e.User != "" {
		suffix += "A"
	}
	switch {
	case e.UTF8:
		return "UTF8SMTP" + suffix
	case suffix != "" || e.EHLO:
		return "ESMTP" + suffix
	}
	return "SMTP"
}

// Backend is what the server asks the world for; implemented in-memory by
// package sim (and by tests). The server owns the protocol, the backend owns
// mailboxes, so the same server machine fits every scenario.
type Backend interface {
	// Recipient is asked on each RCPT TO; nil accepts (250 2.1.5 Ok), a
	// *Reply rejects with it (550, 551, 452, 450 ...). A 2xx *Reply accepts
	// with that reply instead, which is how 251 "User not local; will
	// forward" is given.
	Recipient(addr string) *Reply
	// Deliver stores an accepted message (data with dot-stuffing undone,
	// lines joined with CRLF, ending with CRLF) and returns the reply to the
	// final dot, e.g. Queued("1A2B3C") or 452/552/554.
	Deliver(env Envelope, data []byte) Reply
}

// Verifier is an optional Backend extension that answers VRFY. A backend
// without it gets 252 (cannot verify, will attempt delivery) for addresses it
// would accept, because RFC 5321 §3.5.3 forbids 250 without real verification.
type Verifier interface {
	// Verify returns the whole reply: 250 with "Full Name <user@domain>",
	// 251 or 551 for a forwarded user, 550 unknown, 553 ambiguous.
	Verify(name string) Reply
}

// Expander is an optional Backend extension that answers EXPN. Only a backend
// with mailing lists implements it, and only then does EHLO advertise EXPN
// (RFC 5321 §3.5.2 requires the advertisement when EXPN works).
type Expander interface {
	// Expand returns the members of a mailing list ("user@domain" or
	// "Full Name <user@domain>"), or a reply that refuses (550 not a list,
	// 550 access denied).
	Expand(list string) ([]string, *Reply)
}
