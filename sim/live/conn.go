package live

import (
	"sync"

	"mailsim/sim"
	"mailsim/sim/wire"
)

// maxShown caps the text of one event, so that a 10 MB attachment or RETR
// does not sit in every subscriber's queue and a thousand times in the
// history: the first 16 KiB are plenty to watch, and the mailboxes keep the
// whole message.
const maxShown = 16 << 10

// connState is what the lab remembers about one connection between the
// wire's observations. Only the connection's goroutine uses it: the backend
// and the maildrop are called from inside Feed, the observer right after.
type connState struct {
	b       *sim.Builder // the connection's events
	pending []sim.Event  // store and delete events raised while the current line was fed
}

// clientID names a connection's client in events: "client:" and its
// address for a real socket, "console:3" for a session typed in the
// browser, whose address says so already.
func clientID(p wire.Peer) string {
	if p.Remote.Network() == consoleNetwork {
		return p.Remote.String()
	}
	return "client:" + p.Remote.String()
}

// conns maps one port's open connections to their state.
type conns struct {
	proto, agent string  // the protocol and the server's agent ID
	dir          sim.Dir // push for SMTP, pull for POP3 and IMAP

	mu sync.Mutex
	m  map[uint64]*connState
}

func newConns(proto, agent string, dir sim.Dir) *conns {
	return &conns{proto: proto, agent: agent, dir: dir, m: map[uint64]*connState{}}
}

// state returns a new state for a connection with p.
func (t *conns) state(p wire.Peer) *connState {
	return &connState{b: sim.NewBuilder(sim.Peers{Client: clientID(p), Server: t.agent, Proto: t.proto, Dir: t.dir}, maxShown)}
}

// event is a connection's own event: its opening or its end.
func (t *conns) event(c *connState, kind sim.Kind, state, key string) sim.Event {
	return sim.Event{Kind: kind, From: c.b.Client, To: t.agent, Proto: t.proto, Dir: t.dir, State: state, Key: key}
}

func (t *conns) open(p wire.Peer) *connState {
	c := t.state(p)
	t.mu.Lock()
	t.m[p.ID] = c
	t.mu.Unlock()
	return c
}

func (t *conns) get(id uint64) *connState {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.m[id]
}

func (t *conns) close(id uint64) {
	t.mu.Lock()
	delete(t.m, id)
	t.mu.Unlock()
}
