package wire

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// readAll splits input with next and returns the lines and long flags.
func readAll(t testing.TB, input []byte, max int, crlfOnly bool) (lines []string, long []bool) {
	lr := newLineReader(bytes.NewReader(input))
	for {
		line, l, err := lr.next(max, crlfOnly)
		if err == io.EOF {
			return lines, long
		}
		if err != nil {
			t.Fatalf("next: %v", err)
		}
		lines = append(lines, string(line))
		long = append(long, l)
	}
}

func TestLineReader(t *testing.T) {
	big := strings.Repeat("x", 5000)
	tests := []struct {
		name     string
		in       string
		max      int
		crlfOnly bool
		lines    []string
		long     []bool
	}{
		{"crlf", "HELO a\r\nQUIT\r\n", 512, false, []string{"HELO a", "QUIT"}, []bool{false, false}},
		{"bare LF ends a command line", "mail from: a@b\nquit\n", 512, false, []string{"mail from: a@b", "quit"}, []bool{false, false}},
		{"no ending is no line", "HELO a\r\nQUI", 512, false, []string{"HELO a"}, []bool{false}},
		{"stray CR stays", "a\rb\r\n", 512, false, []string{"a\rb"}, []bool{false}},
		{"bare LF is text in DATA", "a\nb\r\n.\n\r\n", 1001, true, []string{"a\nb", ".\n"}, []bool{false, false}},
		{"dot after bare LFs does not end", "x\n.\n", 1001, true, nil, nil},
		{"exactly at the limit", strings.Repeat("a", 8) + "\r\n", 10, false, []string{strings.Repeat("a", 8)}, []bool{false}},
		{"one over the limit", strings.Repeat("a", 9) + "\r\nok\r\n", 10, false, []string{strings.Repeat("a", 9), "ok"}, []bool{true, false}},
		{"far over the limit", big + "\r\nok\r\n", 512, false, []string{big[:511], "ok"}, []bool{true, false}},
		{"CR lost in truncation", strings.Repeat("b", 9) + "\r\n", 10, true, []string{strings.Repeat("b", 9)}, []bool{true}},
		{"CRLF across buffer refills", big + "\r\n", 6000, true, []string{big}, []bool{false}},
		{"empty lines", "\r\n\n", 512, false, []string{"", ""}, []bool{false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines, long := readAll(t, []byte(tt.in), tt.max, tt.crlfOnly)
			if strings.Join(lines, "|") != strings.Join(tt.lines, "|") || len(lines) != len(tt.lines) {
				t.Errorf("lines = %q, want %q", lines, tt.lines)
			}
			for i := range min(len(long), len(tt.long)) {
				if long[i] != tt.long[i] {
					t.Errorf("line %d long = %v, want %v", i, long[i], tt.long[i])
				}
			}
		})
	}
}

// TestLineReaderBuffer checks the memory bound: a line of a megabyte is
// consumed with the line buffer never growing past the limit.
func TestLineReaderBuffer(t *testing.T) {
	in := append(bytes.Repeat([]byte("y"), 1<<20), "\r\nnext\r\n"...)
	lr := newLineReader(bytes.NewReader(in))
	line, long, err := lr.next(512, false)
	if err != nil || !long || len(line) != 511 || cap(lr.line) > 512 {
		t.Fatalf("len %d long %v err %v cap %d", len(line), long, err, cap(lr.line))
	}
	if line, _, _ := lr.next(512, false); string(line) != "next" {
		t.Fatalf("after the long line: %q", line)
	}
}

// FuzzLineReader compares the reader with the obvious split of the whole
// input: every line within the limit comes back exactly, every longer one
// as its first max-1 octets, and nothing after the last ending.
func FuzzLineReader(f *testing.F) {
	f.Add([]byte("HELO a\r\nmail from: x\n"), uint16(512), false)
	f.Add([]byte("a\nb\r\n.\n\r\n.\r\n"), uint16(20), true)
	f.Add([]byte("\r\r\n\n\r"), uint16(3), false)
	f.Add(bytes.Repeat([]byte("z\r"), 3000), uint16(1001), true)
	f.Fuzz(func(t *testing.T, in []byte, max16 uint16, crlfOnly bool) {
		max := 3 + int(max16)%2000
		sep := "\n"
		if crlfOnly {
			sep = "\r\n"
		}
		parts := strings.Split(string(in), sep)
		parts = parts[:len(parts)-1] // after the last ending: no line
		lines, long := readAll(t, in, max, crlfOnly)
		if len(lines) != len(parts) {
			t.Fatalf("%d lines, want %d", len(lines), len(parts))
		}
		for i, p := range parts {
			if !crlfOnly {
				p = strings.TrimSuffix(p, "\r")
			}
			if len(lines[i]) > max-1 {
				t.Fatalf("line %d has %d octets, limit %d", i, len(lines[i]), max)
			}
			wantLong := len(p)+2 > max
			if wantLong {
				p = p[:max-1]
			}
			if long[i] != wantLong || lines[i] != p {
				t.Fatalf("line %d = %q long %v, want %q long %v", i, lines[i], long[i], p, wantLong)
			}
		}
	})
}
