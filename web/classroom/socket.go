package classroom

import (
	"errors"
	"net/http"

	"github.com/gorilla/websocket"

	"mailsim/class"
	"mailsim/lang"
	"mailsim/web/socket"
	"mailsim/web/view"
)

// readLimit bounds one command from a class page: a view or an answer.
const readLimit = 2 << 10

// command is what a class page sends: show (the instructor's page moved),
// ask (the instructor asks the room about the current view), reveal,
// answer (a student's choice or short answer to poll id) and nick (a
// student's optional nickname, in text).
type command struct {
	Op    string     `json:"op"`
	View  class.View `json:"view"`
	Quiz  string     `json:"quiz"` // ask: a lesson quiz's id; "" asks predict mode's question
	ID    int        `json:"id"`
	Picks []int      `json:"picks"`
	Text  string     `json:"text"`
}

// refusal is the answer to a command the class did not take; the page
// shows its why.
type refusal struct {
	Op  string `json:"op"` // "refused"
	Why string `json:"why"`
}

// GET /ws/class/{code} is a member's socket: the instructor's when the
// request's cookie proves it, a student's otherwise. The class's messages
// go out through the same bounded queue as every socket's, so a slow screen
// is dropped (and reconnects to the current view) and never holds the class.
func (a *Section) socket(w http.ResponseWriter, r *http.Request) {
	l, _ := view.RequestLang(r)
	c, ok := a.reg.Get(r.PathValue("code"))
	if !ok {
		view.Fail(w, r, a.log, http.StatusNotFound, l, tr(l, "class.join"), tr(l, "class.gone"), "")
		return
	}
	role := class.Student
	if teacherOf(r, a.reg) == c {
		role = class.Instructor
	}
	conn, err := socket.Upgrade(w, r, a.log)
	if err != nil {
		return
	}
	defer conn.Close()
	// A class's frames are a few dozen bytes: deflating them would cost
	// the server and every phone more than it saves on the wire.
	conn.WS().EnableWriteCompression(false)
	m := &class.Member{Role: role, Deliver: func(msg *class.Message) bool {
		return conn.SendPrepared(msg.Prepare(prepare).(*websocket.PreparedMessage))
	}}
	leave := c.Join(m)
	defer leave()
	conn.Listen(readLimit)
	for {
		var cmd command
		if err := conn.WS().ReadJSON(&cmd); err != nil {
			return
		}
		if err := a.do(c, m, cmd); err != nil {
			if !conn.Send(refusal{Op: "refused", Why: a.why(err, l)}) {
				return
			}
		}
	}
}

// do carries out one command with the rights of m's role.
func (a *Section) do(c class.Room, m *class.Member, cmd command) error {
	switch cmd.Op {
	case "show":
		return c.Show(m, cmd.View)
	case "ask":
		if m.Role != class.Instructor {
			return class.ErrNotInstructor
		}
		p, err := a.question(c.View(), cmd.Quiz)
		if err != nil {
			return err
		}
		return c.Ask(m, p)
	case "reveal":
		return c.Reveal(m)
	case "answer":
		return c.Answer(m, cmd.ID, cmd.Picks, cmd.Text)
	case "nick":
		return c.Nick(m, cmd.Text)
	}
	return errors.New("unknown command " + cmd.Op)
}

// refusals word the class's errors in the page's language.
var refusals = map[error]string{
	class.ErrNotInstructor: "class.refused",
	errNoQuestion:          "class.none",
	class.ErrNotStudent:    "class.notstudent",
	class.ErrNoPoll:        "class.nopoll",
	class.ErrTooFast:       "class.toofast",
	class.ErrRevealed:      "class.closed",
	class.ErrBadAnswer:     "class.badanswer",
	class.ErrBadNick:       "class.badnick",
}

// why is a refusal in the page's words; an error the class does not name
// (a view the page made up, a command it does not know) gets a plain one.
func (a *Section) why(err error, l lang.Lang) string {
	for e, key := range refusals {
		if errors.Is(err, e) {
			return tr(l, key)
		}
	}
	a.log.Debug("class command refused", "err", err)
	return tr(l, "class.badcmd")
}

// prepare is a class message as the websocket sends it: compressed once,
// whatever the number of screens.
func prepare(b []byte) any {
	m, err := websocket.NewPreparedMessage(websocket.TextMessage, b)
	if err != nil {
		panic("classroom: preparing a text message: " + err.Error()) // only fails for an unknown message type
	}
	return m
}
