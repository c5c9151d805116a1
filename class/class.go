// Package class is a classroom: an instructor drives, students follow.
// A class has a join code students type, a secret only the instructor's
// browser holds, the view everyone follows (a scenario at a step, a
// lesson's slide, a Base64 group), the students connected, and at most
// one poll at a time. It knows nothing of HTTP or websockets: a member is
// whatever delivers its messages, so the web section, a load test and a
// bridge to other instances (NATS) all drive the same rules.
package class

import (
	"encoding/json"
	"errors"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// View is what the class looks at: a page (a scenario's player, a lesson,
// the Base64 lab), a position in it (the scenario's step, the lesson's
// slide, the trace's group) and, for the lab, its input.
type View struct {
	Path  string `json:"path"`
	Step  int    `json:"step"`
	Input string `json:"input,omitempty"`
}

// maxView bounds what an instructor's page may say it shows.
const maxPath, maxInput = 200, 200

func (v View) check() error {
	switch {
	case len(v.Path) == 0 || v.Path[0] != '/' || len(v.Path) > maxPath:
		return errors.New("a view's path is a page of the app")
	case v.Step < 0 || v.Step > 1<<20:
		return errors.New("a view's step is a small number")
	case len(v.Input) > maxInput:
		return errors.New("a view's input is at most 200 bytes")
	}
	return nil
}

// Role is who a member is.
type Role int

const (
	Student Role = iota
	Instructor
	Everyone Role = -1 // a frame for all the class's screens
)

// Message is one frame for the members, encoded once however many get it;
// Prepare keeps one transport form of it too (a websocket's prepared,
// compressed message), made by the first member that needs it.
type Message struct {
	Data []byte
	once sync.Once
	prep any
}

// Prepare is the message in the transport's form, made once with f.
func (m *Message) Prepare(f func([]byte) any) any {
	m.once.Do(func() { m.prep = f(m.Data) })
	return m.prep
}

func encode(v any) *Message {
	b, err := json.Marshal(v)
	if err != nil {
		panic("class: encoding a frame: " + err.Error()) // every frame is a fixed struct
	}
	return &Message{Data: b}
}

// Member is one connected screen. Deliver queues a message without waiting
// and says false when the member is too slow; the class then drops it, and
// it resyncs by joining again. The class never waits for a member.
type Member struct {
	Role    Role
	Deliver func(*Message) bool
	answers *rate.Limiter
	nick    string // a student's optional nickname (nick.go)
}

// answerRate is how often a student may answer: enough to change one's
// mind, too few to flood the chart.
var answerRate, answerBurst = rate.Every(200 * time.Millisecond), 5

// Class is one running class, held by this instance.
type Class struct {
	code   string
	secret string
	// mirror, when set, gets every broadcast once, with the role it went
	// to (Everyone for all): how another instance's screens get them too.
	mirror func(to Role, m *Message)

	mu       sync.Mutex
	view     View
	members  map[*Member]struct{}
	students int
	poll     *Poll
	nextPoll int
	// alone is when the last instructor screen left, zero while one is
	// connected: a class expires after Expiry of that.
	alone time.Time
	now   func() time.Time
	// refreshed is when the instructor's screens last got the count and
	// tally; refreshDue, that a refresh waits for RefreshEvery to pass.
	refreshed  time.Time
	refreshDue bool
}

// Errors a command can meet.
var (
	ErrNotInstructor = errors.New("only the instructor drives the class")
	ErrNoPoll        = errors.New("no question is open")
	ErrTooFast       = errors.New("too many answers; wait a moment")
)

// Code is the class's join code.
func (c *Class) Code() string { return c.code }

// Owns is whether secret is the instructor's.
func (c *Class) Owns(secret string) bool { return same(secret, c.secret) }

// Mirror has f receive every broadcast, once, with the role it went to:
// the screens another instance holds get the class's frames through it.
func (c *Class) Mirror(f func(to Role, m *Message)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.mirror = f
}

// Join adds a member and sends it where the class is: the view, and the
// open poll or the last revealed one. The instructor's screens also get the
// count. leave takes it out again.
func (c *Class) Join(m *Member) (leave func()) {
	m.answers = rate.NewLimiter(answerRate, answerBurst)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.members[m] = struct{}{}
	if m.Role == Student {
		c.students++
	} else {
		c.alone = time.Time{}
	}
	c.deliver(m, encode(viewFrame{Op: "view", View: c.view}))
	if c.poll != nil {
		c.deliver(m, c.poll.frame(m.Role))
	}
	if m.Role == Instructor {
		c.deliver(m, c.countFrame())
	}
	c.refresh()
	return func() { c.leave(m) }
}

func (c *Class) leave(m *Member) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.drop(m)
}

// drop takes m out, under mu; dropping twice is harmless.
func (c *Class) drop(m *Member) {
	if _, ok := c.members[m]; !ok {
		return
	}
	delete(c.members, m)
	if m.Role == Student {
		c.students--
		if c.poll != nil {
			c.poll.forget(m)
		}
	} else if !c.instructed() {
		c.alone = c.now()
	}
	c.refresh()
}

func (c *Class) instructed() bool {
	for m := range c.members {
		if m.Role == Instructor {
			return true
		}
	}
	return false
}

// deliver gives m the message, dropping m if it is too slow; under mu.
func (c *Class) deliver(m *Member, msg *Message) {
	if !m.Deliver(msg) {
		c.drop(m)
	}
}

// broadcast sends msg to the members of role who (Everyone: all); under mu.
func (c *Class) broadcast(who Role, msg *Message) {
	for m := range c.members {
		if who == Everyone || m.Role == who {
			c.deliver(m, msg)
		}
	}
	if c.mirror != nil {
		c.mirror(who, msg)
	}
}

// RefreshEvery is how often, at most, the instructor's screens are told
// the count and the tally. A room joins and answers in bursts: 1,000
// students joining within a second would otherwise send each instructor
// screen 1,000 frames, more than its queue holds, and drop it.
var RefreshEvery = 250 * time.Millisecond

// refresh tells the instructor's screens the count and an open poll's
// tally: at once if the last time was RefreshEvery ago, else once when it
// will be, with what they are then; under mu.
func (c *Class) refresh() {
	if c.refreshDue {
		return
	}
	wait := RefreshEvery - time.Since(c.refreshed)
	if wait <= 0 {
		c.sendRefresh()
		return
	}
	c.refreshDue = true
	time.AfterFunc(wait, func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.refreshDue = false
		c.sendRefresh()
	})
}

func (c *Class) sendRefresh() {
	c.refreshed = time.Now()
	c.broadcast(Instructor, c.countFrame())
	if c.poll != nil && !c.poll.revealed {
		c.broadcast(Instructor, c.poll.frame(Instructor))
	}
}

// countFrame says how many students follow and how many answered; under mu.
func (c *Class) countFrame() *Message {
	f := countFrame{Op: "count", Students: c.students, Nicks: c.nicks()}
	if c.poll != nil {
		f.Answered = len(c.poll.answers)
	}
	return encode(f)
}

// Show moves everyone to v: the instructor's command.
func (c *Class) Show(m *Member, v View) error {
	if m.Role != Instructor {
		return ErrNotInstructor
	}
	if err := v.check(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.view = v
	c.broadcast(Everyone, encode(viewFrame{Op: "view", View: v}))
	return nil
}

// View is where the class is.
func (c *Class) View() View {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.view
}

// Students is how many students are connected.
func (c *Class) Students() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.students
}

type viewFrame struct {
	Op   string `json:"op"`
	View View   `json:"view"`
}

type countFrame struct {
	Op       string   `json:"op"`
	Students int      `json:"students"`
	Answered int      `json:"answered"`
	Nicks    []string `json:"nicks,omitempty"` // the students who gave one, for the instructor's list
}
