// Package live owns the live lab: the world behind mailsim's real SMTP,
// POP3 and IMAP ports, with its accounts and shared mailboxes in the one
// mail store the simulated world uses too (mailsim/sim/store: folders,
// UIDs, flags and POP3's marks; SMTP delivers into INBOX, POP3 reads
// INBOX, IMAP every folder), and the stream of sim.Event values into which
// everything a real client or the browser console does on those ports is
// turned by the one event builder (sim.Builder), so that the browser can
// show it as it happens. It was called lab until the MIME lab took that
// name.
//
// Mail never leaves the lab: its SMTP server accepts only its own accounts
// and lists and refuses every other domain with 554 5.7.1, so it can never
// be used as a relay.
package live
