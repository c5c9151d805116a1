package livelab

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"mailsim/sim/live"
	"mailsim/web/view"
	"mailsim/web/webtest"
)

// viewBound is the most a page or websocket frame of the lab may weigh,
// however much mail the lab holds.
const viewBound = 100 << 10

// fill sends n messages of about size octets to rcpt over the lab's SMTP
// port, on four connections at once, each message numbered in its
// subject; it returns when all are accepted.
func fill(tb testing.TB, l *live.Lab, rcpt string, n, size int) {
	tb.Helper()
	body := strings.Repeat(strings.Repeat("x", 76)+"\r\n", max(size/78, 1))
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for c := range 4 {
		wg.Go(func() {
			conn, err := net.Dial("tcp", l.SMTPAddr().String())
			if err != nil {
				errs <- err
				return
			}
			defer conn.Close()
			conn.SetDeadline(time.Now().Add(5 * time.Minute))
			r := bufio.NewReader(conn)
			expect := func(code string) error {
				for {
					line, err := r.ReadString('\n')
					if err != nil || !strings.HasPrefix(line, code) {
						return fmt.Errorf("got %q %v, want %s", line, err, code)
					}
					if line[3] == ' ' {
						return nil
					}
				}
			}
			fmt.Fprintf(conn, "EHLO fill\r\n")
			if err := expect("220"); err != nil {
				errs <- err
				return
			}
			if err := expect("250"); err != nil {
				errs <- err
				return
			}
			for i := c; i < n; i += 4 {
				fmt.Fprintf(conn, "MAIL FROM:<alice@mailsim.test>\r\nRCPT TO:<%s>\r\nDATA\r\n", rcpt)
				for _, code := range []string{"250", "250", "354"} {
					if err := expect(code); err != nil {
						errs <- err
						return
					}
				}
				fmt.Fprintf(conn, "From: alice@mailsim.test\r\nSubject: message %d\r\n\r\n%s.\r\n", i, body)
				if err := expect("250"); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		tb.Fatal(err)
	}
}

// viewSizes measures what the lab's views weigh: GET /live, GET /console,
// the first frame of /ws/live, and the console frame that answers a NOOP.
func viewSizes(tb testing.TB, srv *httptest.Server) map[string]int {
	tb.Helper()
	sizes := map[string]int{}
	for _, path := range []string{"/live", "/console"} {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			tb.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			tb.Fatalf("GET %s: %s", path, res.Status)
		}
		sizes["GET "+path] = len(b)
	}
	ws := func(path string) *websocket.Conn {
		conn, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(srv.URL, "http")+path, nil)
		if err != nil {
			tb.Fatal(err)
		}
		conn.SetReadDeadline(time.Now().Add(time.Minute))
		return conn
	}
	frame := func(conn *websocket.Conn) []byte {
		_, b, err := conn.ReadMessage()
		if err != nil {
			tb.Fatal(err)
		}
		return b
	}
	c := ws("/ws/live")
	sizes["/ws/live first frame"] = len(frame(c))
	c.Close()
	c = ws("/ws/console/smtp")
	frame(c) // the greeting
	if err := c.WriteJSON(map[string]string{"line": "NOOP"}); err != nil {
		tb.Fatal(err)
	}
	noop := frame(c)
	if !strings.Contains(string(noop), `"code":250`) {
		tb.Fatalf("NOOP frame: %.300s", noop)
	}
	sizes["console frame (NOOP)"] = len(noop)
	c.Close()
	return sizes
}

// TestViewsOfAFullLab fills the lab with 10,000 messages and checks that
// /live, /console and their websocket frames stay under viewBound: they
// carry a page of summaries, newest first, not the mail.
func TestViewsOfAFullLab(t *testing.T) {
	if testing.Short() {
		t.Skip("stores 10,000 messages")
	}
	const n = 10000
	l := webtest.StartLab(t, "127.0.0.1:0")
	srv := httptest.NewServer(serve(webtest.Shipped(t), l))
	t.Cleanup(srv.Close)
	start := time.Now()
	fill(t, l, "bob@mailsim.test", n, 4096)
	t.Logf("stored %d messages of 4 KB in %v", n, time.Since(start).Round(time.Millisecond))
	sizes := viewSizes(t, srv)
	for what, size := range sizes {
		t.Logf("%s: %d octets", what, size)
		if size >= viewBound {
			t.Errorf("%s weighs %d octets with %d messages stored, more than %d", what, size, n, viewBound)
		}
	}
	p, ok := l.Page("bob@mailsim.test", 0, view.BoxPage(l))
	if !ok || p.Total != n || len(p.Messages) != view.BoxPage(l) || !strings.HasPrefix(p.Messages[0].Subject, "message ") {
		t.Fatalf("bob's first page: total %d, %d summaries", p.Total, len(p.Messages))
	}
	res, err := http.Get(srv.URL + "/live")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(page), fmt.Sprintf(tr("en", "mailbox.range"), 1, view.BoxPage(l), n)) || !strings.Contains(string(page), `data-op="older"`) {
		t.Errorf("/live shows no control to the next page")
	}
}

// getJSON fetches path with the given headers (name, value, ...) and
// decodes the answer into v when it is 200; it returns the status.
func getJSON(t *testing.T, srv *httptest.Server, path string, v any, header ...string) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode == http.StatusOK && v != nil {
		if err := json.NewDecoder(res.Body).Decode(v); err != nil {
			t.Fatal(err)
		}
	}
	return res.StatusCode
}

// TestMailboxPagesAndText: the pages of a mailbox go from the newest
// message back, a message's text comes on demand and is cut at rawMost,
// and another site's page can read neither.
func TestMailboxPagesAndText(t *testing.T) {
	l := webtest.StartLab(t, "127.0.0.1:0")
	srv := httptest.NewServer(serve(webtest.Shipped(t), l))
	t.Cleanup(srv.Close)
	size := view.BoxPage(l)
	fill(t, l, "alice@mailsim.test", size+3, 100)
	fill(t, l, "student@mailsim.test", 1, rawMost+10<<10)

	var first, second live.Page
	if code := getJSON(t, srv, "/live/mailbox?box=alice@mailsim.test&offset=0", &first); code != http.StatusOK {
		t.Fatalf("first page: %d", code)
	}
	if code := getJSON(t, srv, fmt.Sprintf("/live/mailbox?box=alice@mailsim.test&offset=%d", size), &second); code != http.StatusOK {
		t.Fatalf("second page: %d", code)
	}
	if first.Total != size+3 || len(first.Messages) != size || len(second.Messages) != 3 || second.Offset != size {
		t.Fatalf("pages: %+v / %+v", first, second)
	}
	newest, oldest := first.Messages[0], second.Messages[2]
	if oldest.Date.After(newest.Date) || newest.ID == oldest.ID || newest.Size == 0 || newest.From != "alice@mailsim.test" {
		t.Errorf("newest %+v, oldest %+v", newest, oldest)
	}

	var m rawMessage
	if code := getJSON(t, srv, "/live/message?box=alice@mailsim.test&id="+url.QueryEscape(newest.ID), &m); code != http.StatusOK ||
		!strings.Contains(m.Raw, "Subject: message ") || m.Truncated || m.Size != newest.Size {
		t.Errorf("message text: %d %+v", code, m)
	}
	var big live.Page
	getJSON(t, srv, "/live/mailbox?box=student@mailsim.test&offset=0", &big)
	if code := getJSON(t, srv, "/live/message?box=student@mailsim.test&id="+url.QueryEscape(big.Messages[0].ID), &m); code != http.StatusOK ||
		!m.Truncated || len(m.Raw) != rawMost || m.Size <= rawMost {
		t.Errorf("large message: %d, truncated %v, %d of %d octets", code, m.Truncated, len(m.Raw), m.Size)
	}

	for _, c := range []struct {
		path   string
		header []string
		want   int
	}{
		{"/live/mailbox?box=nobody@mailsim.test&offset=0", nil, http.StatusNotFound},
		{"/live/mailbox?box=alice@mailsim.test&offset=-1", nil, http.StatusBadRequest},
		{"/live/mailbox?box=alice@mailsim.test", nil, http.StatusBadRequest},
		{"/live/message?box=alice@mailsim.test&id=nope", nil, http.StatusNotFound},
		{"/live/message?box=alice@mailsim.test&id=" + url.QueryEscape(newest.ID), []string{"Origin", "http://evil.example"}, http.StatusForbidden},
		{"/live/message?box=alice@mailsim.test&id=" + url.QueryEscape(newest.ID), []string{"Sec-Fetch-Site", "cross-site"}, http.StatusForbidden},
		{"/live/mailbox?box=alice@mailsim.test&offset=0", []string{"Sec-Fetch-Site", "same-site"}, http.StatusForbidden},
		{"/live/message?box=alice@mailsim.test&id=" + url.QueryEscape(newest.ID), []string{"Origin", srv.URL, "Sec-Fetch-Site", "same-origin"}, http.StatusOK},
	} {
		if got := getJSON(t, srv, c.path, nil, c.header...); got != c.want {
			t.Errorf("GET %s %v: %d, want %d", c.path, c.header, got, c.want)
		}
	}
	off := httptest.NewServer(serve(webtest.Shipped(t), nil))
	t.Cleanup(off.Close)
	if got := getJSON(t, off, "/live/mailbox?box=alice@mailsim.test&offset=0", nil); got != http.StatusServiceUnavailable {
		t.Errorf("lab off: %d", got)
	}
}

// BenchmarkViews10k measures the lab's views with 10,000 messages of 4 KB
// stored: the octets of /live, /console, the first /ws/live frame and a
// console frame, reported as metrics, and the time of a GET /live.
func BenchmarkViews10k(b *testing.B) {
	l := webtest.StartLab(b, "127.0.0.1:0")
	srv := httptest.NewServer(serve(webtest.Shipped(b), l))
	b.Cleanup(srv.Close)
	fill(b, l, "bob@mailsim.test", 10000, 4096)
	sizes := viewSizes(b, srv)
	for b.Loop() {
		res, err := http.Get(srv.URL + "/live")
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}
	// After the loop, which would reset them.
	for what, size := range sizes {
		b.ReportMetric(float64(size), "B-"+strings.NewReplacer(" ", "-", "/", "", "(", "", ")", "").Replace(what))
	}
}

// BenchmarkDeliveriesWithLiveTabs measures 100 deliveries with 2,000
// messages of 7 KB stored and three /live tabs following the lab, each
// frame of a delivery carrying the mailboxes.
func BenchmarkDeliveriesWithLiveTabs(b *testing.B) {
	l := webtest.StartLab(b, "127.0.0.1:0")
	srv := httptest.NewServer(serve(webtest.Shipped(b), l))
	b.Cleanup(srv.Close)
	fill(b, l, "bob@mailsim.test", 2000, 7<<10)
	var read sync.WaitGroup
	b.Cleanup(read.Wait) // after every tab is closed: cleanups run last first
	for range 3 {
		conn, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(srv.URL, "http")+"/ws/live", nil)
		if err != nil {
			b.Fatal(err)
		}
		read.Go(func() {
			for {
				if _, _, err := conn.ReadMessage(); err != nil {
					return
				}
			}
		})
		b.Cleanup(func() { conn.Close() })
	}
	for b.Loop() {
		fill(b, l, "alice@mailsim.test", 100, 7<<10)
	}
}
