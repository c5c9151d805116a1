package share

import (
	"encoding/json"
	"errors"
	"sync"

	"github.com/nats-io/nats.go"

	"mailsim/class"
)

var errUnknown = errors.New("unknown command")

// room is another instance's class, as this instance's screens in it use
// it: frames come from the holder's subjects, commands go to it.
type room struct {
	n    *Net
	code string

	mu     sync.Mutex
	locals map[*class.Member]string // this instance's screens, and their names at the holder
	subs   []*nats.Subscription
}

var _ class.Room = (*room)(nil)

// Find reaches the class with code that another instance holds: a room
// this instance already has screens in, or a new one when the holder
// answers.
func (n *Net) Find(code string) (class.Room, bool) {
	n.mu.Lock()
	r, ok := n.rooms[code]
	n.mu.Unlock()
	if ok {
		return r, true
	}
	var v viewRep
	if err := n.request(code, "view", struct{}{}, &v); err != nil {
		return nil, false
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if r, ok := n.rooms[code]; ok {
		return r, true
	}
	r = &room{n: n, code: code, locals: map[*class.Member]string{}}
	n.rooms[code] = r
	return r, true
}

func (r *room) Code() string { return r.code }

func (r *room) Owns(secret string) bool {
	var rep ownsRep
	return r.n.request(r.code, "owns", ownsReq{Secret: secret}, &rep) == nil && rep.OK
}

func (r *room) View() class.View {
	var v viewRep
	r.n.request(r.code, "view", struct{}{}, &v)
	return v.View
}

// Join adds a screen: the first one subscribes to the holder's frames,
// then the holder greets it with the class's view and poll.
func (r *room) Join(m *class.Member) (leave func()) {
	name := r.n.name()
	r.mu.Lock()
	if len(r.subs) == 0 {
		for _, role := range []class.Role{class.Student, class.Instructor} {
			sub, err := r.n.nc.Subscribe(frameSubject(r.code, role), func(msg *nats.Msg) {
				r.deliver(role, &class.Message{Data: msg.Data})
			})
			if err == nil {
				r.subs = append(r.subs, sub)
			}
		}
	}
	r.mu.Unlock()
	var w welcome
	err := r.n.request(r.code, "hello", hello{Member: name, Role: m.Role}, &w)
	if err == nil && w.Error == "" {
		for _, f := range w.Frames {
			m.Deliver(&class.Message{Data: f})
		}
	}
	r.mu.Lock()
	r.locals[m] = name
	r.mu.Unlock()
	return func() { r.leave(m) }
}

// deliver gives a published frame to this instance's screens of role,
// dropping those too slow for it, as the holder would.
func (r *room) deliver(role class.Role, msg *class.Message) {
	r.mu.Lock()
	var slow []*class.Member
	for m := range r.locals {
		if m.Role == role && !m.Deliver(msg) {
			slow = append(slow, m)
		}
	}
	r.mu.Unlock()
	for _, m := range slow {
		r.leave(m)
	}
}

// leave takes a screen out; the last one ends the subscriptions and the
// room, which a later join finds again.
func (r *room) leave(m *class.Member) {
	r.mu.Lock()
	name, ok := r.locals[m]
	delete(r.locals, m)
	last := len(r.locals) == 0
	var subs []*nats.Subscription
	if last {
		subs, r.subs = r.subs, nil
	}
	r.mu.Unlock()
	if !ok {
		return
	}
	b, _ := json.Marshal(hello{Member: name})
	r.n.nc.Publish(subject(r.code, "bye"), b)
	for _, s := range subs {
		s.Unsubscribe()
	}
	if last {
		r.n.mu.Lock()
		if r.n.rooms[r.code] == r {
			delete(r.n.rooms, r.code)
		}
		r.n.mu.Unlock()
	}
}

// do sends a screen's command to the holder; a student's driving command
// is refused here already, as the holder would.
func (r *room) do(m *class.Member, cmd command) error {
	r.mu.Lock()
	cmd.Member = r.locals[m]
	r.mu.Unlock()
	var out outcome
	if err := r.n.request(r.code, "cmd", cmd, &out); err != nil {
		return err
	}
	return errorOf(out.Error)
}

func (r *room) Show(m *class.Member, v class.View) error {
	if m.Role != class.Instructor {
		return class.ErrNotInstructor
	}
	return r.do(m, command{Op: "show", View: v})
}

func (r *room) Ask(m *class.Member, p class.Poll) error {
	if m.Role != class.Instructor {
		return class.ErrNotInstructor
	}
	return r.do(m, command{Op: "ask", Poll: toWire(p)})
}

func (r *room) Reveal(m *class.Member) error {
	if m.Role != class.Instructor {
		return class.ErrNotInstructor
	}
	return r.do(m, command{Op: "reveal"})
}

func (r *room) Nick(m *class.Member, nick string) error {
	if m.Role != class.Student {
		return class.ErrNotStudent
	}
	return r.do(m, command{Op: "nick", Text: nick})
}

func (r *room) Answer(m *class.Member, id int, picks []int, text string) error {
	return r.do(m, command{Op: "answer", ID: id, Picks: picks, Text: text})
}
