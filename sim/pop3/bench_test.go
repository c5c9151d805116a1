package pop3

import (
	"strconv"
	"testing"
)

// BenchmarkRetr100 measures a whole client session against a server in
// memory: log in, STAT, LIST, then RETR 100 messages of 4 KB each, QUIT.
// The client keeps the mail, so every iteration finds the same maildrop.
func BenchmarkRetr100(b *testing.B) {
	const n, size = 100, 4096
	store := NewStoreDrop()
	store.AddUser(lectureUser, lecturePass)
	for i := range n {
		if err := store.Deliver(lectureUser, Message{UID: "m" + strconv.Itoa(i), Data: filler(size)}); err != nil {
			b.Fatal(err)
		}
	}
	cfg := ClientConfig{User: lectureUser, Password: lecturePass, Keep: true}
	b.SetBytes(n * size)
	b.ReportAllocs()
	for b.Loop() {
		cli := NewClient(cfg)
		converse(b, NewServer(Config{Maildrop: store}), cli)
		if len(cli.Messages()) != n {
			b.Fatalf("retrieved %d messages: %v", len(cli.Messages()), cli.Err())
		}
	}
}
