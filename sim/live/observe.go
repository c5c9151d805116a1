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

// observer turns one port's wire observations into events: SMTP pushes,
// POP3 pulls. A message's text lines are gathered into one data event at the
// final dot, as the simulated world shows DATA; the deliveries and deletions
// a line caused come after it and before the reply that reports them.
func (l *Lab) observer(proto, agent string, dir sim.Dir, t *conns) wire.Observer {
	return func(o wire.Observation) {
		c := t.get(o.Peer.ID)
		if c == nil { // refused: no session was started
			c = &connState{client: clientID(o.Peer)}
		}
		base := sim.Event{Proto: proto, Dir: dir, State: o.State, TLS: o.TLS}
		up := base
		up.From, up.To = c.client, agent
		var buf [8]sim.Event // room for a line's events without allocating
		events := buf[:0]
		switch o.What {
		case wire.Connected:
			up.Kind, up.Key = sim.KindConnect, "lab.connect."+proto
			if o.Peer.Remote.Network() == consoleNetwork {
				up.Key = "lab.connect.console." + proto
			}
			events = append(events, up)
		case wire.LineFed:
			switch o.Input {
			case machine.Text:
				c.addText(o.Line)
				return
			case machine.TextEnd:
				up.Kind, up.Line, up.Key = sim.KindData, c.takeText("."), "smtp.cmd.DATA-LINE"
			case machine.Literal: // an IMAP literal's octets, as they came
				up.Kind, up.Line, up.Key = sim.KindData, string(o.Line[:min(len(o.Line), maxShown)]), o.Key
			default:
				up.Kind, up.Line, up.Key = sim.KindCommand, string(o.Line), o.Key
			}
			events = append(events, up)
		case wire.TLSStarted: // the mark after which the session is inside TLS
			up.Kind, up.Line, up.Key = sim.KindNote, string(o.Line), o.Key
			events = append(events, up)
		case wire.Disconnected:
			if c.lines > 0 {
				up.Kind, up.Line, up.Key = sim.KindData, c.takeText(""), "lab.data.abandoned"
				events = append(events, up)
			}
			t.close(o.Peer.ID)
		}
		events = append(events, c.pending...)
		c.pending = c.pending[:0]
		for _, r := range o.Replies {
			down := base
			down.Kind, down.From, down.To = sim.KindReply, agent, c.client
			down.Line, down.Code, down.Key = joinClipped(r.Lines), r.Code, r.Key
			events = append(events, down)
		}
		if o.What == wire.Disconnected {
			up.Kind, up.Line, up.Key = sim.KindDisconnect, "", proto+".disconnect"
			if k, ok := disconnectKeys[o.Reason]; ok {
				up.Key = k
			}
			events = append(events, up)
		}
		l.hub.publish(events...)
	}
}
