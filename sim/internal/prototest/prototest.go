// Package prototest holds what the protocol packages' tests share: the
// runner of golden transcript files and the check of an explanation
// catalog. It is imported by tests only.
package prototest

import (
	"bufio"
	"bytes"
	"os"
	"strings"
	"testing"

	"mailsim/lang"
)

// Machine is a server machine as a transcript drives it: each call returns
// the wire lines the machine sends.
type Machine struct {
	Greet func() []string
	Feed  func(line []byte) []string
	State func() string
}

// Transcript says how to run one protocol's transcript files. A file is a
// session as a lecture prints it, plus directives:
//
//	# comment
//	! ...        a setup directive, before the first S: line (Setup)
//	S: line      a line the server must send ("S:" alone: an empty line;
//	             trailing spaces are not compared, as editors strip them)
//	C: line      a line the client sends
//	= State      the server's state at this point
//	? ...        an assertion on the store (Check)
//
// The S: lines before the first C: are the greeting.
type Transcript struct {
	Setup func(fields []string)                   // one "!" line's fields
	Start func() Machine                          // the server, made once the setup is done
	Check func(file string, line int, f []string) // one "?" line's fields
}

// Run plays file against a fresh machine. With update, it rewrites the S:
// lines of the file from what the server sent instead of comparing them.
func Run(t *testing.T, file string, tr Transcript, update bool) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var m *Machine
	var got []string // server lines not yet matched
	var rewritten []string
	expect := func(lines []string) {
		got = lines
		if update {
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
		if m == nil {
			made := tr.Start()
			m = &made
			expect(m.Greet())
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "!"):
			tr.Setup(strings.Fields(line[1:]))
		case strings.HasPrefix(line, "S:"):
			start()
			if update {
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
			expect(m.Feed([]byte(strings.TrimPrefix(strings.TrimPrefix(line, "C:"), " "))))
			continue
		case strings.HasPrefix(line, "="):
			start()
			flush(n)
			if want := strings.TrimSpace(line[1:]); m.State() != want {
				t.Errorf("%s:%d: state %v, want %s", file, n, m.State(), want)
			}
		case strings.HasPrefix(line, "?"):
			start()
			flush(n)
			tr.Check(file, n, strings.Fields(line[1:]))
		case line != "" && !strings.HasPrefix(line, "#"):
			t.Fatalf("%s:%d: unknown line %q", file, n, line)
		}
		rewritten = append(rewritten, line)
	}
	flush(-1)
	if update {
		if err := os.WriteFile(file, []byte(strings.Join(rewritten, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// CheckCatalog fails when a text of c lacks a language, when a key the
// package can produce has no text, when a text is for a key it never
// produces, when the Romanian is the English, or when the Romanian uses
// the cedilla letters ş ţ instead of ș ț. atLeast guards the scan that
// found the producible keys: fewer means the scan is broken.
func CheckCatalog(t *testing.T, c lang.Catalog, produced map[string]bool, atLeast int) {
	t.Helper()
	if missing := c.Missing(); len(missing) > 0 {
		t.Errorf("keys lacking a language: %v", missing)
	}
	if len(produced) < atLeast {
		t.Fatalf("found only %d producible keys; the scan is broken", len(produced))
	}
	for k := range produced {
		if _, ok := c[k]; !ok {
			t.Errorf("producible key %q has no explanation", k)
		}
	}
	for k, text := range c {
		if !produced[k] {
			t.Errorf("explanation %q is for a key the package never produces", k)
		}
		if text.RO == text.EN {
			t.Errorf("%s: Romanian text is the English one", k)
		}
		if strings.ContainsAny(text.RO, "şţŞŢ") {
			t.Errorf("%s: Romanian text uses a cedilla letter: %q", k, text.RO)
		}
	}
}
