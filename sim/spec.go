package sim

import (
	"time"

	"mailsim/lang"
	"mailsim/sim/dns"
)

// AgentKind names the role of an agent, as in the lecture's UA/MTA/MAA model.
type AgentKind string

// The agent roles.
const (
	UA        AgentKind = "ua"         // user agent: composes and reads mail
	MTAClient AgentKind = "mta-client" // pushes queued mail with SMTP
	MTAServer AgentKind = "mta-server" // accepts SMTP and stores into mailboxes
	MAAClient AgentKind = "maa-client" // pulls mail with POP3 or IMAP for a UA
	MAAServer AgentKind = "maa-server" // serves mailboxes over POP3 or IMAP
)

// LinkKind says how two hosts are joined.
type LinkKind string

// The link kinds.
const (
	LinkLocal LinkKind = "local"
	LinkLAN   LinkKind = "lan"
	LinkWAN   LinkKind = "wan"
)

// Spec is a whole scenario: the topology and the script of what users do.
// Package scenarios builds it from a file; the world never mutates it.
type Spec struct {
	Name     string    // short identifier, used in URLs
	Order    int       // position in the scenario list (the lecture's number; see FromLecture)
	Title    lang.Text // one line
	About    lang.Text // a paragraph for the scenario list
	Hosts    []Host
	Links    []Link
	Zones    []*dns.Zone // the DNS of the world: MX and A records
	Users    []User
	Forwards []Forward
	Sends    []Send
	Reads    []Read

	// Lang is the language its messages' subjects and bodies are written
	// in; "" for a spec built by hand with no tellings.
	Lang     lang.Lang
	tellings map[lang.Lang]*Spec // the same scenario told in each language, Lang's included
}

// Tell links specs that are one scenario told in different languages, each
// with its Lang set, so that In finds every telling from any of them.
func Tell(specs ...*Spec) {
	all := map[lang.Lang]*Spec{}
	for _, s := range specs {
		all[s.Lang] = s
	}
	for _, s := range specs {
		s.tellings = all
	}
}

// In returns the scenario as told in language l: a Romanian page shows a
// Romanian message. A spec with no telling in l is its own. A copy of a
// spec (the player's composed message rides on one) answers for its own
// language itself.
func (s *Spec) In(l lang.Lang) *Spec {
	if t := s.tellings[l]; t != nil && s.Lang != l {
		return t
	}
	return s
}

// Host is one system: a PC or a mail server.
type Host struct {
	ID     string    // short identifier, used in agent IDs ("a", "b")
	Name   string    // fully qualified name, also the mail domain it serves
	Label  lang.Text // what the topology box says
	Down   bool      // the host does not answer connections
	Agents []Agent
}

// Agent is one program running on a host.
type Agent struct {
	ID    string // unique in the world, e.g. "a.ua"
	Kind  AgentKind
	Label lang.Text
	Relay string // MTA client: host ID of the mail server it hands all mail to (a PC's smarthost); "" sends direct
	Busy  int    // MTA server: how many connections it turns away with 421 before it accepts one
	// Greylist is, for an MTA server, how long it defers with 450 a
	// client, sender and recipient it has not seen together before (as
	// postgrey does); 0 greylists nobody.
	Greylist time.Duration
	// WriteErrors is how many messages an MTA server fails to write to its
	// queue, answering their final dot with 451, before it keeps one.
	WriteErrors int
}

// Link joins two hosts; a message crossing it takes Latency of virtual time.
type Link struct {
	A, B    string // host IDs
	Kind    LinkKind
	Latency time.Duration
}

// User is a person with a mailbox on a host and a user agent somewhere.
type User struct {
	Address  string // full address, the mailbox name
	Name     string // display name for the From header
	Host     string // host ID where the mailbox lives
	UA       string // agent ID of the user agent the user reads and writes with
	Password string
	Quota    int // mailbox size limit in octets; 0 means unlimited
}

// Forward is an address whose mail its domain's server does not keep but
// passes on to another address, elsewhere: the server answers RCPT with 251
// (RFC 5321 §3.4) and relays the message to the new address. A moved
// address is refused instead, with 551 naming the new one, and the
// sender's MTA client bounces the message with that reply.
type Forward struct {
	Address string // the old address, on a domain some host serves; no mailbox
	To      string // where its mail goes now
	Moved   bool   // refuse with 551 and name To, rather than relay to it with 251
}

// Send is a user composing and sending a message at a virtual time.
type Send struct {
	At      time.Duration
	From    string   // user address
	To      []string // recipient addresses
	Subject string
	Body    string // plain text, lines separated by "\n"
	Attach  []Attachment
	Raw     []byte // a whole message composed elsewhere (the MIME composer); replaces Subject, Body and Attach
}

// Attachment is a file sent with a message, as a Base64 MIME part.
type Attachment struct {
	Name string // file name
	Type string // MIME type, e.g. "image/png"
	Data []byte
}

// Read is a user reading their mailbox at a virtual time. A user agent on
// another system than the mailbox pulls it with POP3 through its MAA.
type Read struct {
	At      time.Duration
	User    string // user address
	Via     string // "pop3" (the default) or "imap"
	APOP    bool   // POP3: log in with APOP instead of USER/PASS
	Keep    bool   // leave the messages on the server instead of deleting them
	Partial int    // IMAP: fetch only the header and the first Partial octets of each text
}

// Library is a set of scenarios by name, as the web app reads it:
// *scenarios.Library is the real one, and tests hand in specs of their own.
type Library interface {
	List() []*Spec
	Get(name string) (*Spec, bool)
}

// FromLecture reports whether the scenario is one the lecture itself
// numbers (orders 1 to 9: the four of UA, MTA and MAA); the variants that
// show a refusal, a retry or another protocol are numbered from 10.
func (s *Spec) FromLecture() bool { return s.Order >= 1 && s.Order < 10 }
