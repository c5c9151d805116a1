// Package socket is the one websocket loop of the app's live pages (the
// player, the consoles, nslookup and the live lab): the upgrade with its
// origin check, one reader and one writer per connection as gorilla
// requires, keep-alive pings, and a bounded queue, so that a stalled
// browser costs at most Queue frames of memory and is then dropped.
package socket

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"time"

	"github.com/gorilla/websocket"
)

// The loop's bounds and deadlines.
const (
	Queue      = 16 // frames waiting for a slow client before it is dropped
	WriteWait  = 10 * time.Second
	PongWait   = 60 * time.Second
	pingPeriod = PongWait * 9 / 10
)

// upgrader keeps gorilla's default origin check (CheckOrigin nil): a page on
// another origin cannot open a socket with the reader's cookies. Every
// socket negotiates permessage-deflate (RFC 7692) when the browser offers
// it, as browsers do: frames are JSON, which compresses well.
var upgrader = websocket.Upgrader{ReadBufferSize: 1024, WriteBufferSize: 4096, HandshakeTimeout: 10 * time.Second,
	EnableCompression: true}

// Conn is one upgraded connection: the caller's goroutine is its reader
// (through WS), and Send queues frames for its writer.
type Conn struct {
	ws   *websocket.Conn
	send chan *websocket.PreparedMessage
	log  *slog.Logger
	// bye is the close frame the writer sends when the queue ends: a
	// normal closure unless Refuse set another.
	bye []byte
}

// Upgrade takes over the request's connection and starts its writer. On an
// error Upgrade has already answered with an HTTP error.
func Upgrade(w http.ResponseWriter, r *http.Request, log *slog.Logger) (*Conn, error) {
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		log.Debug("websocket handshake refused", "err", err, "origin", r.Header.Get("Origin"))
		return nil, err
	}
	c := &Conn{ws: ws, send: make(chan *websocket.PreparedMessage, Queue), log: log,
		bye: websocket.FormatCloseMessage(websocket.CloseNormalClosure, "")}
	go c.write()
	return c, nil
}

// WS is the connection itself, for its one reader.
func (c *Conn) WS() *websocket.Conn { return c.ws }

// Listen prepares the connection for its reader: messages of at most limit
// octets, and a read deadline that each pong pushes forward, so that a
// client gone without a word is noticed.
func (c *Conn) Listen(limit int64) {
	c.ws.SetReadLimit(limit)
	c.ws.SetReadDeadline(time.Now().Add(PongWait))
	c.ws.SetPongHandler(func(string) error { return c.ws.SetReadDeadline(time.Now().Add(PongWait)) })
}

// Send encodes a frame as JSON and queues it for the writer without
// waiting. false means the frame could not be encoded or the client is too
// slow; the connection is then closed, and the caller stops.
func (c *Conn) Send(frame any) bool {
	b, err := json.Marshal(frame)
	var m *websocket.PreparedMessage
	if err == nil {
		m, err = websocket.NewPreparedMessage(websocket.TextMessage, b)
	}
	if err != nil {
		c.log.Error("encoding frame", "err", err)
		c.ws.Close()
		return false
	}
	return c.SendPrepared(m)
}

// SendPrepared queues a frame made once for many sockets (the player's
// common frames are), which gorilla compresses once per setting rather
// than once per socket. false means the client is too slow, as for Send.
func (c *Conn) SendPrepared(m *websocket.PreparedMessage) bool {
	select {
	case c.send <- m:
		return true
	default:
		c.log.Warn("websocket: client too slow, dropping it")
		c.ws.Close()
		return false
	}
}

// Close ends the queue: the writer sends what is queued, says goodbye and
// closes the connection. The reader calls it once, when it is done.
func (c *Conn) Close() { close(c.send) }

// Refuse is Close with a close frame carrying code and a reason the page
// shows, for a connection the server cannot serve (the console is busy).
func (c *Conn) Refuse(code int, reason string) {
	c.bye = websocket.FormatCloseMessage(code, reason) // read by the writer only after close
	c.Close()
}

// write sends queued frames and keep-alive pings, each under a deadline,
// and closes the connection when the queue is closed or a write fails.
func (c *Conn) write() {
	ping := time.NewTicker(pingPeriod)
	defer func() {
		ping.Stop()
		c.ws.Close()
	}()
	for {
		select {
		case m, ok := <-c.send:
			c.ws.SetWriteDeadline(time.Now().Add(WriteWait))
			if !ok {
				c.ws.WriteMessage(websocket.CloseMessage, c.bye)
				return
			}
			if err := c.ws.WritePreparedMessage(m); err != nil {
				return
			}
		case <-ping.C:
			c.ws.SetWriteDeadline(time.Now().Add(WriteWait))
			if err := c.ws.WriteMessage(websocket.PingMessage, nil); err != nil {
				return
			}
		}
	}
}
