package console

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gorilla/websocket"

	"mailsim/sim/live"
	"mailsim/web/view"
	"mailsim/web/webtest"
)

// consoleServer serves the app with a lab whose ports are closed.
func consoleServer(t *testing.T) (*httptest.Server, *live.Lab) {
	l := webtest.StartLab(t, "")
	return webtest.Serve(t, serve(webtest.Shipped(t), l)), l
}

// wireConsoleFrame is a console frame as a client decodes it.
type wireConsoleFrame struct {
	Events []struct {
		Seq  int    `json:"seq"`
		Kind string `json:"kind"`
		Line string `json:"line"`
		Code int    `json:"code"`
		Text string `json:"text"`
	} `json:"events"`
	Machine view.MachineState `json:"machine"`
	Hint    string            `json:"hint"`
	Closed  bool              `json:"closed"`
}

func readConsole(t *testing.T, conn *websocket.Conn) wireConsoleFrame {
	t.Helper()
	webtest.Deadline(conn)
	var f wireConsoleFrame
	if err := conn.ReadJSON(&f); err != nil {
		t.Fatal(err)
	}
	return f
}

// typeConsole sends one line and returns the answer.
func typeConsole(t *testing.T, conn *websocket.Conn, line string) wireConsoleFrame {
	t.Helper()
	webtest.Deadline(conn)
	if err := conn.WriteJSON(typedLine{Line: line}); err != nil {
		t.Fatal(err)
	}
	return readConsole(t, conn)
}

func TestConsoleSocketSession(t *testing.T) {
	srv, l := consoleServer(t)
	conn, _, err := webtest.Dial(t, srv, "/ws/console/smtp?lang=en")
	if err != nil {
		t.Fatal(err)
	}
	g := readConsole(t, conn)
	if len(g.Events) != 1 || !strings.HasPrefix(g.Events[0].Line, "220 mailsim.test") || g.Events[0].Text == "" {
		t.Fatalf("greeting frame %+v", g)
	}
	if g.Machine != (view.MachineState{Proto: "smtp", State: "Greeted", From: "Connected"}) || !strings.HasPrefix(g.Hint, "Valid now: HELO · EHLO · MAIL") {
		t.Errorf("greeting machine %+v, hint %q", g.Machine, g.Hint)
	}
	f := typeConsole(t, conn, "HELO pc")
	if len(f.Events) != 2 || f.Events[0].Kind != "command" || f.Events[0].Line != "HELO pc" || f.Events[1].Code != 250 {
		t.Errorf("HELO frame %+v", f)
	}
	if f.Machine.State != "Ready" || f.Machine.From != "Greeted" {
		t.Errorf("after HELO: %+v", f.Machine)
	}
	// The console's lines are the live stream's, numbered as /live numbers them.
	for _, e := range f.Events {
		h := l.History()
		if e.Seq < 0 || e.Seq >= len(h) || h[e.Seq].Line != e.Line || string(h[e.Seq].Kind) != e.Kind {
			t.Errorf("HELO frame event %+v is not event %d of the live stream", e, e.Seq)
		}
	}
	typeConsole(t, conn, "MAIL FROM:<a@mailsim.test>")
	typeConsole(t, conn, "RCPT TO:<bob@mailsim.test>")
	if f := typeConsole(t, conn, "DATA"); f.Hint != tr("en", "console.hint.data") {
		t.Errorf("hint in DATA: %q", f.Hint)
	}
	// A text line is echoed as telnet echoes it: not an event of the live
	// stream, which shows the text as one data event at the dot.
	if f := typeConsole(t, conn, "Subject: hi"); len(f.Events) != 1 || f.Events[0].Kind != "data" || f.Events[0].Seq != -1 {
		t.Errorf("a text line gives %+v", f)
	}
	// A paste of several lines is fed line by line, one frame each.
	webtest.Deadline(conn)
	if err := conn.WriteJSON(typedLine{Line: "\r\nbody\r\n.\r\nQUIT"}); err != nil {
		t.Fatal(err)
	}
	var frames []wireConsoleFrame
	for range 4 {
		frames = append(frames, readConsole(t, conn))
	}
	if dot := frames[2]; len(dot.Events) != 2 || dot.Events[0].Line != "." || dot.Events[1].Code != 250 || dot.Events[1].Seq < 0 {
		t.Errorf("the dot's frame %+v", dot)
	}
	last := frames[3]
	if !last.Closed || last.Events[1].Code != 221 || last.Hint != tr("en", "console.hint.closed") {
		t.Errorf("QUIT frame %+v", last)
	}
	webtest.Deadline(conn)
	if _, _, err := conn.ReadMessage(); !websocket.IsCloseError(err, websocket.CloseNormalClosure) {
		t.Errorf("after QUIT the socket should close normally, got %v", err)
	}
}

// TestConsoleOverlongLine: a line far over the limit gets the machine's
// own error, and the session goes on.
func TestConsoleOverlongLine(t *testing.T) {
	srv, _ := consoleServer(t)
	for _, c := range []struct{ proto, want string }{
		{"smtp", "500 5.5.0 Line too long"},
		{"pop3", "-ERR Line too long"},
	} {
		conn, _, err := webtest.Dial(t, srv, "/ws/console/"+c.proto)
		if err != nil {
			t.Fatal(err)
		}
		readConsole(t, conn)
		f := typeConsole(t, conn, "NOOP "+strings.Repeat("x", consoleMaxLine*3))
		if len(f.Events) != 2 || !strings.HasPrefix(f.Events[1].Line, c.want) {
			t.Errorf("%s: overlong line answered %+v", c.proto, f.Events)
		}
		if f := typeConsole(t, conn, "QUIT"); !f.Closed {
			t.Errorf("%s: the session did not go on after the long line", c.proto)
		}
	}
}

func TestConsoleSocketsRefuseOtherOrigins(t *testing.T) {
	srv, _ := consoleServer(t)
	for _, path := range []string{"/ws/console/smtp", "/ws/console/pop3", "/ws/nslookup", "/ws/live"} {
		conn, resp, err := webtest.Dial(t, srv, path, "Origin", "http://evil.example")
		if err == nil {
			conn.Close()
			t.Errorf("%s: a cross-origin websocket was accepted", path)
			continue
		}
		if resp == nil || resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s: cross-origin handshake got %v, want 403", path, resp)
		}
	}
}

func TestLabOff(t *testing.T) {
	h := serve(webtest.Shipped(t), nil)
	for _, path := range []string{"/console", "/live"} {
		for _, c := range []struct{ lang, want string }{{"en", "The live lab is off"}, {"ro", "Laboratorul live este oprit"}} {
			w := webtest.Get(t, h, "GET", path+"?lang="+c.lang)
			if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `data-testid="lab-off"`) || !strings.Contains(w.Body.String(), c.want) {
				t.Errorf("%s in %s: %d, lab-off message missing", path, c.lang, w.Code)
			}
		}
	}
	for _, path := range []string{"/ws/console/smtp", "/ws/live"} {
		w := webtest.Get(t, h, "GET", path+"?lang=en")
		if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), "runs without the live lab") {
			t.Errorf("%s with the lab off: %d %q", path, w.Code, w.Body.String())
		}
	}
	if w := webtest.Get(t, h, "GET", "/console/nslookup"); w.Code != http.StatusOK {
		t.Errorf("nslookup needs no lab, got %d", w.Code)
	}
}

func TestConsoleUnknownProtocol(t *testing.T) {
	srv, _ := consoleServer(t)
	if _, resp, err := webtest.Dial(t, srv, "/ws/console/nntp"); err == nil || resp.StatusCode != http.StatusNotFound {
		t.Errorf("nntp console: %v %v", err, resp)
	}
}

func TestConsolePagesShowNoMissingKey(t *testing.T) {
	l := webtest.StartLab(t, "127.0.0.1:0")
	h := serve(webtest.Shipped(t), l)
	for _, lg := range []string{"ro", "en"} {
		for _, path := range []string{"/console", "/console/nslookup", "/live"} {
			body := webtest.Get(t, h, "GET", path+"?lang="+lg).Body.String()
			if m := webtest.MissingKey.FindString(body); m != "" {
				t.Errorf("%s in %s shows the missing key %s", path, lg, m)
			}
		}
	}
	body := webtest.Get(t, h, "GET", "/live").Body.String()
	if want := "telnet " + l.SMTPAddr().String(); !strings.Contains(body, strings.Replace(want, ":", " ", 1)) {
		t.Errorf("the live page does not say %q", want)
	}
}
