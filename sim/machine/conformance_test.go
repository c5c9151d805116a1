package machine_test

import (
	"testing"

	"mailsim/sim/imap"
	"mailsim/sim/machine"
	"mailsim/sim/pop3"
	"mailsim/sim/smtp"
)

// TestOneShape drives the three server machines through the one
// interface: each greets, answers a command and an unknown word with
// explained replies and its state after them, refuses an overlong line with
// its own error, and ends when asked, all in the same Output shape.
func TestOneShape(t *testing.T) {
	for _, c := range []struct {
		name        string
		m           machine.Server
		greeted     string
		cmd, status string // a command valid after the greeting, and its reply's status
		quit        string
	}{
		{"smtp", smtp.NewServer(smtp.Config{Hostname: "mx.test"}).Machine(), "Greeted", "NOOP", "", "QUIT"},
		{"pop3", pop3.NewServer(pop3.Config{Hostname: "pop.test"}).Machine(), "Authorization", "CAPA", "+OK", "QUIT"},
		{"imap", imap.NewServer(imap.Config{Hostname: "imap.test"}).Machine(), "NotAuthenticated", "a CAPABILITY", "OK", "b LOGOUT"},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := c.m.Greet()
			if g.State != c.greeted || c.m.State() != c.greeted || len(g.Replies) != 1 || g.Replies[0].Key == "" || g.Close {
				t.Fatalf("greeting %+v", g)
			}
			out := c.m.Feed([]byte(c.cmd))
			if out.Key == "" || out.Input != machine.Command || len(out.Replies) != 1 || out.Replies[0].Status != c.status || out.Replies[0].Key == "" {
				t.Errorf("%s: %+v", c.cmd, out)
			}
			if c.name == "smtp" && out.Replies[0].Code != 250 {
				t.Errorf("NOOP code %d", out.Replies[0].Code)
			}
			out = c.m.Feed([]byte("a XYZZY"))
			if len(out.Replies) != 1 || out.Replies[0].Key == "" || out.Close {
				t.Errorf("unknown word: %+v", out)
			}
			max, _ := c.m.Limit()
			long := make([]byte, max-1) // what the wire feeds of a longer line
			for i := range long {
				long[i] = 'x'
			}
			if out := c.m.Feed(long); len(out.Replies) != 1 || out.Replies[0].Key == "" || out.Close {
				t.Errorf("overlong line: %+v", out)
			}
			out = c.m.Feed([]byte(c.quit))
			if !out.Close || out.State != c.m.State() || len(out.Replies) == 0 {
				t.Errorf("%s: %+v", c.quit, out)
			}
			c.m.Drop()
		})
	}
}
