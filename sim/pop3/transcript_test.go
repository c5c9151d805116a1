package pop3

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"mailsim/sim/internal/prototest"
)

var update = flag.Bool("update", false, "rewrite the S: lines of testdata/*.txt from the server's output")

// TestTranscripts plays the POP3 sessions of testdata/*.txt (the format is
// prototest.Transcript's), with these directives:
//
//	! user NAME SECRET        create a maildrop
//	! deliver NAME UID FILE   deliver testdata/FILE
//	! filler NAME UID SIZE    deliver a generated message of SIZE octets
//	! timestamp TS            APOP timestamp for the greeting
//	! challenge CH            CRAM-MD5 challenge
//	? stored NAME N           the maildrop NAME holds N messages
func TestTranscripts(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no transcripts: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			store := NewStoreDrop()
			cfg := Config{Maildrop: store}
			prototest.Run(t, file, prototest.Transcript{
				Setup: func(f []string) { setup(t, store, &cfg, f) },
				Start: func() prototest.Machine {
					srv := NewServer(cfg)
					lines := func(out Output) []string { checkOutput(t, out); return out.Lines }
					return prototest.Machine{
						Greet: func() []string { return lines(srv.Greet()) },
						Feed:  func(l []byte) []string { return lines(srv.Feed(l)) },
						State: func() string { return srv.State().String() },
					}
				},
				Check: func(file string, n int, f []string) {
					if len(f) != 3 || f[0] != "stored" {
						t.Fatalf("%s:%d: bad assertion %q", file, n, f)
					}
					if got := len(store.Messages(f[1])); strconv.Itoa(got) != f[2] {
						t.Errorf("%s:%d: %s holds %d messages, want %s", file, n, f[1], got, f[2])
					}
				},
			}, *update)
		})
	}
}

// setup applies one "!" directive.
func setup(t *testing.T, store StoreDrop, cfg *Config, f []string) {
	t.Helper()
	switch {
	case len(f) == 3 && f[0] == "user":
		store.AddUser(f[1], f[2])
	case len(f) == 4 && f[0] == "deliver":
		data, err := os.ReadFile(filepath.Join("testdata", f[3]))
		if err != nil {
			t.Fatal(err)
		}
		if err := store.Deliver(f[1], Message{UID: f[2], Data: data}); err != nil {
			t.Fatal(err)
		}
	case len(f) == 4 && f[0] == "filler":
		size, err := strconv.Atoi(f[3])
		if err != nil {
			t.Fatal(err)
		}
		if err := store.Deliver(f[1], Message{UID: f[2], Data: filler(size)}); err != nil {
			t.Fatal(err)
		}
	case len(f) == 2 && f[0] == "timestamp":
		cfg.Timestamp = f[1]
	case len(f) == 2 && f[0] == "challenge":
		cfg.Challenge = f[1]
	default:
		t.Fatalf("bad directive %q", f)
	}
}

// filler returns a message of exactly size octets counted with CRLF line
// ends (size at least 40), for tests that need a size and not a text.
func filler(size int) []byte {
	head := fmt.Sprintf("Subject: filler of %d octets\r\n\r\n", size)
	var b bytes.Buffer
	b.WriteString(head)
	for left := size - len(head); left > 0; {
		n := min(left, 72) - 2
		if rest := left - (n + 2); rest > 0 && rest < 3 {
			n -= 3
		}
		b.WriteString(strings.Repeat("x", n) + "\r\n")
		left -= n + 2
	}
	return b.Bytes()
}

// checkOutput asserts what holds for every Output: it has an explanation,
// its verb is known and explained, and its lines are well formed.
func checkOutput(t *testing.T, out Output) {
	t.Helper()
	if err := outputProblem(out); err != nil {
		t.Error(err)
	}
}

// outputProblem describes what is wrong with out, or returns nil. The
// fuzz target shares it with the tests.
func outputProblem(out Output) error {
	if len(out.Lines) == 0 {
		return fmt.Errorf("no lines in %+v", out)
	}
	if _, ok := Explanations[out.Key]; !ok {
		return fmt.Errorf("key %q not in Explanations", out.Key)
	}
	if out.Command != "" {
		if _, ok := Explanations["pop3.cmd."+out.Command]; !ok {
			return fmt.Errorf("command %q not in Explanations", out.Command)
		}
	}
	status := out.Lines[0]
	if len(status)+2 > MaxResponseLine {
		return fmt.Errorf("status line of %d octets: %.60q", len(status)+2, status)
	}
	switch {
	case status == "+OK" || strings.HasPrefix(status, "+OK "):
		if !out.OK {
			return fmt.Errorf("+OK with OK false: %q", status)
		}
	case strings.HasPrefix(status, "-ERR "):
		if out.OK || len(out.Lines) != 1 {
			return fmt.Errorf("-ERR with OK or more lines: %q", out.Lines)
		}
	case strings.HasPrefix(status, "+ "):
		if !out.OK || len(out.Lines) != 1 {
			return fmt.Errorf("continuation with OK false or more lines: %q", out.Lines)
		}
	default:
		return fmt.Errorf("status line %q is not +OK, -ERR or +", status)
	}
	if len(out.Lines) > 1 {
		body := out.Lines[1 : len(out.Lines)-1]
		if out.Lines[len(out.Lines)-1] != "." {
			return fmt.Errorf("multi-line answer does not end with \".\": %q", out.Lines)
		}
		for _, l := range body {
			if strings.HasPrefix(l, ".") && !strings.HasPrefix(l, "..") {
				return fmt.Errorf("body line %q not byte-stuffed", l)
			}
		}
	}
	return nil
}
