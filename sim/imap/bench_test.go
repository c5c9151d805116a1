package imap

import (
	mailstore "mailsim/sim/store"

	"bytes"
	"fmt"
	"strings"
	"testing"
)

// filler returns a message of exactly size octets with CRLF line ends
// (size at least 40), for tests that need a size and not a text.
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

// BenchmarkFetch100 measures a session through the machines in memory:
// log in, SELECT a folder of 100 messages of 4 KB, FETCH 1:100 BODY[],
// LOGOUT. After the first iteration the messages are \Seen already, so
// every iteration finds the same store.
func BenchmarkFetch100(b *testing.B) {
	const n, size = 100, 4096
	store := mailstore.New("")
	store.AddUser(testUser, testPass)
	for range n {
		if _, err := store.Deliver(testUser, Inbox, filler(size), testDate, mailstore.Info{}); err != nil {
			b.Fatal(err)
		}
	}
	script := [][]byte{[]byte("a1 LOGIN fred foobar"), []byte("a2 SELECT INBOX"), []byte("a3 FETCH 1:100 BODY[]"), []byte("a4 LOGOUT")}
	b.SetBytes(n * size)
	b.ReportAllocs()
	for b.Loop() {
		srv := NewServer(Config{Store: store})
		srv.Greet()
		for i, line := range script {
			out := srv.Feed(line)
			if i == 2 && len(out.Lines) < n*size/72 {
				b.Fatalf("FETCH answered %d lines", len(out.Lines))
			}
		}
	}
}
