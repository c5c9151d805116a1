package share

import (
	"encoding/json"
	"strings"
	"sync"

	"github.com/nats-io/nats.go"

	"mailsim/class"
)

// standIn is a remote screen as the holder's class counts it: a member
// whose frames go out once for all on the frame subjects, not one by one.
type standIn struct {
	m     *class.Member
	leave func()
}

// Serve makes c, which this instance holds, reachable from the others: it
// answers their requests and publishes its frames, until stop.
func (n *Net) Serve(c *class.Class) (stop func()) {
	var mu sync.Mutex
	screens := map[string]*standIn{}
	c.Mirror(func(to class.Role, m *class.Message) {
		for _, r := range []class.Role{class.Student, class.Instructor} {
			if to == class.Everyone || to == r {
				n.nc.Publish(frameSubject(c.Code(), r), m.Data)
			}
		}
	})
	reply := func(msg *nats.Msg, v any) {
		b, _ := json.Marshal(v)
		msg.Respond(b)
	}
	sub, err := n.nc.Subscribe(subject(c.Code(), "*"), func(msg *nats.Msg) {
		switch msg.Subject[strings.LastIndexByte(msg.Subject, '.')+1:] {
		case "view":
			reply(msg, viewRep{View: c.View()})
		case "owns":
			var q ownsReq
			json.Unmarshal(msg.Data, &q)
			reply(msg, ownsRep{OK: c.Owns(q.Secret)})
		case "hello":
			var h hello
			if err := json.Unmarshal(msg.Data, &h); err != nil || h.Member == "" {
				reply(msg, welcome{Error: "a hello names its screen"})
				return
			}
			reply(msg, welcome{Frames: n.greet(c, &mu, screens, h)})
		case "bye":
			var h hello
			json.Unmarshal(msg.Data, &h)
			mu.Lock()
			s := screens[h.Member]
			delete(screens, h.Member)
			mu.Unlock()
			if s != nil {
				s.leave()
			}
		case "cmd":
			var cmd command
			json.Unmarshal(msg.Data, &cmd)
			mu.Lock()
			s := screens[cmd.Member]
			mu.Unlock()
			if s == nil {
				reply(msg, outcome{Error: "this screen has not joined the class"})
				return
			}
			reply(msg, outcome{Error: errText(apply(c, s.m, cmd))})
		}
	})
	if err != nil {
		c.Mirror(nil)
		return func() {}
	}
	// The subscription reaches the NATS server with the connection's next
	// flush; until then another instance asking for the class would hear
	// nobody. Start returns only once it is there.
	n.nc.FlushTimeout(wait)
	return func() {
		sub.Unsubscribe()
		c.Mirror(nil)
		mu.Lock()
		defer mu.Unlock()
		for name, s := range screens {
			s.leave()
			delete(screens, name)
		}
	}
}

// greet joins a remote screen to c as a stand-in, keeping the frames the
// class gives a newcomer (its view, its open poll), which go back in the
// reply; after that the stand-in's frames are the published ones.
func (n *Net) greet(c *class.Class, mu *sync.Mutex, screens map[string]*standIn, h hello) [][]byte {
	var fmu sync.Mutex
	var first [][]byte
	joining := true
	m := &class.Member{Role: h.Role, Deliver: func(msg *class.Message) bool {
		fmu.Lock()
		defer fmu.Unlock()
		if joining {
			first = append(first, msg.Data)
		}
		return true
	}}
	leave := c.Join(m)
	fmu.Lock()
	joining = false
	fmu.Unlock()
	mu.Lock()
	screens[h.Member] = &standIn{m: m, leave: leave}
	mu.Unlock()
	return first
}

// apply carries out a remote screen's command with its stand-in's rights.
func apply(c *class.Class, m *class.Member, cmd command) error {
	switch cmd.Op {
	case "show":
		return c.Show(m, cmd.View)
	case "ask":
		if cmd.Poll == nil {
			return class.ErrNoPoll
		}
		return c.Ask(m, cmd.Poll.poll())
	case "reveal":
		return c.Reveal(m)
	case "answer":
		return c.Answer(m, cmd.ID, cmd.Picks, cmd.Text)
	case "nick":
		return c.Nick(m, cmd.Text)
	}
	return errUnknown
}
