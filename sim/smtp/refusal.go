package smtp

import "strconv"

// The replies a mail store gives, each written in one place, in Postfix's
// words, with the key of its situation, so that the simulated world and the
// live lab say the same thing the same way (as go-smtp's ErrDataTooLarge is
// one value for every backend).

// Queued accepts a message: "250 2.0.0 Ok: queued as DF94192146". From now
// on the server, not the client, is responsible for it (RFC 5321 §3.3).
func Queued(id string) Reply {
	return because("queued", 250, "2.0.0", "Ok: queued as "+id)
}

// WillForward accepts a recipient whose mail goes on to another address:
// "251 User not local; will forward to <forward-path>" (RFC 5321 §3.4). The
// server takes on the delivery, unlike 551, which asks the client to go
// there itself.
func WillForward(to string) Reply {
	return because("will-forward", 251, "2.1.5", "User not local; will forward to <"+to+">")
}

// RelayDenied refuses a recipient in a domain this server does not receive
// mail for, from a client it does not relay for: an open relay would carry
// anyone's spam (RFC 5321 §3.6.2, §7.1).
func RelayDenied(addr string) Reply {
	return because("relay-denied", 554, "5.7.1", "<"+addr+">: Relay access denied")
}

// UserUnknown refuses a recipient in a domain of this server that names no
// mailbox.
func UserUnknown(addr string) Reply {
	return because("user-unknown", 550, "5.1.1", "<"+addr+">: Recipient address rejected: User unknown in local recipient table")
}

// MailboxFull refuses, for now, a recipient whose mailbox is over its quota:
// 4xx, because the mailbox may be emptied and a retry succeed.
func MailboxFull(addr string) Reply {
	return because("mailbox-full", 452, "4.2.2", "<"+addr+">: Mailbox full")
}

// QuotaExceeded refuses a message, after its text, that would not fit in the
// mailbox of addr. After DATA one reply speaks for every recipient, so the
// whole message is refused (RFC 5321 §4.2.3, 552).
func QuotaExceeded(addr string) Reply {
	return because("quota-exceeded", 552, "5.2.2", "<"+addr+">: Requested mail action aborted: exceeded storage allocation")
}

// StorageFull refuses a message, for now, because the server's disk (the
// lab's storage cap) is full.
func StorageFull() Reply {
	return because("storage-full", 452, "4.3.1", "Insufficient system storage")
}

// TooManyHops refuses a message that carries more than MaxHops Received
// lines: it is going round in a loop (RFC 5321 §6.3).
func TooManyHops() Reply {
	return because("too-many-hops", 554, "5.4.6", "Too many hops")
}

// TLSReady answers STARTTLS: "220 2.0.0 Ready to start TLS" (RFC 3207 §4),
// in clear; the next octets on the wire are the client's TLS handshake.
func TLSReady() Reply {
	return because("tls-ready", 220, "2.0.0", "Ready to start TLS")
}

// TLSActive refuses a second STARTTLS: the session is already inside TLS,
// in Postfix's words.
func TLSActive() Reply {
	return because("tls-active", 554, "5.5.1", "Error: TLS already active")
}

// EncryptionRequired refuses PLAIN or LOGIN outside TLS where TLS could be
// had: the password would cross in clear (RFC 4954 §6, 538 5.7.11).
func EncryptionRequired() Reply {
	return because("auth-needs-tls", 538, "5.7.11", "Encryption required for requested authentication mechanism")
}

// AuthRequired refuses MAIL on a submission port before AUTH (RFC 6409
// §4.3, RFC 4954 §6): "530 5.7.0 Authentication required".
func AuthRequired() Reply {
	return because("auth-required", 530, "5.7.0", "Authentication required")
}

// AuthFailed refuses wrong credentials, the same for an unknown user and a
// wrong password, so that a failure does not tell which user names exist
// (535 5.7.8, RFC 4954 §6; Postfix's text).
func AuthFailed() Reply {
	return because("auth-failed", 535, "5.7.8", "Error: authentication failed: authentication failure")
}

// Authenticated accepts a login: "235 2.7.0 Authentication successful"
// (RFC 4954 §6). inClear says the password crossed outside TLS, only
// base64-encoded, which the situation explains as a warning. Being logged
// in lets the client submit mail; it never makes the server relay it
// elsewhere.
func Authenticated(inClear bool) Reply {
	if inClear {
		return because("auth-in-clear", 235, "2.7.0", "Authentication successful")
	}
	return because("authenticated", 235, "2.7.0", "Authentication successful")
}

// unknownMechanism refuses a SASL mechanism this session does not offer
// (RFC 4954 §4, 504 5.5.4).
func unknownMechanism() Reply {
	return because("auth-mechanism", 504, "5.5.4", "Unrecognized authentication type")
}

// Verified answers VRFY for a mailbox that exists.
func Verified(addr string) Reply {
	return because("verified", 250, "2.0.0", "<"+addr+">")
}

// CannotVerify answers VRFY for an address the server would accept but
// cannot check, such as one it relays onwards (RFC 5321 §3.5.3).
func CannotVerify(addr string) Reply {
	return because("cannot-verify", 252, "2.0.0", "<"+addr+">: Cannot VRFY user, but will accept message and attempt delivery")
}

// ListNotVerified answers VRFY for a mailing list: a list is not a mailbox,
// so it cannot be verified as one, but mail to it is accepted (RFC 5321
// §3.5.1 gives "252 Unable to verify members of mailing list"); EXPN lists
// the members.
func ListNotVerified(addr string) Reply {
	return because("vrfy-list", 252, "2.1.5", "<"+addr+">: Unable to verify members of mailing list, but will accept message and attempt delivery")
}

// Greylisted refuses, for now, a recipient from a client, sender and
// recipient (the triplet) the server has not seen before, or saw less than
// its greylist delay ago: "450 4.2.0", as Postfix answers when the postgrey
// policy server, started with --greylist-text="Greylisted for %s seconds",
// defers the mail; left is the seconds until the triplet passes. A real MTA
// keeps the message and retries (RFC 5321 §4.5.4.1); much spam software
// never does.
func Greylisted(addr string, left int) Reply {
	return because("greylisted", 450, "4.2.0", "<"+addr+">: Recipient address rejected: Greylisted for "+strconv.Itoa(left)+" seconds")
}

// GreylistPassed accepts a recipient whose triplet was greylisted at least
// the greylist delay ago and has come back: the wire says "250 2.1.5 Ok" as
// for any recipient, the situation says why it is accepted now.
func GreylistPassed() Reply {
	return because("greylist-passed", 250, "2.1.5", "Ok")
}

// QueueWriteError refuses a message, for now, after its text, because the
// server could not write it to its queue (a full or failing disk): Postfix's
// cleanup says "451 4.3.0 Error: queue file write error". Nothing was kept,
// so the client's retry delivers it once.
func QueueWriteError() Reply {
	return because("queue-write-error", 451, "4.3.0", "Error: queue file write error")
}

// UserMoved refuses a recipient that no longer has a mailbox here and names
// where it went: "551 User not local; please try <forward-path>" (RFC 5321
// §3.4, §4.2.2). Unlike 251 the server does not carry the mail there; the
// sender learns the new address from the bounce and decides.
func UserMoved(to string) Reply {
	return because("user-moved", 551, "5.1.6", "User not local; please try <"+to+">")
}

// bareNewline refuses, at the final dot, a message whose text held a lone
// CR or LF (c), as Postfix does with smtpd_forbid_bare_newline: RFC 5321
// §2.3.8 lets only CRLF end a line, and a receiver that took a bare LF for
// one could be made to see an end of data the sender's server did not (SMTP
// smuggling). The whole message is refused, none of it stored; the session
// goes on, where Postfix hangs up.
func bareNewline(c byte) Reply {
	name := "<LF>"
	if c == '\r' {
		name = "<CR>"
	}
	return because("bare-newline-data", 554, "5.5.2", "Error: bare "+name+" received in message text")
}

// EarlyTalker refuses a client that sent commands before the greeting, as
// Postfix's postscreen does after its pregreet test: RFC 5321 §3.1 has the
// client wait for the 220, and one that does not is most often spam
// software that does not read replies. The server disconnects after it.
func EarlyTalker() Reply {
	return because("early-talker", 554, "5.5.1", "Error: you talked before the greeting; wait for 220")
}
