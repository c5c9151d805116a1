package imap

import (
	mailstore "mailsim/sim/store"

	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The test user, as in RFC 3501 §8's example session.
const (
	testUser = "fred"
	testPass = "foobar"
)

// testDate is the internal date of every delivered fixture.
var testDate = time.Date(1996, time.July, 17, 2, 44, 25, 0, time.FixedZone("", -7*3600))

// deliver adds testdata/file to the user's folder.
func deliver(t testing.TB, store *mailstore.Store, user, mailbox, file string) uint32 {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	uid, err := store.Deliver(user, mailbox, data, testDate, mailstore.Info{})
	if err != nil {
		t.Fatal(err)
	}
	return uid
}

// fixtureStore holds the test user with the three fixtures in INBOX.
func fixtureStore(t testing.TB) *mailstore.Store {
	t.Helper()
	store := mailstore.New("")
	store.AddUser(testUser, testPass)
	for _, f := range []string{"rfc3501.eml", "meeting.eml", "homework.eml"} {
		deliver(t, store, testUser, Inbox, f)
	}
	return store
}

// session is a server greeted and, given a script, driven through it,
// failing the test on any answer that is not OK or a continuation.
func session(t testing.TB, store Store, script ...string) *Server {
	t.Helper()
	srv := NewServer(Config{Store: store, Hostname: "imap.example.com"})
	srv.Greet()
	for _, line := range script {
		out := srv.Feed([]byte(line))
		if err := outputProblem(out); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		if last := out.Lines[len(out.Lines)-1]; !strings.Contains(last, " OK ") && !strings.HasPrefix(last, "+") {
			t.Fatalf("%q answered %q", line, out.Lines)
		}
	}
	return srv
}

// converse runs a client against a server in memory, passing lines both
// ways as a connection would, and returns the client lines it sent.
func converse(tb testing.TB, srv *Server, cli *Client) []string {
	tb.Helper()
	var sent []string
	pending := srv.Greet().Lines
	for steps := 0; ; steps++ {
		if steps > 100000 {
			tb.Fatal("conversation does not end")
		}
		var cmds []string
		for _, l := range pending {
			out := cli.Feed(l)
			cmds = append(cmds, out.Lines...)
			if out.Done {
				srv.Drop()
				return sent
			}
		}
		pending = nil
		for _, c := range cmds {
			sent = append(sent, c)
			pending = append(pending, srv.Feed([]byte(c)).Lines...)
		}
	}
}

// checkOutput fails the test when out is malformed.
func checkOutput(t testing.TB, out Output) {
	t.Helper()
	if err := outputProblem(out); err != nil {
		t.Error(err)
	}
}

// outputProblem describes what is wrong with out, or returns nil: its
// keys must be explained, and its octets must be IMAP responses, each
// untagged ("* "), a continuation ("+ ") or a tagged status, with every
// literal holding exactly the octets it announces. Only the last response
// may be tagged. The fuzz target shares it with the tests.
func outputProblem(out Output) error {
	if _, ok := Explanations[out.Key]; !ok {
		return fmt.Errorf("key %q not in Explanations", out.Key)
	}
	if out.Command != "" {
		if _, ok := Explanations["imap.cmd."+out.Command]; !ok {
			return fmt.Errorf("command %q not in Explanations", out.Command)
		}
	}
	if len(out.Lines) == 0 {
		if out.Key != KeyLiteralData && out.Key != KeyLiteralPlus {
			return fmt.Errorf("no lines, key %q", out.Key)
		}
		return nil
	}
	wire := strings.Join(out.Lines, "\r\n") + "\r\n"
	for n := 0; wire != ""; n++ {
		resp, rest, err := nextResponse(wire)
		if err != nil {
			return fmt.Errorf("%v in %q", err, out.Lines)
		}
		wire = rest
		switch {
		case strings.HasPrefix(resp, "* "), strings.HasPrefix(resp, "+ "):
		default:
			tag, status, _ := strings.Cut(resp, " ")
			status, _, _ = strings.Cut(status, " ")
			if tag == "" || strings.ContainsFunc(tag, func(r rune) bool { return r > 0x7e || !isTagChar(byte(r)) }) {
				return fmt.Errorf("response %q is not untagged, continuation or tagged", resp)
			}
			if status != "OK" && status != "NO" && status != "BAD" {
				return fmt.Errorf("tagged response %q is not OK, NO or BAD", resp)
			}
			if wire != "" {
				return fmt.Errorf("tagged response %q is not the last", resp)
			}
		}
	}
	return nil
}

// nextResponse splits the first response off wire octets, skipping the
// octets of its literals, and returns it without its literals' octets.
func nextResponse(wire string) (resp, rest string, err error) {
	var b strings.Builder
	for {
		i := strings.Index(wire, "\r\n")
		if i < 0 {
			return "", "", fmt.Errorf("response without CRLF")
		}
		line := wire[:i]
		wire = wire[i+2:]
		b.WriteString(line)
		n, _, ok := literalMarker([]byte(line))
		if !ok {
			return b.String(), wire, nil
		}
		if n < 0 || n > len(wire) {
			return "", "", fmt.Errorf("literal {%d} with %d octets left", n, len(wire))
		}
		wire = wire[n:]
	}
}

// wireOf joins lines as a connection carries them.
func wireOf(lines []string) string { return strings.Join(lines, "\r\n") + "\r\n" }

// itoa is strconv.Itoa, short for building expected lines.
func itoa(n int) string { return strconv.Itoa(n) }
