package pop3

import (
	"encoding/base64"
	"strings"
	"testing"
	"time"
)

// TestLoginFailures checks that each failed login waits longer and the third
// closes the session, whichever way the client logs in, and that a right
// password after two failures is answered at once.
func TestLoginFailures(t *testing.T) {
	plain := "AUTH PLAIN " + base64.StdEncoding.EncodeToString([]byte("\x00"+lectureUser+"\x00wrong"))
	for _, wrong := range [][]string{{"USER " + lectureUser, "PASS wrong"}, {plain}, {"APOP " + lectureUser + " 0123456789abcdef0123456789abcdef"}} {
		srv := NewServer(Config{Maildrop: newStore(t, 0), Timestamp: "<1.2@x>"})
		srv.Greet()
		var delays []time.Duration
		var last Output
		for range 3 {
			for _, l := range wrong {
				last = srv.Feed([]byte(l))
			}
			delays = append(delays, last.Delay)
		}
		if delays[0] != time.Second || delays[1] != 2*time.Second || delays[2] != 4*time.Second {
			t.Errorf("%q: delays %v", wrong, delays)
		}
		if !last.Close || last.Key != KeyTooManyFailures || srv.State() != Closed ||
			!strings.HasPrefix(last.Lines[0], "-ERR [AUTH] ") {
			t.Errorf("%q: third failure %+v, state %v", wrong, last, srv.State())
		}
	}

	srv := NewServer(Config{Maildrop: newStore(t, 1)})
	srv.Greet()
	for _, l := range []string{"USER " + lectureUser, "PASS no", "USER " + lectureUser, "PASS no", "USER " + lectureUser} {
		srv.Feed([]byte(l))
	}
	out := srv.Feed([]byte("PASS " + lecturePass))
	if out.Key != KeyLogin || out.Delay != 0 || srv.State() != Transaction {
		t.Errorf("right password after two failures: %+v", out)
	}
}

func TestUTF8(t *testing.T) {
	store := NewStoreDrop()
	store.AddUser("ștefan@mailsim.test", "mărțișor")
	srv := NewServer(Config{Maildrop: store})
	srv.Greet()
	capa := srv.Feed([]byte("CAPA"))
	if !strings.Contains(strings.Join(capa.Lines, "\n"), "\nUTF8 USER\n") {
		t.Errorf("CAPA %q", capa.Lines)
	}
	for _, tc := range []struct{ line, key string }{
		{"UTF8 now", KeySyntax}, {"UTF8", KeyUTF8}, {"USER ștefan@mailsim.test", KeyUser}, {"PASS mărțișor", KeyLogin},
	} {
		if out := srv.Feed([]byte(tc.line)); out.Key != tc.key {
			t.Errorf("%s: %+v", tc.line, out)
		}
	}
}
