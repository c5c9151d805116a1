package sim

import (
	"slices"
	"strings"

	"mailsim/sim/smtp"
)

// policy is the recipient policy of the session's server.
func (b backend) policy() smtp.Policy {
	w := b.s.w
	host := w.hostOf(b.s.server)
	return smtp.Policy{Dir: directory{w, host}, Domain: host.Name, Relay: w.relaysFor(host, b.s.client)}
}

// directory is one host's mailboxes as the recipient policy sees them.
type directory struct {
	w *World
	h *Host
}

func (d directory) Local(domain string) bool { return d.w.serves(d.h, domain) }

func (d directory) Lookup(addr string) smtp.Found {
	u := d.w.users[d.mailbox(addr)]
	switch {
	case d.w.forwards[strings.ToLower(addr)] != "" || d.w.moved[strings.ToLower(addr)] != "":
		return smtp.Forward // its mail goes elsewhere: the backend says 251 or 551
	case u == nil || u.Host != d.h.ID:
		return smtp.Nobody
	case u.Quota > 0 && d.w.boxes[strings.ToLower(u.Address)].size() >= u.Quota:
		return smtp.Full
	}
	return smtp.Mailbox
}

// mailbox is the address whose mailbox gets mail for a canonical address:
// itself, but the postmaster's mail goes to the host's first user unless
// one is named postmaster.
func (d directory) mailbox(addr string) string {
	if a, _ := smtp.ParseAddress(addr); !a.Postmaster() || d.w.users[addr] != nil {
		return addr
	}
	for _, u := range d.w.spec.Users {
		if u.Host == d.h.ID {
			return strings.ToLower(u.Address)
		}
	}
	return addr
}

// mailboxes turns accepted recipients into the mailboxes of this host
// they reach ("Bob@B.EXAMPLE" and "postmaster" into the mailboxes' own
// addresses), each mailbox once, as the live lab stores one copy per
// mailbox. Addresses relayed onwards keep the case they were given in,
// because only their own server may decide what it means (RFC 5321 §2.4).
func (b backend) mailboxes(rcpts []string) []string {
	p := b.policy()
	dir := p.Dir.(directory)
	out := make([]string, 0, len(rcpts))
	for _, to := range rcpts {
		if addr, refused := p.Recipient(to); refused == nil && dir.Local(domainOf(addr)) {
			to = dir.mailbox(addr)
			if slices.Contains(out, to) {
				continue
			}
		}
		out = append(out, to)
	}
	return out
}
