package sim

import (
	"strings"
	"time"
)

// Kind says what happened in one Event. The values are part of the stable
// JSON form that the browser, the CLI transcript and the tests read.
type Kind string

// The kinds of event.
const (
	KindConnect    Kind = "connect"    // a TCP connection opened (From = client, To = server)
	KindDisconnect Kind = "disconnect" // the connection closed
	KindCommand    Kind = "command"    // a client command line arrived at the server
	KindReply      Kind = "reply"      // a server reply arrived at the client
	KindData       Kind = "data"       // the message text of DATA (or a multi-line body), as one block
	KindDNSQuery   Kind = "dns-query"  // a resolver question
	KindDNSAnswer  Kind = "dns-answer" // the answer to it
	KindSubmit     Kind = "submit"     // a user agent handed a message to its MTA client's queue
	KindStore      Kind = "store"      // a message was stored in a mailbox
	KindFetch      Kind = "fetch"      // a user agent read a message from a mailbox
	KindDelete     Kind = "delete"     // a message was removed from a mailbox
	KindState      Kind = "state"      // an agent changed state without a line on the wire
	KindFault      Kind = "fault"      // something failed: a host down, a timeout
	KindNote       Kind = "note"       // narration without a protocol effect
)

// DNSAgent is the agent ID of the world's resolver in DNS events: not an
// agent on any host, but the name service every MTA client asks.
const DNSAgent = "dns"

// Dir is the direction of mail movement that an event belongs to. Push is
// SMTP carrying mail towards the recipient; pull is POP3 or IMAP fetching it
// from the reader's side; local happens inside one system.
type Dir string

// The directions.
const (
	Push  Dir = "push"
	Pull  Dir = "pull"
	Local Dir = "local"
)

// Event is the one record everything a person sees is derived from.
//
// Its JSON form is stable: fields are only ever added. Time is virtual
// milliseconds since the start of the scenario.
type Event struct {
	Seq   int           `json:"seq"`             // 0, 1, 2, ... in delivery order
	Time  time.Duration `json:"-"`               // virtual time
	Ms    int64         `json:"ms"`              // Time in milliseconds, for JSON
	Kind  Kind          `json:"kind"`            // what happened
	From  string        `json:"from,omitempty"`  // agent ID that sent or acted
	To    string        `json:"to,omitempty"`    // agent ID that received
	Proto string        `json:"proto,omitempty"` // "smtp", "pop3", "imap", "dns" or ""
	Dir   Dir           `json:"dir"`             // push, pull or local
	Line  string        `json:"line,omitempty"`  // the raw line(s); several lines are joined with "\r\n"
	Code  int           `json:"code,omitempty"`  // SMTP reply code of a reply
	State string        `json:"state,omitempty"` // the server's protocol state after this event
	Key   string        `json:"key,omitempty"`   // explanation key (see the protocol packages' catalogs)
	Msg   string        `json:"msg,omitempty"`   // ID of the message this event carries or concerns
	Box   string        `json:"box,omitempty"`   // mailbox address for store, fetch and delete
	TLS   bool          `json:"tls,omitempty"`   // the live lab's session was inside TLS: the line is what the server decrypted
	Side  Side          `json:"side,omitempty"`  // which end put Line on the wire; "" for an event with no line on the wire
	Class int           `json:"class,omitempty"` // a reply's class, 2 to 5 (see ReplyClass); 0 for no class
}

// Side is the end of a connection whose line an event carries. Every view
// marks the client's lines "C:" and the server's "S:", as RFC 5321's
// examples do (appendix D): a command, the text of DATA and a DNS question
// are the client's, a reply and a DNS answer the server's. An event that
// is narration (a connection opening, a store, a note) has no side.
type Side string

// The sides.
const (
	SideClient Side = "client"
	SideServer Side = "server"
)

// Mark is the side as transcripts print it: "C:", "S:", or "" for none.
func (s Side) Mark() string {
	switch s {
	case SideClient:
		return "C:"
	case SideServer:
		return "S:"
	}
	return ""
}

// ReplyClass is the class of a reply given its SMTP code (0 for POP3 and
// IMAP) and its line: the first digit of an SMTP code (RFC 5321 §4.2.1:
// 2 positive completion, 3 positive intermediate, 4 transient and 5
// permanent negative), and for POP3 2 for "+OK" and 5 for "-ERR", which
// RFC 1939 §3 makes final either way. Every other line has none (0): a
// POP3 SASL continuation "+ ", and IMAP's responses, whose OK, NO and BAD
// (RFC 3501 §7.1) follow a tag or "*" and map onto no SMTP class; the
// views draw those uncoloured.
func ReplyClass(code int, line string) int {
	switch {
	case code > 0:
		return code / 100
	case strings.HasPrefix(line, "+OK"):
		return 2
	case strings.HasPrefix(line, "-ERR"):
		return 5
	}
	return 0
}
