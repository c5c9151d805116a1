package live

import (
	"bytes"
	"fmt"
	"mime"
	"net"
	"strings"

	"mailsim/sim"
	"mailsim/sim/smtp"
	"mailsim/sim/wire"
)

// backend answers one SMTP connection's questions from the lab's store, and
// notes each delivery so that it is shown right after the line that caused
// it. It implements smtp.Backend, smtp.Verifier and smtp.Expander.
type backend struct {
	l    *Lab
	c    *connState
	peer string // the client as a Received header names it, "[127.0.0.1]"
}

func newBackend(l *Lab, c *connState, p wire.Peer) backend {
	peer := p.Remote.String()
	if p.Remote.Network() == consoleNetwork { // "from console:3": no address to bracket
		return backend{l: l, c: c, peer: peer}
	}
	if host, _, err := net.SplitHostPort(peer); err == nil {
		peer = host
	}
	return backend{l: l, c: c, peer: "[" + peer + "]"}
}

// policy is the one recipient policy, over the lab's accounts. The lab
// relays for nobody, because mail must never leave it.
func (b backend) policy() smtp.Policy {
	return smtp.Policy{Dir: directory{b.l}, Domain: b.l.cfg.Hostname}
}

// Recipient accepts the lab's users and lists, and the postmaster.
func (b backend) Recipient(addr string) *smtp.Reply {
	_, refused := b.policy().Recipient(addr)
	return refused
}

// Deliver stores the message in every mailbox its recipients reach. Each
// copy gets the Return-Path of final delivery (RFC 5321 §4.4) and a Received
// line naming the client as it greeted and by its address in parentheses,
// "from pc.example.org ([127.0.0.1])", with no reverse lookup in the lab;
// a client that never greeted is named by its address alone.
func (b backend) Deliver(env smtp.Envelope, data []byte) smtp.Reply {
	date := b.l.cfg.Now().Format("Mon, 02 Jan 2006 15:04:05 -0700")
	from := b.peer
	if env.Helo != "" {
		from = env.Helo + " (" + b.peer + ")"
	}
	head := func(id, rcpt string) string {
		return fmt.Sprintf("Return-Path: <%s>\r\nReceived: from %s by %s (mailsim lab) with %s id %s\r\n\tfor <%s>; %s\r\n",
			env.From, from, b.l.cfg.Hostname, env.With(), id, rcpt, date)
	}
	p := b.policy()
	rcpts := make([]string, 0, len(env.To))
	for _, to := range env.To {
		addr, _ := p.Recipient(to)
		rcpts = append(rcpts, directory{b.l}.mailbox(addr))
	}
	id, boxes, ok := b.l.store.deliver(env.From, rcpts, subject(data), data, head)
	if !ok {
		return smtp.StorageFull()
	}
	for _, box := range boxes {
		b.c.pending = append(b.c.pending, sim.Stored(SMTPAgent, box, id, "sim.store"))
	}
	return smtp.Queued(id)
}

// Verify answers VRFY with what RCPT would do, in the codes VRFY may use.
func (b backend) Verify(name string) smtp.Reply { return b.policy().Verify(name) }

// directory is the lab's accounts as the recipient policy sees them.
type directory struct{ l *Lab }

func (d directory) Local(domain string) bool { return d.l.store.domains[domain] }

func (d directory) Lookup(addr string) smtp.Found {
	switch d.l.store.kindOf(d.mailbox(addr)) {
	case user:
		return smtp.Mailbox
	case list:
		return smtp.List
	}
	return smtp.Nobody
}

// mailbox is where mail for a canonical address goes: the address itself,
// but the postmaster's mail goes to the lab's first user unless an account
// is named postmaster, as /etc/aliases sends it to root.
func (d directory) mailbox(addr string) string {
	a, _ := smtp.ParseAddress(addr)
	if k := d.l.store.kindOf(addr); !a.Postmaster() || k == user || k == list {
		return addr
	}
	for _, acct := range d.l.accounts {
		if !acct.IsList() {
			return acct.Address
		}
	}
	return addr
}

// Expand lists a list's members; for anything else the server says that
// it is not a mailing list.
func (b backend) Expand(name string) ([]string, *smtp.Reply) {
	return b.l.store.members(b.l.store.resolve(name)), nil
}

// subject is the decoded Subject header of a message, for mailbox lists;
// "" when it has none. It scans the header only, line by line, because it
// runs on every delivery and a full parse would cost more than the delivery.
func subject(data []byte) string {
	var value []byte
	found := false
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimSuffix(line, []byte{'\r'})
		switch {
		case len(line) == 0: // the end of the header
			data = nil
		case line[0] == ' ' || line[0] == '\t': // a folded continuation
			if found {
				value = append(value, line...)
			}
		case found:
			data = nil
		case len(line) > 8 && bytes.EqualFold(line[:8], []byte("subject:")):
			found = true
			value = append(value, line[8:]...)
		}
	}
	s := strings.TrimSpace(string(value))
	if d, err := new(mime.WordDecoder).DecodeHeader(s); err == nil {
		return d
	}
	return s
}
