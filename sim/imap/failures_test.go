package imap

import (
	"encoding/base64"
	"slices"
	"strings"
	"testing"
	"time"

	mailstore "mailsim/sim/store"
)

// TestLoginFailures checks that each failed login waits longer and that the
// third ends the session with BYE, by LOGIN or by AUTHENTICATE.
func TestLoginFailures(t *testing.T) {
	plain := "AUTHENTICATE PLAIN " + base64.StdEncoding.EncodeToString([]byte("\x00fred\x00wrong"))
	for _, wrong := range []string{"LOGIN fred wrong", "LOGIN nobody foobar", plain} {
		srv := NewServer(Config{Store: fixtureStore(t)})
		srv.Greet()
		var delays []time.Duration
		var last Output
		for i := range 3 {
			last = srv.Feed([]byte("a" + string(rune('1'+i)) + " " + wrong))
			delays = append(delays, last.Delay)
		}
		if !slices.Equal(delays, []time.Duration{time.Second, 2 * time.Second, 4 * time.Second}) {
			t.Errorf("%q: delays %v", wrong, delays)
		}
		if !last.Close || last.Key != KeyTooManyFailures || srv.State() != Logout ||
			!strings.HasPrefix(last.Lines[0], "a3 NO [AUTHENTICATIONFAILED]") || last.Lines[1] != "* BYE Too many failed logins" {
			t.Errorf("%q: third failure %+v, state %v", wrong, last, srv.State())
		}
	}
	srv := NewServer(Config{Store: fixtureStore(t)})
	srv.Greet()
	srv.Feed([]byte("a1 LOGIN fred x"))
	srv.Feed([]byte("a2 LOGIN fred y"))
	if out := srv.Feed([]byte("a3 LOGIN fred foobar")); out.Key != KeyLogin || out.Delay != 0 {
		t.Errorf("right password after two failures: %+v", out)
	}
}

// TestEnableUTF8 follows RFC 6855: UTF8=ACCEPT is announced and enabled
// once, an unknown capability is left out, and a UTF-8 user logs in.
func TestEnableUTF8(t *testing.T) {
	store := mailstore.New("")
	store.AddUser("ștefan@mailsim.test", "mărțișor")
	srv := NewServer(Config{Store: store})
	if g := srv.Greet(); !strings.Contains(g.Lines[0], " ENABLE UTF8=ACCEPT ") {
		t.Errorf("greeting %q", g.Lines)
	}
	for _, tc := range []struct{ line, want string }{
		{`a1 ENABLE UTF8=ACCEPT`, "a1 BAD ENABLE is not valid in the NotAuthenticated state"},
		{`a2 LOGIN "ștefan@mailsim.test" "mărțișor"`, "a2 OK"},
		{`a3 ENABLE`, "a3 BAD Syntax error"},
		{`a4 ENABLE CONDSTORE utf8=accept`, "* ENABLED UTF8=ACCEPT\r\na4 OK ENABLE completed"},
		{`a5 ENABLE UTF8=ACCEPT`, "* ENABLED\r\na5 OK ENABLE completed"},
	} {
		if got := strings.Join(srv.Feed([]byte(tc.line)).Lines, "\r\n"); !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.line, got, tc.want)
		}
	}
}
