package player

import (
	"net/http"

	"github.com/gorilla/websocket"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/web/socket"
	"mailsim/web/view"
)

// The websocket at /ws/play/{name} drives one open player.
//
// The browser sends one small command per message:
//
//	{"op":"goto","step":N,"have":K}
//
// (the page's step, back and restart buttons are all goto). K is how many
// events the browser already holds: a run is deterministic, so an event,
// once sent, never changes, and the page keeps every one it was sent and
// draws any step up to K from them, going back included. A missing have is
// 0. The server answers each goto with the state at step N, clamped to
// [0, total], and the events the browser lacks, from K (clamped to [0, N])
// to N-1, so that a frame does not grow with the step:
//
//	{"step":N,"total":T,"from":K,"events":[...],"mailboxes":[...],"state":"RcptTo",
//	 "machine":{...},"motion":{...},"message":{...},"quiz":{...},"ahead":A}
//
// events are the sim.Event JSON of events from..N-1 of the scenario's run
// (none when K >= N), each with an added "text" (its explanation in the
// connection's language); mailboxes are sim.Mailbox values as of step N;
// state is the SMTP server state after the last SMTP event, or "" before
// the first. machine is the state diagram to show (machineState: protocol,
// state, the state it came from, protocol "" when the scenario has none);
// motion is what the topology moves at step N (see motion.go: a token or
// the message, and where the message rests); message is the message of the
// step for the inspector (inspected, absent before the first); quiz is
// predict mode's question about event N when it is a server reply (absent
// otherwise), ahead (A) how many steps away the next one is. The connection's
// language is the page's: ?lang=, then the cookie, then Accept-Language.
// Each frame is answered from the run's index (index.go), never by
// replaying the scenario.
//
// The socket negotiates permessage-deflate (see package socket).
const wsReadLimit = 4 << 10 // a command is a few dozen bytes

// command is one message from the browser.
type command struct {
	Op   string `json:"op"`
	Step int    `json:"step"`
	Have int    `json:"have"` // events the client holds
}

// playSocket upgrades the connection and runs one reader (this goroutine) and
// one writer, as gorilla requires: at most one of each at a time.
func (a *Section) playSocket(w http.ResponseWriter, r *http.Request) {
	l, _ := view.RequestLang(r)
	name := r.PathValue("name")
	spec, ok := a.specFor(name, r.URL.Query().Get("msg"), l)
	if !ok {
		a.noScenario(w, r, l, name)
		return
	}
	conn, err := socket.Upgrade(w, r, a.log)
	if err != nil {
		return // Upgrade has already answered with an HTTP error
	}
	a.readCommands(conn, spec, l)
}

// readCommands answers commands until the connection fails or the client
// misbehaves, then closes conn so that the writer says goodbye. It never
// blocks on the writer: a client too slow for its queue is dropped.
func (a *Section) readCommands(conn *socket.Conn, spec *sim.Spec, l lang.Lang) {
	defer conn.Close()
	conn.Listen(wsReadLimit)
	for {
		var c command
		if err := conn.WS().ReadJSON(&c); err != nil {
			if websocket.IsUnexpectedCloseError(err, websocket.CloseNormalClosure, websocket.CloseGoingAway) {
				a.log.Debug("websocket read", "err", err)
			}
			return
		}
		if c.Op != "goto" {
			a.log.Debug("websocket: unknown command", "op", c.Op)
			return
		}
		m, err := a.totals.sendAt(spec, c.Step, c.Have, l)
		if err != nil {
			a.log.Error("running scenario", "scenario", spec.Name, "err", err)
			return
		}
		if !conn.SendPrepared(m) {
			return
		}
	}
}
