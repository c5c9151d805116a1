package sim

import (
	"strings"

	"mailsim/sim/machine"
)

// The explanation keys the builder gives what no machine names: the text of
// DATA as one block, and a block a client left unfinished.
const (
	KeyData      = "sim.data"
	KeyAbandoned = "sim.data.abandoned"
)

// ClipMark stands for the lines an event leaves out when a Builder clips.
const ClipMark = "[…]"

// Peers names one protocol session in events: its client and server agents,
// protocol and direction, and what every event of it concerns.
type Peers struct {
	Client, Server string // agent IDs
	Proto          string // "smtp", "pop3" or "imap"
	Dir            Dir    // push for SMTP, pull for POP3 and IMAP
	Msg, Box       string // the message or mailbox the whole session is about, if any
}

// Builder is the one event builder: it turns what a server machine
// answered (machine.Output) into events, the same wherever the session
// runs, in a scenario, behind a real port or in the browser console. So a
// command, the text of DATA and a reply get the same kind, key, direction
// and state in every view. One Builder serves one session, because SMTP's
// text lines are gathered into one data event at the final dot.
type Builder struct {
	Peers
	// Clip caps the octets of an event's Line, 0 for no cap: the live lab
	// keeps what a 10 MB message looks like, not the whole of it; the
	// mailbox keeps the message.
	Clip int

	text    []byte // SMTP text received so far, lines ending in CRLF
	lines   int    // text lines received so far
	clipped bool   // text stopped growing at Clip
}

// NewBuilder returns the builder of one session between p; clip as Builder.Clip.
func NewBuilder(p Peers, clip int) *Builder { return &Builder{Peers: p, Clip: clip} }

// event fills in what every event of the session shares, and its side:
// the builder makes only the session's lines, the client's input and the
// server's replies.
func (b *Builder) event(kind Kind, side Side, state string) Event {
	from, to := b.Client, b.Server
	if side == SideServer {
		from, to = b.Server, b.Client
	}
	return Event{Kind: kind, From: from, To: to, Proto: b.Proto, Dir: b.Dir, Msg: b.Msg, Box: b.Box, State: state, Side: side}
}

// Fed returns the events of one input fed to the machine and its answer
// out: the input (a command, or a data event for the text of DATA at its
// final dot and for IMAP literal octets), then caused, what the input did
// to the mailboxes (stores, deletions), then the replies. An SMTP text line
// before the dot shows nothing yet but what it caused. The slice returned
// is new, the caller's to keep or change.
func (b *Builder) Fed(in []byte, out machine.Output, caused ...Event) []Event {
	var e Event
	switch out.Input {
	case machine.Text:
		b.addText(in)
		return append([]Event(nil), caused...)
	case machine.TextEnd:
		e = b.event(KindData, SideClient, out.State)
		e.Line, e.Key = b.takeText("."), KeyData
	case machine.Literal:
		e = b.event(KindData, SideClient, out.State)
		e.Line, e.Key = string(in[:b.clipAt(len(in))]), out.Key
	default:
		e = b.event(KindCommand, SideClient, out.State)
		e.Line, e.Key = string(in), out.Key
	}
	events := make([]Event, 0, 1+len(caused)+len(out.Replies))
	events = append(append(events, e), caused...)
	return b.replies(events, out)
}

// Said returns the events of an answer to no input: a greeting, the last
// words of a timeout or a shutdown, IDLE news.
func (b *Builder) Said(out machine.Output) []Event { return b.replies(nil, out) }

// Abandoned returns the data event of SMTP text that a client left
// unfinished, when its connection ends before the dot; nil if there is none.
func (b *Builder) Abandoned(state string) []Event {
	if b.lines == 0 {
		return nil
	}
	e := b.event(KindData, SideClient, state)
	e.Line, e.Key = b.takeText(""), KeyAbandoned
	return []Event{e}
}

// replies appends one reply event per reply in out.
func (b *Builder) replies(events []Event, out machine.Output) []Event {
	for _, r := range out.Replies {
		e := b.event(KindReply, SideServer, out.State)
		e.Line, e.Code, e.Key = b.join(r.Lines), r.Code, r.Key
		e.Class = ReplyClass(r.Code, e.Line)
		events = append(events, e)
	}
	return events
}

// clipAt is how much of n octets an event shows.
func (b *Builder) clipAt(n int) int {
	if b.Clip > 0 && n > b.Clip {
		return b.Clip
	}
	return n
}

// addText keeps one text line for the data event shown at the final dot.
func (b *Builder) addText(line []byte) {
	b.lines++
	if b.Clip > 0 && len(b.text)+len(line)+2 > b.Clip {
		b.clipped = true
	}
	if !b.clipped {
		b.text = append(append(b.text, line...), '\r', '\n')
	}
}

// takeText returns the text so far followed by end ("." or nothing), and
// forgets it.
func (b *Builder) takeText(end string) string {
	var s strings.Builder
	s.Grow(len(b.text) + len(ClipMark) + 2 + len(end))
	s.Write(b.text)
	if b.clipped {
		s.WriteString(ClipMark + "\r\n")
	}
	s.WriteString(end)
	b.text, b.lines, b.clipped = b.text[:0], 0, false
	return strings.TrimSuffix(s.String(), "\r\n")
}

// join joins reply lines with CRLF as an event's Line, leaving out the
// middle of an answer longer than Clip but keeping its last line, the "."
// that ends a POP3 listing or the tagged end of an IMAP FETCH.
func (b *Builder) join(lines []string) string {
	if b.Clip > 0 {
		n := 0
		for i, l := range lines {
			n += len(l) + 2
			if n > b.Clip && i < len(lines)-1 {
				return strings.Join(append(append(lines[:i:i], ClipMark), lines[len(lines)-1]), "\r\n")
			}
		}
	}
	return strings.Join(lines, "\r\n")
}

// Stored is the event of agent writing message msg into the mailbox of
// box; key says which agent wrote it and why ("sim.store"). A store
// happens inside one system, so it is local, whatever protocol brought the
// message.
func Stored(agent, box, msg, key string) Event {
	return Event{Kind: KindStore, From: agent, Dir: Local, Msg: msg, Box: box, Key: key}
}

// Deleted is the event of a server removing message msg from the mailbox
// of box for good: POP3's UPDATE after QUIT, or IMAP's EXPUNGE.
func Deleted(proto, server, box, msg string) Event {
	key := "sim.delete"
	if proto == "imap" {
		key = "sim.delete.imap"
	}
	return Event{Kind: KindDelete, From: server, Proto: proto, Dir: Pull, Msg: msg, Box: box, Key: key}
}
