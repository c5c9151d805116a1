package live

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	gosmtp "github.com/emersion/go-smtp"

	"mailsim/sim/smtp"
	"mailsim/sim/wire"
)

// benchClients is how many connections send at once, each its own goroutine.
const benchClients = 8

// benchMessage is a 4 KB message of 76-character lines, as a mail client
// writes a short text with a small Base64 attachment.
var benchMessage = func() string {
	var b strings.Builder
	b.WriteString("From: alice@mailsim.test\r\nTo: bob@mailsim.test\r\nSubject: bench\r\n\r\n")
	for b.Len() < 4096-78 {
		b.WriteString(strings.Repeat("QUJD", 19) + "\r\n")
	}
	return b.String()
}()

// ingest drives the SMTP server at addr with benchClients persistent
// connections, each pipelining MAIL, RCPT and DATA and then sending the
// text, until n messages have been accepted altogether. Every server gets
// exactly this client, so the rates compare.
func ingest(tb testing.TB, addr string, n int) {
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, benchClients)
	for range benchClients {
		wg.Go(func() {
			c, err := net.Dial("tcp", addr)
			if err != nil {
				errs <- err
				return
			}
			defer c.Close()
			r := bufio.NewReader(c)
			w := bufio.NewWriter(c)
			expect := func(code string) error {
				for {
					l, err := r.ReadString('\n')
					if err != nil {
						return err
					}
					if !strings.HasPrefix(l, code) {
						return fmt.Errorf("got %q, want %s", l, code)
					}
					if l[3] == ' ' {
						return nil
					}
				}
			}
			if err := expect("220"); err != nil {
				errs <- err
				return
			}
			w.WriteString("EHLO bench\r\n")
			w.Flush()
			if err := expect("250"); err != nil {
				errs <- err
				return
			}
			for next.Add(1) <= int64(n) {
				w.WriteString("MAIL FROM:<alice@mailsim.test>\r\nRCPT TO:<bob@mailsim.test>\r\nDATA\r\n")
				w.Flush()
				for _, code := range []string{"250", "250", "354"} {
					if err := expect(code); err != nil {
						errs <- err
						return
					}
				}
				w.WriteString(benchMessage)
				w.WriteString(".\r\n")
				w.Flush()
				if err := expect("250"); err != nil {
					errs <- err
					return
				}
			}
			w.WriteString("QUIT\r\n")
			w.Flush()
			expect("221")
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		tb.Fatal(err)
	}
}

// BenchmarkIngest compares SMTP ingest over loopback: the whole lab (wire,
// machine, store, events), the same with a data file, the wire and machine alone with a backend that
// keeps nothing, and go-smtp's server with a backend that keeps nothing, as
// the reference of a production Go SMTP server.
func BenchmarkIngest(b *testing.B) {
	b.Run("lab", func(b *testing.B) {
		l := startLab(b, func(c *Config) { c.Storage = 16 << 30 })
		run(b, l.SMTPAddr().String())
	})
	// With -data every delivery waits for its commit and fsync; concurrent
	// sessions share one (see persist.go), so this measures the disk.
	b.Run("lab-data", func(b *testing.B) {
		l := startLab(b, func(c *Config) { c.Storage, c.Data = 16<<30, filepath.Join(b.TempDir(), "lab.db") })
		run(b, l.SMTPAddr().String())
	})
	b.Run("wire", func(b *testing.B) {
		s, err := wire.Listen("127.0.0.1:0", wire.SMTP(func(wire.Peer) smtp.Config {
			return smtp.Config{Hostname: "mailsim.test", Backend: discard{}}
		}), wire.Options{})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		run(b, s.Addr().String())
	})
	b.Run("go-smtp", func(b *testing.B) {
		s := gosmtp.NewServer(gosmtp.BackendFunc(func(*gosmtp.Conn) (gosmtp.Session, error) { return goSession{}, nil }))
		s.Domain = "mailsim.test"
		s.ReadTimeout, s.WriteTimeout = 5*time.Minute, time.Minute
		s.MaxMessageBytes, s.MaxRecipients = 10<<20, 100
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			b.Fatal(err)
		}
		go s.Serve(ln)
		defer s.Close()
		run(b, ln.Addr().String())
	})
}

func run(b *testing.B, addr string) {
	b.SetBytes(int64(len(benchMessage)))
	b.ResetTimer()
	start := time.Now()
	ingest(b, addr, b.N)
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "msgs/s")
}

// discard is a Backend that accepts every message and keeps nothing.
type discard struct{}

func (discard) Recipient(string) *smtp.Reply             { return nil }
func (discard) Deliver(smtp.Envelope, []byte) smtp.Reply { return smtp.Queued("0") }

// goSession is go-smtp's equivalent of discard.
type goSession struct{}

func (goSession) Reset()                                 {}
func (goSession) Logout() error                          { return nil }
func (goSession) Mail(string, *gosmtp.MailOptions) error { return nil }
func (goSession) Rcpt(string, *gosmtp.RcptOptions) error { return nil }
func (goSession) Data(r io.Reader) error                 { _, err := io.Copy(io.Discard, r); return err }

// BenchmarkStored10k measures the lab's heap after 10,000 messages of 4 KB
// have been stored, after garbage collection.
func BenchmarkStored10k(b *testing.B) {
	const n = 10000
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		l := startLab(b, nil)
		b.StartTimer()
		ingest(b, l.SMTPAddr().String(), n)
		b.StopTimer()
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		if got := len(box(l, "bob@mailsim.test")); got != n {
			b.Fatalf("stored %d", got)
		}
		grown := float64(after.HeapInuse) - float64(before.HeapInuse)
		b.ReportMetric(grown/(1<<20), "MiB-heap")
		b.ReportMetric(grown/n, "B-heap/msg")
		runtime.KeepAlive(l)
		l.Close()
		b.StartTimer()
	}
}
