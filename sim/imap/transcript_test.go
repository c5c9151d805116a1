package imap

import (
	"bufio"
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the S: lines of testdata/*.txt from the server's output")

// A transcript file is an IMAP session in the style of RFC 3501 §8, plus
// a few directives:
//
//	# comment
//	! user NAME PASSWORD          create a user (before the first S: line)
//	! deliver NAME MAILBOX FILE   deliver testdata/FILE into the folder
//	! maxliteral N                Config.MaxLiteral
//	S: line                       a line the server must send ("S:" alone: an
//	                              empty line; trailing spaces are not compared)
//	C: line                       a line the client sends, literal octets included
//	= State                       the server's state at this point
//	? messages NAME MAILBOX N     the folder holds N messages
//	? flags NAME MAILBOX UID F... the message's flags, in order ("-" for none)
//
// The S: lines before the first C: are the greeting.
func TestTranscripts(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no transcripts: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) { runTranscript(t, file) })
	}
}

func runTranscript(t *testing.T, file string) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	store := NewMemoryStore()
	cfg := Config{Store: store, Hostname: "imap.example.com"}
	var srv *Server
	var got []string // server lines not yet matched
	var rewritten []string
	expect := func(out Output) {
		checkOutput(t, out)
		got = out.Lines
		if *update {
			for _, g := range got {
				rewritten = append(rewritten, strings.TrimRight("S: "+g, " "))
			}
			got = nil
		}
	}
	flush := func(lineNo int) {
		for _, g := range got {
			t.Errorf("%s:%d: unexpected server line %q", file, lineNo, g)
		}
		got = nil
	}
	start := func() {
		if srv == nil {
			srv = NewServer(cfg)
			expect(srv.Greet())
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "!"):
			setup(t, store, &cfg, strings.Fields(line[1:]))
		case strings.HasPrefix(line, "S:"):
			start()
			if *update {
				continue
			}
			want := strings.TrimPrefix(strings.TrimPrefix(line, "S:"), " ")
			if len(got) == 0 {
				t.Errorf("%s:%d: server sent nothing, want %q", file, n, want)
				continue
			}
			if strings.TrimRight(got[0], " ") != want {
				t.Errorf("%s:%d: server sent %q, want %q", file, n, got[0], want)
			}
			got = got[1:]
			continue
		case strings.HasPrefix(line, "C:"):
			start()
			flush(n)
			rewritten = append(rewritten, line)
			expect(srv.Feed([]byte(strings.TrimPrefix(strings.TrimPrefix(line, "C:"), " "))))
			continue
		case strings.HasPrefix(line, "="):
			start()
			flush(n)
			if want := strings.TrimSpace(line[1:]); srv.State().String() != want {
				t.Errorf("%s:%d: state %v, want %s", file, n, srv.State(), want)
			}
		case strings.HasPrefix(line, "?"):
			start()
			flush(n)
			check(t, store, file, n, strings.Fields(line[1:]))
		case line != "" && !strings.HasPrefix(line, "#"):
			t.Fatalf("%s:%d: unknown line %q", file, n, line)
		}
		rewritten = append(rewritten, line)
	}
	flush(-1)
	if *update {
		if err := os.WriteFile(file, []byte(strings.Join(rewritten, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// setup applies one "!" directive.
func setup(t *testing.T, store *MemoryStore, cfg *Config, f []string) {
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
func check(t *testing.T, store *MemoryStore, file string, n int, f []string) {
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
