package imap

import (
	mailstore "mailsim/sim/store"

	"flag"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"mailsim/sim/internal/prototest"
)

var update = flag.Bool("update", false, "rewrite the S: lines of testdata/*.txt from the server's output")

// TestTranscripts plays the IMAP sessions of testdata/*.txt, in the style of
// RFC 3501 §8 (the format is prototest.Transcript's), with these directives:
//
//	! user NAME PASSWORD          create a user
//	! deliver NAME MAILBOX FILE   deliver testdata/FILE into the folder
//	! maxliteral N                Config.MaxLiteral
//	? messages NAME MAILBOX N     the folder holds N messages
//	? flags NAME MAILBOX UID F... the message's flags, in order ("-" for none)
//
// C: lines carry literal octets too.
func TestTranscripts(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no transcripts: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			store := mailstore.New("")
			cfg := Config{Store: store, Hostname: "imap.example.com"}
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
				Check: func(file string, n int, f []string) { check(t, store, file, n, f) },
			}, *update)
		})
	}
}

// setup applies one "!" directive.
func setup(t *testing.T, store *mailstore.Store, cfg *Config, f []string) {
	t.Helper()
	switch {
	case len(f) == 3 && f[0] == "user":
		store.AddUser(f[1], f[2])
	case len(f) == 4 && f[0] == "deliver":
		deliver(t, store, f[1], f[2], f[3])
	case len(f) == 2 && f[0] == "maxliteral":
		n, err := strconv.Atoi(f[1])
		if err != nil {
			t.Fatal(err)
		}
		cfg.MaxLiteral = n
	default:
		t.Fatalf("bad directive %q", f)
	}
}

// check applies one "?" assertion.
func check(t *testing.T, store *mailstore.Store, file string, n int, f []string) {
	t.Helper()
	if len(f) < 4 {
		t.Fatalf("%s:%d: bad assertion %q", file, n, f)
	}
	msgs, err := store.Messages(f[1], f[2])
	if err != nil {
		t.Errorf("%s:%d: %v", file, n, err)
		return
	}
	switch f[0] {
	case "messages":
		if got := strconv.Itoa(len(msgs)); got != f[3] {
			t.Errorf("%s:%d: %s holds %s messages, want %s", file, n, f[2], got, f[3])
		}
	case "flags":
		want := strings.Join(f[4:], " ")
		for _, m := range msgs {
			if strconv.FormatUint(uint64(m.UID), 10) == f[3] {
				got := strings.Join(m.Flags, " ")
				if got == "" {
					got = "-"
				}
				if got != want {
					t.Errorf("%s:%d: UID %s has flags %q, want %q", file, n, f[3], got, want)
				}
				return
			}
		}
		t.Errorf("%s:%d: no UID %s in %s", file, n, f[3], f[2])
	default:
		t.Fatalf("%s:%d: bad assertion %q", file, n, f)
	}
}
