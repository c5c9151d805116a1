package live

import (
	"strings"
	"sync"

	"mailsim/sim"
	"mailsim/sim/wire"
)

// maxShown caps the text of one event, so that a 10 MB attachment or RETR
// does not sit in every subscriber's queue and a thousand times in the
// history: the first 16 KiB are plenty to watch, and the mailboxes keep the
// whole message.
const maxShown = 16 << 10

// clipMark stands for the lines an event leaves out.
const clipMark = "[…]"

// connState is what the lab remembers about one connection between the
// wire's observations. Only the connection's goroutine uses it: the backend
// and the maildrop are called from inside Feed, the observer right after.
type connState struct {
	client  string      // the client's agent ID, "client:127.0.0.1:50312"
	text    []byte      // DATA text received so far, lines ending in CRLF, at most maxShown
	lines   int         // DATA text lines received so far
	clipped bool        // text stopped growing at maxShown
	pending []sim.Event // store and delete events raised while the current line was fed
}

// addText keeps one DATA line for the data event shown at the final dot.
func (c *connState) addText(line []byte) {
	c.lines++
	if len(c.text)+len(line)+2 > maxShown {
		c.clipped = true
	}
	if !c.clipped {
		c.text = append(append(c.text, line...), '\r', '\n')
	}
}

// takeText returns the DATA text so far followed by end ("." or nothing),
// and forgets it.
func (c *connState) takeText(end string) string {
	var b strings.Builder
	b.Grow(len(c.text) + len(clipMark) + 2 + len(end))
	b.Write(c.text)
	if c.clipped {
		b.WriteString(clipMark + "\r\n")
	}
	b.WriteString(end)
	c.text, c.lines, c.clipped = c.text[:0], 0, false
	return strings.TrimSuffix(b.String(), "\r\n")
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
	mu sync.Mutex
	m  map[uint64]*connState
}

func (t *conns) open(p wire.Peer) *connState {
	c := &connState{client: clientID(p)}
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

// joinClipped joins reply lines with CRLF as an event's Line, leaving out
// the middle of an answer longer than maxShown but keeping its last line,
// the "." that ends a POP3 listing or message.
func joinClipped(lines []string) string {
	n := 0
	for i, l := range lines {
		n += len(l) + 2
		if n > maxShown && i < len(lines)-1 {
			kept := append(append(lines[:i:i], clipMark), lines[len(lines)-1])
			return strings.Join(kept, "\r\n")
		}
	}
	return strings.Join(lines, "\r\n")
}
