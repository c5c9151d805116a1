package live

import (
	"mailsim/sim"
	"mailsim/sim/machine"
	"mailsim/sim/wire"
)

// Agent IDs of the lab's servers in events. The clients are named by their
// address, "client:127.0.0.1:50312", because the lab knows nothing else of
// them, and the browser console's sessions by their number, "console:3".
const (
	SMTPAgent = "lab.mta-server"
	POP3Agent = "lab.maa-server"
	IMAPAgent = "lab.imap-server"
)

// disconnectKeys explains why a connection ended; a session that ended by
// the machine's own close (QUIT) gets the protocol's usual key instead.
var disconnectKeys = map[wire.Reason]string{
	wire.Hangup:   "lab.disconnect.hangup",
	wire.Timeout:  "lab.disconnect.timeout",
	wire.Shutdown: "lab.disconnect.shutdown",
	wire.Refused:  "lab.disconnect.refused",
	wire.Failed:   "lab.disconnect.failed",
}

// record turns one wire observation of a port into events with the one
// event builder (sim.Builder), as the simulated world turns its sessions,
// publishes them and returns them as published, numbered in the lab's one
// sequence. The deliveries and deletions a line caused come after it and
// before the reply that reports them.
func (l *Lab) record(t *conns, o wire.Observation) []sim.Event {
	c := t.get(o.Peer.ID)
	if c == nil { // refused: no session was started
		c = t.state(o.Peer)
	}
	out := machine.Output{Input: o.Input, Key: o.Key, Replies: o.Replies, State: o.State}
	var events []sim.Event
	switch o.What {
	case wire.Connected:
		e := t.event(c, sim.KindConnect, o.State, "lab.connect."+t.proto)
		if o.Peer.Remote.Network() == consoleNetwork {
			e.Key = "lab.connect.console." + t.proto
		}
		events = append([]sim.Event{e}, c.b.Said(out)...)
	case wire.LineFed:
		events = c.b.Fed(o.Line, out, c.pending...)
	case wire.News:
		events = c.b.Said(out)
	case wire.TLSStarted: // the mark after which the session is inside TLS
		e := t.event(c, sim.KindNote, o.State, o.Key)
		e.Line = string(o.Line)
		events = append([]sim.Event{e}, c.b.Said(out)...)
	case wire.Disconnected:
		events = append(append(c.b.Abandoned(o.State), c.pending...), c.b.Said(out)...)
		key := t.proto + ".disconnect"
		if k, ok := disconnectKeys[o.Reason]; ok {
			key = k
		}
		events = append(events, t.event(c, sim.KindDisconnect, o.State, key))
		t.close(o.Peer.ID)
	}
	c.pending = c.pending[:0]
	for i := range events { // a session's own lines, not what they did to the mailboxes
		if events[i].Kind != sim.KindStore && events[i].Kind != sim.KindDelete {
			events[i].TLS = o.TLS
		}
	}
	return l.hub.publish(events...)
}
