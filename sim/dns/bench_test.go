package dns

import "testing"

// BenchmarkMailHosts measures the lecture's MX lookup with the address of
// each exchange, the work the simulation does once per outgoing message.
func BenchmarkMailHosts(b *testing.B) {
	r := testResolver(b)
	for b.Loop() {
		if _, err := r.MailHosts("example.com"); err != nil {
			b.Fatal(err)
		}
	}
}
