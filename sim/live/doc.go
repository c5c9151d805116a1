// Package live owns the live lab: the world behind mailsim's real SMTP,
// POP3 and IMAP ports, with its accounts and shared in-memory mailboxes
// (folders, UIDs and flags; SMTP delivers into INBOX, POP3 reads INBOX,
// IMAP every folder), and the stream of sim.Event values into which
// everything a real client does on those ports is turned, so that the
// browser can show it as it happens. It was called lab until the MIME lab
// took that name.
//
// Mail never leaves the lab: its SMTP server accepts only its own accounts
// and lists and refuses every other domain with 554 5.7.1, so it can never
// be used as a relay.
package live
