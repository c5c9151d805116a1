package smtp

import (
	"fmt"
	"strings"
)

// stored is one message a test backend accepted.
type stored struct {
	env  Envelope
	data string
}

// String quotes the envelope and the text, so that a failure shows every
// CR and LF.
func (s stored) String() string { return fmt.Sprintf("{%q %q %q}", s.env.From, s.env.To, s.data) }

// testBackend is an in-memory world: every address is a mailbox except
// those listed in verdicts, which get the reply given there.
type testBackend struct {
	verdicts map[string]Reply
	deliver  *Reply // reply to the final dot instead of queuing, when set
	msgs     []stored
}

func newBackend() *testBackend {
	return &testBackend{verdicts: map[string]Reply{
		"nobody@matrix":  UserUnknown("nobody@matrix"),
		"forward@matrix": WillForward("forward@elcom.pub.ro"),
		"moved@matrix":   reply(551, "5.1.6", "User not local; please try <moved@elcom.pub.ro>"),
		"busy@matrix":    reply(450, "4.2.1", "<busy@matrix>: Mailbox busy, try again later"),
		"broken@matrix":  reply(451, "4.3.0", "<broken@matrix>: Temporary lookup failure"),
		"full@matrix":    StorageFull(),
		"grey@matrix":    Greylisted("grey@matrix", 300),
		"known@matrix":   GreylistPassed(),
		"gone@matrix":    UserMoved("gone@elcom.pub.ro"),
	}}
}

func (b *testBackend) Recipient(addr string) *Reply {
	if r, ok := b.verdicts[strings.ToLower(addr)]; ok {
		return &r
	}
	return nil
}

func (b *testBackend) Deliver(env Envelope, data []byte) Reply {
	if b.deliver != nil {
		return *b.deliver
	}
	b.msgs = append(b.msgs, stored{env: env, data: string(data)})
	return Queued(fmt.Sprintf("%X", 0xDF94192146+len(b.msgs)-1))
}

// listBackend adds VRFY and EXPN answers to testBackend.
type listBackend struct {
	*testBackend
}

func (b listBackend) Verify(name string) Reply {
	switch strings.ToLower(name) {
	case "asil", "asil@matrix":
		return reply(250, "2.0.0", "Asil Student <asil@matrix>")
	case "ana":
		return Reply{Code: 553, Enhanced: "5.1.4", Lines: []string{"Ambiguous; Possibilities are", "Ana Pop <ana.pop@matrix>", "Ana Ionescu <ana.ionescu@matrix>"}}
	case "forward@matrix":
		return WillForward("forward@elcom.pub.ro")
	case "moved@matrix":
		return reply(551, "5.1.6", "User not local; please try <moved@elcom.pub.ro>")
	}
	return reply(550, "5.1.1", "<"+name+">: User unknown")
}

func (b listBackend) Expand(list string) ([]string, *Reply) {
	switch strings.ToLower(list) {
	case "studenti":
		return []string{"Asil Student <asil@matrix>", "ms@elcom.pub.ro"}, nil
	case "secret":
		r := reply(550, "5.7.1", "Access denied to you")
		return nil, &r
	}
	return nil, nil
}

// session greets a fresh server and feeds it lines, returning everything it
// said as wire lines and the server for further checks.
func session(cfg Config, lines ...string) ([]string, *Server) {
	s := NewServer(cfg)
	out := wire(s.Greet())
	for _, l := range lines {
		out = append(out, wire(s.Feed([]byte(l)))...)
	}
	return out, s
}

func wire(o Output) []string {
	var lines []string
	for _, r := range o.Replies {
		lines = append(lines, r.Wire()...)
	}
	return lines
}

// converse runs client and server machines against each other in memory
// until the client is done or the server closes, passing every line. Like a
// real adapter it reads lines into one reused buffer, which is safe because
// the server keeps nothing of a line it was fed.
func converse(c *Client, s *Server) {
	var buf []byte
	pending := append(make([]Reply, 0, 16), s.Greet().Replies...)
	for i := 0; i < len(pending); i++ {
		for _, w := range pending[i].Wire() {
			co := c.Feed(w)
			for _, l := range co.Lines {
				buf = append(buf[:0], l...)
				o := s.Feed(buf)
				pending = append(pending, o.Replies...)
			}
			if co.Done {
				return
			}
		}
	}
}
