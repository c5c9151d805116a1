package socket

import (
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// serve upgrades every request and hands the connection to handle.
func serve(t *testing.T, compress bool, handle func(*Conn)) *websocket.Conn {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := Upgrade(w, r, slog.New(slog.DiscardHandler))
		if err != nil {
			return
		}
		handle(c)
	}))
	t.Cleanup(srv.Close)
	d := websocket.Dialer{EnableCompression: compress}
	ws, resp, err := d.Dial("ws"+strings.TrimPrefix(srv.URL, "http"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	if ext := resp.Header.Get("Sec-WebSocket-Extensions"); strings.Contains(ext, "permessage-deflate") != compress {
		t.Errorf("compression offered %v, the handshake answered %q", compress, ext)
	}
	ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	return ws
}

func TestSendThenGoodbye(t *testing.T) {
	ws := serve(t, true, func(c *Conn) {
		c.Send(map[string]int{"step": 1})
		c.Close()
	})
	var f map[string]int
	if err := ws.ReadJSON(&f); err != nil || f["step"] != 1 {
		t.Fatalf("frame %v, %v", f, err)
	}
	if _, _, err := ws.ReadMessage(); !websocket.IsCloseError(err, websocket.CloseNormalClosure) {
		t.Errorf("after the queue ends: %v, want a normal closure", err)
	}
}

func TestRefuseSaysWhy(t *testing.T) {
	ws := serve(t, true, func(c *Conn) { c.Refuse(websocket.CloseTryAgainLater, "busy") })
	_, _, err := ws.ReadMessage()
	var ce *websocket.CloseError
	if !errors.As(err, &ce) || ce.Code != websocket.CloseTryAgainLater || ce.Text != "busy" {
		t.Errorf("refusal: %v, want close %d busy", err, websocket.CloseTryAgainLater)
	}
}

// TestSlowClientIsDropped: a client that reads nothing fills its queue, and
// the next Send drops it instead of waiting or growing the queue.
func TestSlowClientIsDropped(t *testing.T) {
	dropped := make(chan int, 1)
	big := strings.Repeat("x", 1<<20) // far more than the socket buffers hold
	serve(t, false, func(c *Conn) {   // deflate would shrink the frames to nothing
		for i := range 10 * Queue {
			if !c.Send(big) {
				dropped <- i
				return
			}
		}
		dropped <- -1
	})
	select {
	case i := <-dropped:
		if i < 0 || i > 3*Queue {
			t.Errorf("the slow client was dropped after %d frames, want about Queue (%d)", i, Queue)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Send blocked on a client that reads nothing")
	}
}
