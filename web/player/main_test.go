package player

import (
	"bufio"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"sync"
	"testing"

	"mailsim/web/browsertest"
	"mailsim/web/outbox"
	"mailsim/web/webtest"
)

// TestMain runs the package's tests with one browser for all of them,
// stopped when they end.
func TestMain(m *testing.M) { browsertest.Main(m) }

// site is the player with its scripts and styles, as a browser needs it.
func site(t *testing.T) http.Handler {
	return webtest.Site(New(webtest.Shipped(t), &outbox.Store{}, slog.New(slog.DiscardHandler)).Routes)
}

// cutter lets a test cut every websocket the handler has taken over, as a
// server restart or a dropped network would.
type cutter struct {
	http.Handler
	mu    sync.Mutex
	conns []net.Conn
}

func (c *cutter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.Handler.ServeHTTP(hijackWatch{w, c}, r)
}

func (c *cutter) cut() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, conn := range c.conns {
		conn.Close()
	}
	c.conns = nil
}

// hijackWatch records the connections its handler hijacks.
type hijackWatch struct {
	http.ResponseWriter
	c *cutter
}

func (h hijackWatch) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, rw, err := http.NewResponseController(h.ResponseWriter).Hijack()
	if err == nil {
		h.c.mu.Lock()
		h.c.conns = append(h.c.conns, conn)
		h.c.mu.Unlock()
	}
	return conn, rw, err
}

// inOrder reports whether want occurs in got in order, other items between.
func inOrder(got []string, want ...string) bool {
	for _, g := range got {
		if len(want) > 0 && g == want[0] {
			want = want[1:]
		}
	}
	return len(want) == 0 && !slices.Contains(got, "")
}
