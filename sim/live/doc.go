// Package lab owns the live lab: the world behind mailsim's real SMTP and
// POP3 ports, with its accounts and shared in-memory mailboxes, and the
// stream of sim.Event values into which everything a real client does on
// those ports is turned, so that the browser can show it as it happens.
//
// Mail never leaves the lab: its SMTP server accepts only its own accounts
// and lists and refuses every other domain with 554 5.7.1, so it can never
// be used as a relay.
package live
