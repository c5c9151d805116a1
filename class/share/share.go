// Package share shares classes between the instances of mailsim behind
// one load balancer, over NATS: the instructor on one instance, students
// on others. The instance that started a class holds it (a class.Class,
// whose rules are the only ones); the others reach it as a class.Room,
// whose screens get the holder's frames from a NATS subject and whose
// commands go to the holder as requests. The holder counts a remote screen
// as a stand-in member, so that counts, answers once each and rate limits
// are the holder's, wherever the screen is.
//
// Subjects, for the class with code C:
//
//	mailsim.class.C.view   request: the class's view (also: is C held anywhere?)
//	mailsim.class.C.owns   request: is this the instructor's secret?
//	mailsim.class.C.hello  request: a remote screen joins; the reply is its first frames
//	mailsim.class.C.bye    a remote screen left
//	mailsim.class.C.cmd    request: a remote screen's command; the reply is its error, if any
//	mailsim.class.C.frame.0, .frame.1   the holder's frames for students, for instructors
package share

import (
	"encoding/json"
	"errors"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"

	"mailsim/class"
)

// wait bounds a request to the class's holder: the instances share a
// network, so an answer is quick or the holder is gone.
const wait = 2 * time.Second

// Net is one instance's share of the classes: it serves those it holds and
// reaches the others'.
type Net struct {
	nc *nats.Conn
	id string // this instance, which prefixes its screens' names

	mu    sync.Mutex
	rooms map[string]*room // the other instances' classes this one has screens in
	seq   atomic.Int64
}

// New shares classes over nc.
func New(nc *nats.Conn) *Net {
	return &Net{nc: nc, id: nats.NewInbox()[len(nats.InboxPrefix):], rooms: map[string]*room{}}
}

var _ class.Net = (*Net)(nil)

func subject(code, what string) string { return "mailsim.class." + code + "." + what }

// frameSubject is where the holder publishes the frames for role's screens.
func frameSubject(code string, role class.Role) string {
	return subject(code, "frame."+strconv.Itoa(int(role)))
}

// The requests' and replies' bodies.
type (
	hello struct {
		Member string     `json:"member"`
		Role   class.Role `json:"role"`
	}
	welcome struct {
		Frames [][]byte `json:"frames"`
		Error  string   `json:"error,omitempty"`
	}
	command struct {
		Member string     `json:"member"`
		Op     string     `json:"op"`
		View   class.View `json:"view"`
		Poll   *wirePoll  `json:"poll,omitempty"`
		ID     int        `json:"id"`
		Picks  []int      `json:"picks"`
		Text   string     `json:"text"`
	}
	outcome struct {
		Error string `json:"error,omitempty"`
	}
	ownsReq struct {
		Secret string `json:"secret"`
	}
	ownsRep struct {
		OK bool `json:"ok"`
	}
	viewRep struct {
		View class.View `json:"view"`
	}
)

// wirePoll is a poll as the holder needs it, the right answer included:
// class.Poll keeps that out of its JSON, which goes to students.
type wirePoll struct {
	Kind     string
	Question class.Text
	Options  []class.Text
	Right    []int
	Answer   string
	Exact    bool
	Why      class.Text
}

func toWire(p class.Poll) *wirePoll {
	return &wirePoll{p.Kind, p.Question, p.Options, p.Right, p.Answer, p.Exact, p.Why}
}

func (w *wirePoll) poll() class.Poll {
	return class.Poll{Kind: w.Kind, Question: w.Question, Options: w.Options, Right: w.Right, Answer: w.Answer, Exact: w.Exact, Why: w.Why}
}

// known are the class's errors, which cross the network as their text and
// are made the same errors again, so that the pages word them alike.
var known = []error{class.ErrNotInstructor, class.ErrNotStudent, class.ErrNoPoll, class.ErrTooFast, class.ErrRevealed, class.ErrBadAnswer, class.ErrBadNick}

func errorOf(text string) error {
	if text == "" {
		return nil
	}
	for _, e := range known {
		if e.Error() == text {
			return e
		}
	}
	return errors.New(text)
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// request asks the class's holder and decodes its reply into out.
func (n *Net) request(code, what string, body, out any) error {
	b, err := json.Marshal(body)
	if err != nil {
		return err
	}
	msg, err := n.nc.Request(subject(code, what), b, wait)
	if err != nil {
		return err
	}
	return json.Unmarshal(msg.Data, out)
}

// name is a new name for one of this instance's screens.
func (n *Net) name() string { return n.id + "/" + strconv.FormatInt(n.seq.Add(1), 10) }
