package web

import (
	"net/http"
	"time"

	"github.com/gorilla/websocket"

	"mailsim/lang"
	"mailsim/sim"
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
// The socket negotiates permessage-deflate (RFC 7692) when the browser
// offers it, as browsers do: frames are JSON, which compresses well.
const (
	wsReadLimit  = 4 << 10 // a command is a few dozen bytes
	wsQueue      = 16      // frames waiting for a slow client before it is dropped
	wsWriteWait  = 10 * time.Second
	wsPongWait   = 60 * time.Second
	wsPingPeriod = wsPongWait * 9 / 10
)

// upgrader keeps gorilla's default origin check (CheckOrigin nil): a page on
// another origin cannot open a player socket with the reader's cookies. The
// console, nslookup and live sockets share it, compression included.
var upgrader = websocket.Upgrader{ReadBufferSize: 1024, WriteBufferSize: 4096, HandshakeTimeout: 10 * time.Second,
	EnableCompression: true}

// command is one message from the browser.
type command struct {
	Op   string `json:"op"`
	Step int    `json:"step"`
	Have int    `json:"have"` // events the client holds
}

// playSocket upgrades the connection and runs one reader (this goroutine) and
// one writer, as gorilla requires: at most one of each at a time.
func (a *app) playSocket(w http.ResponseWriter, r *http.Request) {
	l, _ := requestLang(r)
	name := r.PathValue("name")
	spec, ok := a.specFor(name, r.URL.Query().Get("msg"), l)
	if !ok {
		a.noScenario(w, r, l, name)
		return
	}
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		a.log.Debug("websocket handshake refused", "err", err, "origin", r.Header.Get("Origin"))
		return // Upgrade has already answered with an HTTP error
	}
	send := make(chan *websocket.PreparedMessage, wsQueue)
	go writeQueue(conn, send, (*websocket.Conn).WritePreparedMessage)
	a.readCommands(conn, spec, l, send)
}

// readCommands answers commands until the connection fails or the client
// misbehaves, then closes send so that the writer says goodbye and closes the
// socket. It never blocks on the writer: a client whose queue is full is
// dropped, so a stalled browser costs at most wsQueue frames of memory.
func (a *app) readCommands(conn *websocket.Conn, spec *sim.Spec, l lang.Lang, send chan<- *websocket.PreparedMessage) {
	defer close(send)
	listen(conn, wsReadLimit)
	for {
		var c command
		if err := conn.ReadJSON(&c); err != nil {
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
		if !offer(send, m) {
			a.log.Warn("websocket: client too slow, dropping it", "scenario", spec.Name)
			conn.Close()
			return
		}
	}
}

// listen prepares conn for its one reader: messages of at most limit
// octets, and a read deadline that each pong pushes forward, so that a
// client gone without a word is noticed.
func listen(conn *websocket.Conn, limit int64) {
	conn.SetReadLimit(limit)
	conn.SetReadDeadline(time.Now().Add(wsPongWait))
	conn.SetPongHandler(func(string) error { return conn.SetReadDeadline(time.Now().Add(wsPongWait)) })
}

// offer queues a frame for the writer without waiting: false means the
// queue is full and the client too slow, and the caller drops it.
func offer[M any](send chan<- M, m M) bool {
	select {
	case send <- m:
		return true
	default:
		return false
	}
}

// writeFrames sends queued text frames as writeQueue does.
func writeFrames(conn *websocket.Conn, send <-chan []byte) {
	writeQueue(conn, send, func(conn *websocket.Conn, b []byte) error { return conn.WriteMessage(websocket.TextMessage, b) })
}

// writeQueue sends queued messages with write, and keep-alive pings, each
// under a deadline, and closes the connection when the queue is closed or a
// write fails. The player queues prepared messages, which many sockets
// share (see sendAt).
func writeQueue[M any](conn *websocket.Conn, send <-chan M, write func(*websocket.Conn, M) error) {
	ping := time.NewTicker(wsPingPeriod)
	defer func() {
		ping.Stop()
		conn.Close()
	}()
	for {
		select {
		case b, ok := <-send:
			conn.SetWriteDeadline(time.Now().Add(wsWriteWait))
			if !ok {
				conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""))
				return
			}
			if err := write(conn, b); err != nil {
				return
			}
		case <-ping.C:
			conn.SetWriteDeadline(time.Now().Add(wsWriteWait))
			if err := conn.WriteMessage(websocket.PingMessage, nil); err != nil {
				return
			}
		}
	}
}
