package smtp

import (
	"strings"
	"testing"
)

// acceptAll is the cheapest backend, so that the benchmark measures the
// machines, not a mailbox.
type acceptAll struct{}

func (acceptAll) Recipient(string) *Reply { return nil }

var queued = Queued("DF94192146")

func (acceptAll) Deliver(Envelope, []byte) Reply { return queued }

// BenchmarkTransaction4KB runs one whole transaction (greeting, EHLO, MAIL,
// RCPT, DATA with a 4 KB message, QUIT) between client and server machines
// in memory per iteration.
func BenchmarkTransaction4KB(b *testing.B) {
	line := strings.Repeat("x", 62) + "\r\n"
	msg := []byte(strings.Repeat(line, 4096/len(line)))
	env := Envelope{From: "ms@elcom.pub.ro", To: []string{"asil@matrix.elcom.pub.ro"}}
	cfg := Config{Hostname: "matrix", Backend: acceptAll{}}
	b.SetBytes(int64(len(msg)))
	b.ReportAllocs()
	for b.Loop() {
		c := NewClient(ClientConfig{Hello: "elcom.pub.ro", EHLO: true}, env, msg)
		converse(c, NewServer(cfg))
		if c.State() != Done {
			b.Fatal("transaction did not finish")
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "transactions/s")
}
