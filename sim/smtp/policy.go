package smtp

import "strings"

// Directory is what the recipient policy asks of the mail system behind a
// server. The simulated world and the live lab each implement it; the
// decisions, and the replies that say them, are Policy's.
type Directory interface {
	// Local reports whether this server is the final destination of mail
	// for domain, given in lower case.
	Local(domain string) bool
	// Lookup says what a canonical address (Address.Canonical) in a local
	// domain is.
	Lookup(addr string) Found
}

// Found is what an address is to a Directory.
type Found int

// The answers of Directory.Lookup.
const (
	Nobody  Found = iota // no mailbox and no list
	Mailbox              // a mailbox with room
	Full                 // a mailbox over its quota
	List                 // a mailing list
	Forward              // an address whose mail goes on elsewhere (251)
)

// Policy is the recipient policy of every mailsim server: domains are
// matched without case, a quoted local part is one local part however many
// "@" it holds, postmaster at a local domain or at the server's own name is
// accepted whatever the other mailboxes are (RFC 5321 §4.5.1), and mail for
// other domains is refused unless the client is one this server relays for.
// VRFY and RCPT both ask it, so they never disagree.
//
// A Directory files "postmaster@" every local domain and the server's name
// under the mailbox that reads the postmaster's mail, as /etc/aliases does;
// only a server with no mailbox at all has none and answers 550.
type Policy struct {
	Dir Directory
	// Domain is the server's own name: the domain a bare name is
	// qualified with, as the server qualifies "RCPT TO:<bob>", and one
	// where postmaster is always a recipient.
	Domain string
	Relay  bool // the client may relay through this server (a PC and its smarthost); never so in the live lab
}

// Recipient decides one RCPT TO for a Backend: the canonical address the
// mail is for, and nil, or the refusal.
func (p Policy) Recipient(addr string) (string, *Reply) {
	a, ok := ParseAddress(addr)
	if !ok || a.Domain == "" {
		r := badRecipient(addr)
		return "", &r
	}
	canon := a.Canonical()
	postmaster := a.Postmaster() && strings.EqualFold(a.Domain, p.Domain)
	var r Reply
	switch {
	case !postmaster && !p.Dir.Local(strings.ToLower(a.Domain)):
		if p.Relay {
			return canon, nil
		}
		r = RelayDenied(addr)
	default:
		switch found := p.Dir.Lookup(canon); {
		case found == Mailbox || found == List || found == Forward || found == Full && a.Postmaster():
			return canon, nil // the postmaster's mail is taken even past a quota
		case found == Full:
			r = MailboxFull(addr)
		default:
			r = UserUnknown(addr)
		}
	}
	return "", &r
}

// Verify answers VRFY with the decision RCPT would take, in the codes RFC
// 5321 §4.3.2 allows VRFY: 250 for a mailbox, 252 for what is accepted
// without being a mailbox that can be checked (a list, an address relayed
// onwards), 550 for a refusal, 553 for a name that is no address.
func (p Policy) Verify(name string) Reply {
	a, ok := ParseAddress(name)
	if !ok {
		return badRecipient(name)
	}
	if a.Domain == "" {
		a.Domain = p.Domain
	}
	addr := a.String()
	canon, refused := p.Recipient(addr)
	if refused != nil {
		r := *refused
		switch r.Situation {
		case "smtp.why.relay-denied":
			r.Code = 550 // 554 is not a VRFY reply
		case "smtp.why.mailbox-full":
			return Verified(a.Canonical()) // it exists; it is only full
		}
		return r
	}
	switch {
	case !p.Dir.Local(strings.ToLower(a.Domain)) && !a.Postmaster():
		return CannotVerify(addr)
	case p.Dir.Lookup(canon) == List:
		return ListNotVerified(canon)
	}
	return Verified(canon)
}

// badRecipient refuses what is not an address.
func badRecipient(path string) Reply {
	return because("path-syntax", 553, "5.1.3", "<"+path+">: Recipient address rejected: bad address syntax")
}
