// Package smtp owns the SMTP server and client machines of mailsim (RFC 5321
// plus the lecture's full keyword list). The machines are sans-I/O: they take
// one line and return the lines to send and their new state, so the same code
// runs in the discrete-event simulation, behind a TCP port and in the browser
// console.
//
// # Reply codes and the situations that produce them
//
// Replies follow Postfix's wording and RFC 3463 enhanced codes. "Backend"
// means the code comes from the Backend (or its Verifier or Expander) that
// the world plugs in; every other situation is the server's own. A Backend
// decides recipients with Policy (one recipient policy for the simulated
// world and the live lab) and answers with the named replies of refusal.go,
// so each refusal text is written once. Each reply carries the key of its
// situation (Reply.Situation, read with Reply.Key): 554 alone cannot say
// whether a relay was refused, no recipient was left or a mail loop ended.
//
//	211  HELP STATUS: the session's status (state, client, sender, recipients, limits)
//	214  HELP: the command list; HELP <command>: its syntax and purpose
//	220  the greeting, Greet
//	221  QUIT
//	250  HELO, EHLO (with the extension list), MAIL (2.1.0), RCPT (2.1.5),
//	     RSET, NOOP, the final dot (Backend, e.g. Queued), VRFY and EXPN (Backend)
//	251  RCPT or VRFY of a user that will be forwarded (Backend)
//	252  VRFY without a Verifier of an address the Backend would accept; with
//	     Policy, VRFY of a mailing list (2.1.5) or of an address relayed onwards
//	354  DATA after at least one accepted recipient
//	421  Timeout (4.4.2), Shutdown (4.3.2), the 20th protocol error (4.7.0);
//	     the connection closes and the transaction is abandoned
//	450  RCPT to a mailbox busy for now (Backend)
//	451  RCPT or the final dot after a local error (Backend); the final dot
//	     when no Backend is configured
//	452  RCPT beyond MaxRecipients (4.5.3); insufficient storage (Backend)
//	500  unknown command; empty line; command line over 512 octets (5.5.0
//	     "Line too long"); CR, LF or NUL inside a command line
//	501  missing or malformed arguments: HELO/EHLO without a name, MAIL or RCPT
//	     without FROM:/TO: or with an unclosed path, a path over 256 octets,
//	     SIZE not a number, unknown BODY value, SMTPUTF8 with a value,
//	     DATA/RSET/QUIT with an argument, VRFY/EXPN/AUTH without one
//	502  TURN, SEND, SOML, SAML (historic, with why they are gone), STARTTLS,
//	     EXPN when the Backend has no mailing lists
//	503  wrong order: RCPT before MAIL, DATA before a RCPT, MAIL inside a
//	     transaction, MAIL before HELO when RequireHelo, any line before Greet
//	504  AUTH with a mechanism (none is implemented), HELP with an unknown
//	     topic, MAIL with BODY=BINARYMIME
//	550  RCPT to an unknown user, VRFY unknown, EXPN refused (Backend); EXPN of a
//	     name that has no members
//	551  RCPT or VRFY of a user who moved (Backend)
//	552  MAIL with SIZE= over MaxSize (5.3.4); at the final dot, a message over
//	     MaxSize (5.3.4) or with a text line over 1000 octets (5.6.0): the
//	     message is not delivered; a full mailbox at the final dot (Backend)
//	553  MAIL or RCPT with a mailbox name RFC 5321 does not allow (5.1.7 or
//	     5.1.3, also RCPT TO:<>), VRFY of such a name; VRFY ambiguous (Backend);
//	     a non-ASCII address in a transaction without SMTPUTF8 (5.6.7)
//	554  DATA when every RCPT was refused (5.5.1); the final dot of a message
//	     with more than MaxHops Received lines (5.4.6, a mail loop), with a
//	     bare CR or LF in its text (5.5.2) or a NUL (5.6.0); RCPT to
//	     another domain from a client not relayed for (5.7.1, Policy); the
//	     final dot refused (Backend); a client that talked before the
//	     greeting (5.5.1, EarlyTalker, sent by the socket adapter)
//	555  MAIL or RCPT with a parameter not implemented (RET=, NOTIFY=, ...)
//
// # Line handling
//
// The adapter splits input on CRLF and feeds each line without it. A command
// line may hold at most 510 octets before its CRLF. During DATA only a line
// that is exactly "." ends the message; a line holding a stray CR or LF is
// message text, so a bare LF can never end DATA, and at the final dot the
// whole message is refused with 554 5.5.2, as Postfix's
// smtpd_forbid_bare_newline does, because stored as it came the message would
// change on its way out (a NUL in the text gets 554 5.6.0). The session goes
// on. A command holding a NUL gets 500 without an echo, and no reply line
// ever carries a control character back. Dot-stuffing is undone on receipt
// and done by the client on sending.
package smtp
