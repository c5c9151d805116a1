package console

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gorilla/websocket"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/sim/imap"
	"mailsim/sim/live"
	protocol "mailsim/sim/machine"
	"mailsim/web/socket"
	"mailsim/web/view"
)

// The websocket at /ws/console/{proto} ("smtp", "pop3" or "imap") is one session
// with the live lab's server, typed in the browser: opening the socket
// connects, as telnet does, and closing it hangs up.
//
// The browser sends one typed line per message, {"line":"mail from: ms@elcom.pub.ro"};
// a line holding newlines is fed as several lines, as a terminal sends a
// paste. The server answers the greeting and every line with
//
//	{"events":[...],"machine":{...},"hint":"...","mailboxes":[...],"closed":false}
//
// events are the line as the server received it (kind "command", or "data"
// for a line of message text or IMAP literal octets) and the replies to it, as sim.Event JSON with
// "text", their explanation in the page's language; machine is the state
// diagram's state (see machine.go); hint says what the server accepts now;
// mailboxes are the first page of summaries of each of the lab's mailboxes
// (live.Page), since a line may have delivered or deleted mail.
// After the frame with "closed" true the server closes the socket.
const (
	// consoleReadLimit is well above the longest line a machine accepts
	// (1000 octets of SMTP text), so that an overlong line reaches the
	// machine and gets its own error instead of a closed socket.
	consoleReadLimit = 16 << 10
	// consoleMaxLine is how much of a line the page's input takes.
	consoleMaxLine = 4000
)

// typedLine is one message from a console page.
type typedLine struct {
	Line string `json:"line"`
}

// consoleFrame is the answer to one typed line, or the greeting.
type consoleFrame struct {
	Events    []view.FrameEvent `json:"events"`
	Machine   view.MachineState `json:"machine"`
	Hint      string            `json:"hint"`
	Mailboxes []live.Page       `json:"mailboxes"`
	Closed    bool              `json:"closed"`
}

// consoleSocket connects a page to a new console session of the lab.
func (a *Section) consoleSocket(w http.ResponseWriter, r *http.Request) {
	l, _ := view.RequestLang(r)
	if a.live == nil {
		http.Error(w, tr(l, "lab.off.text"), http.StatusServiceUnavailable)
		return
	}
	proto := r.PathValue("proto")
	if _, ok := consoleProtos[proto]; !ok {
		view.NotFound(w, r, a.log)
		return
	}
	conn, err := socket.Upgrade(w, r, a.log)
	if err != nil {
		return
	}
	s, err := a.live.Console(proto)
	if err != nil {
		msg := tr(l, "console.failed")
		if errors.Is(err, live.ErrConsoleBusy) {
			msg = tr(l, "console.busy")
		}
		conn.Refuse(websocket.CloseTryAgainLater, msg)
		return
	}
	defer s.Close()
	t := &terminal{s: s, live: a.live, l: l}
	before := s.State()
	if !conn.Send(t.frame(nil, s.Greet(), before)) {
		conn.Close()
		return
	}
	readLines(conn, s.Idle(), func(line string, timedOut bool) (any, bool) {
		before := s.State()
		if timedOut {
			return t.frame(nil, s.Timeout(), before), true
		}
		return t.frame(&line, s.Feed(line), before), s.Closed()
	})
}

// readLines is the reader of a console socket: it hands each typed line to
// answer and queues the frame it returns, until answer says the session is
// over or the client leaves, misbehaves or falls behind. With idle above
// zero a client that types nothing for that long is timed out even while
// its browser answers pings: answer gets timedOut and says the last words.
// readLines closes conn at the end, so that the writer says goodbye.
func readLines(sc *socket.Conn, idle time.Duration, answer func(line string, timedOut bool) (frame any, over bool)) {
	defer sc.Close()
	sc.Listen(consoleReadLimit)
	conn := sc.WS()
	var idleAt time.Time
	arm := func() {} // moves the idle deadline; a no-op without one
	if idle > 0 {
		// Pongs keep the socket alive but must not keep the session so.
		deadline := func() time.Time {
			if d := time.Now().Add(socket.PongWait); d.Before(idleAt) {
				return d
			}
			return idleAt
		}
		conn.SetPongHandler(func(string) error { return conn.SetReadDeadline(deadline()) })
		arm = func() {
			idleAt = time.Now().Add(idle)
			conn.SetReadDeadline(deadline())
		}
	}
	arm()
	for {
		var m typedLine
		if err := conn.ReadJSON(&m); err != nil {
			var ne interface{ Timeout() bool }
			if idle > 0 && errors.As(err, &ne) && ne.Timeout() && !time.Now().Before(idleAt) {
				f, _ := answer("", true)
				sc.Send(f)
			}
			return
		}
		arm()
		for _, line := range strings.Split(m.Line, "\n") {
			f, over := answer(strings.TrimSuffix(line, "\r"), false)
			if !sc.Send(f) || over {
				return
			}
		}
	}
}

// terminal words one console session's exchanges for its page: it
// explains in the page's language the session's lines as the live lab
// published them, numbered in the lab's one sequence.
type terminal struct {
	s    *live.ConsoleSession
	live *live.Lab
	l    lang.Lang
	ms   int64 // the lab's time of the last event shown
	// idle says that the last answer was IMAP's "+ idling": the hint then
	// asks for DONE, the only line IDLE takes.
	idle bool
}

// frame shows one exchange: the typed line (nil for the greeting and a
// timeout) and the server's answer, as the session's lines in the live
// stream, with the state before it for the diagram's transition.
//
// The live stream shows SMTP message text as one data event at the dot.
// The terminal echoes each text line as it is typed instead, as telnet
// does, so that a student sees the message grow: an echo is no event of
// the stream, and has no sequence number (-1); the data event the echoed
// lines add up to is left out.
func (t *terminal) frame(typed *string, r live.Exchange, before string) consoleFrame {
	proto, state := t.s.Proto(), t.s.State()
	t.idle = slices.ContainsFunc(r.Replies, func(rep protocol.Reply) bool { return rep.Key == imap.KeyIdle })
	f := consoleFrame{Machine: view.MachineState{Proto: proto, State: state}, Closed: t.s.Closed(),
		Hint: consoleHint(proto, state, t.s.Closed(), r.Literal, t.l), Mailboxes: view.LabPages(t.live)}
	if t.idle && !f.Closed {
		f.Hint = tr(t.l, "console.hint.idle")
	}
	if before != state {
		f.Machine.From = before
	}
	if len(r.Events) > 0 {
		t.ms = r.Events[0].Ms
	}
	if text := r.Input == protocol.Text || r.Input == protocol.TextEnd; typed != nil && text {
		echo := sim.Event{Seq: -1, Ms: t.ms, Kind: sim.KindData, From: t.s.Client(), To: t.s.Server(), Proto: proto,
			Dir: sim.Push, Line: *typed, State: state, Key: r.Key, Side: sim.SideClient}
		f.Events = append(f.Events, view.FrameEvent{Event: echo, Text: explain(t.l, echo.Key)})
	}
	for _, e := range r.Events {
		if sessionLine(e) && !(e.Kind == sim.KindData && e.Key == sim.KeyData) {
			f.Events = append(f.Events, view.FrameEvent{Event: e, Text: explain(t.l, e.Key)})
		}
	}
	return f
}

// sessionLine reports whether the terminal draws e: the lines of the
// session, typed and answered, which have a side. What they did to the
// mailboxes the page's mailbox panel shows, and the connection's opening
// and end its state diagram.
func sessionLine(e sim.Event) bool { return e.Side != "" }
