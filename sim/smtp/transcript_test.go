package smtp

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// transcriptConfig is the server every golden transcript talks to: Postfix's
// banner and size limit on the lecture's host, with VRFY and EXPN answers.
func transcriptConfig(b *testBackend) Config {
	return Config{
		Hostname: "matrix",
		Banner:   "ESMTP Postfix (Ubuntu)",
		MaxSize:  10240000,
		Backend:  listBackend{b},
	}
}

// replay feeds a golden transcript's "C:" lines to a fresh server and
// returns the transcript the server actually produced, in the same form.
// Lines starting with "#" are comments.
func replay(t *testing.T, path string, b *testBackend) (want, got []string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := NewServer(transcriptConfig(b))
	for _, w := range wire(s.Greet()) {
		got = append(got, "S: "+w)
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		want = append(want, line)
		if in, ok := strings.CutPrefix(line, "C:"); ok {
			in = strings.TrimPrefix(in, " ")
			got = append(got, "C: "+in)
			for _, w := range wire(s.Feed([]byte(in))) {
				got = append(got, "S: "+w)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	// Golden files may lose the trailing space of "C: " for an empty line.
	for i := range want {
		if want[i] == "C:" {
			want[i] = "C: "
		}
	}
	return want, got
}

func TestTranscripts(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no transcripts: %v", err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			want, got := replay(t, path, newBackend())
			n := max(len(want), len(got))
			for i := range n {
				var w, g string
				if i < len(want) {
					w = want[i]
				}
				if i < len(got) {
					g = got[i]
				}
				if w != g {
					t.Fatalf("line %d:\nwant %q\ngot  %q\nwhole transcript:\n%s", i+1, w, g, strings.Join(got, "\n"))
				}
			}
		})
	}
}

// TestLectureDelivery checks what the lecture's session leaves in the
// mailbox: the envelope as typed and the text with CRLF line ends.
func TestLectureDelivery(t *testing.T) {
	b := newBackend()
	replay(t, "testdata/lecture_postfix.txt", b)
	if len(b.msgs) != 1 {
		t.Fatalf("delivered %d messages, want 1", len(b.msgs))
	}
	m := b.msgs[0]
	if m.env.From != "ms@elcom.pub.ro" || len(m.env.To) != 1 || m.env.To[0] != "asil@matrix.elcom.pub.ro" {
		t.Errorf("envelope = %+v", m.env)
	}
	if want := "From: Studentu Cutare\r\nSubject: test\r\n\r\nmail de test\r\n"; m.data != want {
		t.Errorf("data = %q, want %q", m.data, want)
	}
}
