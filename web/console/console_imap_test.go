package console

import (
	"mailsim/web/webtest"
	"strings"
	"testing"
)

// TestConsoleIMAPSession types an IMAP session in the console: the hint
// asks for a tag, an APPEND's literal is typed line by line with the hint
// counting the octets still wanted, and the message lands in the lab's
// mailbox, where POP3 and the real IMAP port see it too.
func TestConsoleIMAPSession(t *testing.T) {
	srv, l := consoleServer(t)
	conn, _, err := webtest.Dial(t, srv, "/ws/console/imap?lang=en")
	if err != nil {
		t.Fatal(err)
	}
	g := readConsole(t, conn)
	if len(g.Events) != 1 || !strings.HasPrefix(g.Events[0].Line, "* OK [CAPABILITY IMAP4rev1") || g.Events[0].Text == "" {
		t.Fatalf("greeting frame %+v", g)
	}
	if g.Machine.Proto != "imap" || g.Machine.State != "NotAuthenticated" || !strings.Contains(g.Hint, "LOGIN · AUTHENTICATE") ||
		!strings.HasPrefix(g.Hint, tr("en", "console.hint.imap")) {
		t.Errorf("greeting machine %+v, hint %q", g.Machine, g.Hint)
	}
	if f := typeConsole(t, conn, "a1 LOGIN bob hungry"); f.Machine.State != "Authenticated" || !strings.HasPrefix(f.Events[1].Line, "a1 OK") {
		t.Fatalf("LOGIN frame %+v", f)
	}
	// "Hi" and CRLF, then "yo" and CRLF: 8 octets in two typed lines.
	f := typeConsole(t, conn, "a2 APPEND INBOX {8}")
	if len(f.Events) != 2 || f.Events[1].Line != "+ Ready for literal data" || !strings.Contains(f.Hint, "8 octets") {
		t.Fatalf("APPEND frame %+v, hint %q", f, f.Hint)
	}
	if f := typeConsole(t, conn, "Hi"); !strings.Contains(f.Hint, "4 octets") || f.Events[0].Kind != "data" {
		t.Errorf("first literal line: %+v, hint %q", f, f.Hint)
	}
	typeConsole(t, conn, "yo")
	f = typeConsole(t, conn, "")
	if len(f.Events) != 2 || !strings.HasPrefix(f.Events[1].Line, "a2 OK [APPENDUID ") {
		t.Fatalf("end of APPEND: %+v", f)
	}
	if msgs := l.Mailboxes()[1].Messages; l.Mailboxes()[1].Address != "bob@mailsim.test" || len(msgs) != 1 || msgs[0].Raw != "Hi\r\nyo\r\n" {
		t.Errorf("bob's mailbox after APPEND: %+v", l.Mailboxes()[1])
	}
	typeConsole(t, conn, "a3 SELECT INBOX")
	if f := typeConsole(t, conn, "a4 IDLE"); f.Hint != tr("en", "console.hint.idle") {
		t.Errorf("hint in IDLE: %q", f.Hint)
	}
	if f := typeConsole(t, conn, "DONE"); !strings.HasPrefix(f.Events[1].Line, "a4 OK IDLE terminated") || !strings.HasPrefix(f.Hint, tr("en", "console.hint.imap")) {
		t.Errorf("DONE frame %+v", f)
	}
	if f := typeConsole(t, conn, "a5 LOGOUT"); !f.Closed || !strings.HasPrefix(f.Events[1].Line, "* BYE") {
		t.Errorf("LOGOUT frame %+v", f)
	}
}
