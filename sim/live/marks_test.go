package live

import "testing"

// TestPOP3MarksShow: the lab's mailbox view shows a message marked by DELE
// until QUIT's UPDATE removes it, as a scenario's does; RSET and a session
// that ends without UPDATE unmark it.
func TestPOP3MarksShow(t *testing.T) {
	l := startLab(t, nil)
	deliver(t, l, "bob@mailsim.test", "alice@mailsim.test", "Subject: one\r\n\r\nhi\r\n")
	marked := func() bool { return box(l, "alice@mailsim.test")[0].Deleted }
	c, err := l.Console("pop3")
	if err != nil {
		t.Fatal(err)
	}
	c.Greet()
	for _, step := range []struct {
		line string
		want bool
	}{{"user alice", false}, {"pass wonderland", false}, {"dele 1", true}, {"rset", false}, {"dele 1", true}} {
		c.Feed(step.line)
		if got := marked(); got != step.want {
			t.Fatalf("after %q the message is marked %v, want %v", step.line, got, step.want)
		}
	}
	c.Close()
	if msgs := box(l, "alice@mailsim.test"); len(msgs) != 1 || msgs[0].Deleted {
		t.Fatalf("a session that hung up left %+v", msgs)
	}

	c, err = l.Console("pop3")
	if err != nil {
		t.Fatal(err)
	}
	c.Greet()
	for _, line := range []string{"user alice", "pass wonderland", "dele 1", "quit"} {
		c.Feed(line)
	}
	if msgs := box(l, "alice@mailsim.test"); len(msgs) != 0 {
		t.Fatalf("UPDATE left %+v", msgs)
	}
}
