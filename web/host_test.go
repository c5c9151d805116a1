package web

import (
	"mailsim/web/webtest"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gorilla/websocket"
)

// livePassword is a lab password the live page shows, to tell a leaked page
// from a refusal.
func livePassword(t *testing.T, h http.Handler, host string) (int, string) {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, "/live?lang=en", nil)
	r.Host = host
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Code, w.Body.String()
}

// TestHostRebindingPageRefused is the DNS rebinding case: a page of
// attacker.example that made its name resolve to 127.0.0.1 asks for /live.
// It gets 421 and none of the page, while the same request by a loopback
// name gets the page with the lab's passwords.
func TestHostRebindingPageRefused(t *testing.T) {
	l := webtest.StartLab(t, "")
	pw := l.Accounts()[0].Password
	h := New(shipped(t), l, nil)

	code, body := livePassword(t, h, "127.0.0.1:8080")
	if code != http.StatusOK || !strings.Contains(body, pw) {
		t.Fatalf("loopback Host: status %d, the page lacks the password %q", code, pw)
	}
	for _, host := range []string{"attacker.example:8080", "attacker.example", "127.0.0.1.attacker.example", "0.0.0.0:8080", "192.0.2.1", ""} {
		code, body := livePassword(t, h, host)
		if code != http.StatusMisdirectedRequest {
			t.Errorf("Host %q: status %d, want 421", host, code)
		}
		if strings.Contains(body, pw) || strings.Contains(body, "<html") {
			t.Errorf("Host %q: the refusal leaks the page: %.200q", host, body)
		}
		for _, want := range []string{"-allow-host", "DNS rebinding", "localhost, *.localhost, 127.0.0.0/8, [::1].", "Dacă ai ajuns aici"} {
			if !strings.Contains(body, want) {
				t.Errorf("Host %q: the refusal lacks %q:\n%s", host, want, body)
			}
		}
	}
}

// TestHostAllowed checks the names the app answers to: loopback in every
// spelling, the -addr host and the -allow-host names, with or without a port.
func TestHostAllowed(t *testing.T) {
	var allow Hosts
	for _, n := range []string{"Lab.Example", "class.example:8080", "10.0.0.7"} {
		if err := allow.Set(n); err != nil {
			t.Fatal(err)
		}
	}
	h := NewWith(shipped(t), nil, nil, Options{Addr: "192.0.2.7:8080", AllowHosts: allow})
	for _, c := range []struct {
		host string
		ok   bool
	}{
		{"localhost", true}, {"localhost:8080", true}, {"LOCALHOST.:8080", true}, {"lab.localhost:8080", true},
		{"127.0.0.1", true}, {"127.9.9.9:8080", true}, {"[::1]:8080", true}, {"[::1]", true}, {"[::ffff:127.0.0.1]:80", true},
		{"192.0.2.7:8080", true}, {"192.0.2.7", true},
		{"lab.example", true}, {"LAB.example:9999", true}, {"class.example", true}, {"10.0.0.7:8080", true},
		{"other.example", false}, {"localhost.example", false}, {"example.lab.example", false}, {"[::2]:8080", false}, {"10.0.0.8", false},
	} {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Host = c.host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if got := w.Code == http.StatusOK; got != c.ok {
			t.Errorf("Host %q: status %d, want allowed=%v", c.host, w.Code, c.ok)
		}
		if w.Header().Get("Content-Security-Policy") == "" {
			t.Errorf("Host %q: the answer lacks the security headers", c.host)
		}
	}
}

// TestHostWildcardAddr: an app listening on every interface answers to no
// extra name of its own (a classroom name needs -allow-host), and a loopback
// -addr is not listed twice.
func TestHostWildcardAddr(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:8080", "[::]:8080", ":8080", "127.0.0.1:8080", "localhost:8080"} {
		g := newHostGuard(Options{Addr: addr})
		if len(g.names) != 0 {
			t.Errorf("-addr %s allows %q", addr, g.names)
		}
	}
}

func TestHostsFlag(t *testing.T) {
	var h Hosts
	for _, bad := range []string{"", "two words", "a/b", "x..example", "-", "ümlaut.example", "0.0.0.0", "[::]:8080"} {
		if err := h.Set(bad); err == nil {
			t.Errorf("-allow-host %q was accepted", bad)
		}
	}
	for _, good := range []string{"lab.local", "[fe80::1]:80", "MAIL-1.example."} {
		if err := h.Set(good); err != nil {
			t.Errorf("-allow-host %q: %v", good, err)
		}
	}
	if got := h.String(); got != "lab.local,fe80::1,mail-1.example" {
		t.Errorf("hosts are %q", got)
	}
}

// TestHostRebindingWebsocketRefused: the rebinding page opens the live
// websocket with an Origin that matches its Host, which the same-origin
// check alone lets through. The Host check refuses it; the same upgrade by a
// loopback name is accepted.
func TestHostRebindingWebsocketRefused(t *testing.T) {
	srv := httptest.NewServer(New(shipped(t), webtest.StartLab(t, ""), nil))
	defer srv.Close()
	url := "ws" + strings.TrimPrefix(srv.URL, "http") + "/ws/live"
	port := srv.URL[strings.LastIndex(srv.URL, ":"):]
	dial := func(host string) (*http.Response, error) {
		conn, resp, err := websocket.DefaultDialer.Dial(url, http.Header{"Host": {host}, "Origin": {"http://" + host}})
		if err == nil {
			conn.Close()
		}
		return resp, err
	}
	resp, err := dial("evil.example" + port)
	if err == nil {
		t.Fatal("a websocket from evil.example was accepted")
	}
	if resp == nil || resp.StatusCode != http.StatusMisdirectedRequest {
		t.Fatalf("evil.example: %v, response %+v, want 421", err, resp)
	}
	for _, host := range []string{"[::1]" + port, "localhost" + port} {
		if _, err := dial(host); err != nil {
			t.Errorf("Host %s: %v", host, err)
		}
	}
}

// FuzzHostGuard: any Host header is judged without a panic, the same with or
// without a port and in any letter case, and a name that -allow-host accepts
// is one the guard then answers to, while a rebinding name under it is not.
func FuzzHostGuard(f *testing.F) {
	for _, seed := range []string{"localhost", "[::1]", "127.0.0.1", "lab.example", "évil.example", "x:y:z", "[", "", "a..b", "LAB.EXAMPLE."} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, name string) {
		var allow Hosts
		accepted := allow.Set(name) == nil
		g := newHostGuard(Options{AllowHosts: allow})
		if accepted && !g.allows(name) {
			t.Fatalf("-allow-host %q accepted, but Host %q is refused", name, name)
		}
		if !strings.ContainsAny(name, ":[]") {
			for _, with := range []string{name + ":8080", "[" + name + "]:8080"} {
				if g.allows(with) != g.allows(name) {
					t.Fatalf("Host %q is judged differently from %q", with, name)
				}
			}
			if ascii(name) && g.allows(name) != g.allows(strings.ToUpper(name)) {
				t.Fatalf("Host %q is judged differently in upper case", name)
			}
		}
		if evil := "rebind." + name + ".attacker.example"; g.allows(evil) && !strings.HasSuffix(hostName(evil), ".localhost") {
			t.Fatalf("Host %q is allowed", evil)
		}
	})
}

func ascii(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 })
}
