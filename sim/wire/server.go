package wire

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"mailsim/sim/machine"
)

// Defaults of Options, and the fixed timeouts of refusing and closing.
const (
	defaultMaxConns     = 100
	defaultWriteTimeout = time.Minute
	// refusalTimeout bounds the one write to a refused connection, which
	// the accept loop does itself so that refusing costs no goroutine.
	refusalTimeout = time.Second
	// closeGrace is how long Close lets sessions say goodbye before it
	// cuts the remaining connections.
	closeGrace = 5 * time.Second
)

// Options tune a Server. The zero value gives the defaults.
type Options struct {
	IdleTimeout  time.Duration // how long a line may take to arrive; 0: the protocol's default
	WriteTimeout time.Duration // how long one write may block; 0: 1 minute
	MaxConns     int           // connections served at once; 0: 100
	Observer     Observer      // told every connection, line and reply; nil: nobody
	Log          *slog.Logger  // accept failures and recovered panics; nil: discarded
	// TLS is the server's certificate and settings for STARTTLS and STLS;
	// nil: the connection cannot be upgraded, and a machine must not offer
	// it. Versions below TLS 1.2 are never spoken, whatever it says.
	TLS *tls.Config
	// Pregreet is how long the server listens before it greets, for a
	// client that talks first (Postfix postscreen's pregreet test); one
	// that does gets the Protocol's Early reply and is disconnected. 0:
	// greet at once.
	Pregreet time.Duration
	// Pause waits before an answer a machine delays (a failed login);
	// nil: a sleep that Shutdown cuts short. Tests give one that records.
	Pause func(time.Duration)
}

// Server serves one Protocol on one listener: an accept loop plus one
// goroutine per connection, and nothing else.
type Server struct {
	proto Protocol
	opt   Options
	ln    net.Listener
	ids   atomic.Uint64

	stopping   atomic.Bool
	stop       chan struct{} // closed when Shutdown begins
	stopOnce   sync.Once
	acceptDone chan struct{}

	mu    sync.Mutex
	conns map[*conn]struct{}
	wg    sync.WaitGroup // the connection goroutines
}

// Listen binds addr and starts serving p on it. A bind failure, such as a
// port already taken, is returned, so the caller can warn and go on.
func Listen(addr string, p Protocol, opt Options) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	if opt.IdleTimeout <= 0 {
		opt.IdleTimeout = p.Idle
	}
	if opt.WriteTimeout <= 0 {
		opt.WriteTimeout = defaultWriteTimeout
	}
	if opt.MaxConns <= 0 {
		opt.MaxConns = defaultMaxConns
	}
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	s := &Server{proto: p, opt: opt, ln: ln, stop: make(chan struct{}),
		acceptDone: make(chan struct{}), conns: map[*conn]struct{}{}}
	go s.accept()
	return s, nil
}

// Addr is the address the server listens on, with the port the system
// chose when Listen was given port 0.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// accept runs until Shutdown. A failed Accept (too many open files, say) is
// retried with a growing pause instead of ending the service.
func (s *Server) accept() {
	defer close(s.acceptDone)
	var pause time.Duration
	for {
		nc, err := s.ln.Accept()
		if err != nil {
			if s.stopping.Load() || errors.Is(err, net.ErrClosed) {
				return
			}
			pause = min(max(2*pause, 5*time.Millisecond), time.Second)
			s.opt.Log.Warn("accept failed", "proto", s.proto.Name, "err", err, "retry", pause)
			select {
			case <-time.After(pause):
			case <-s.stop:
				return
			}
			continue
		}
		pause = 0
		peer := Peer{ID: s.ids.Add(1), Remote: nc.RemoteAddr()}
		s.mu.Lock()
		full := len(s.conns) >= s.opt.MaxConns
		var c *conn
		if !full {
			c = newConn(s, nc, peer)
			s.conns[c] = struct{}{}
			s.wg.Add(1)
		}
		s.mu.Unlock()
		if full {
			s.refuse(nc, peer)
			continue
		}
		go c.serve()
	}
}

// refuse answers a connection beyond MaxConns with the protocol's refusal
// and closes it without starting a machine.
func (s *Server) refuse(nc net.Conn, peer Peer) {
	r := s.proto.Refusal
	s.observe(Observation{What: Connected, Peer: peer, Proto: s.proto.Name, Replies: []machine.Reply{r}, Refused: true})
	_ = nc.SetWriteDeadline(time.Now().Add(refusalTimeout))
	_, _ = io.WriteString(nc, strings.Join(r.Lines, "\r\n")+"\r\n")
	_ = nc.Close()
	s.observe(Observation{What: Disconnected, Peer: peer, Proto: s.proto.Name, Refused: true, Reason: Refused})
}

func (s *Server) observe(o Observation) {
	if s.opt.Observer != nil {
		s.opt.Observer(o)
	}
}

// Shutdown stops accepting, lets every open session say its goodbye (SMTP's
// 421; POP3 closes without a word and deletes nothing) and waits for the
// connections to end. When ctx ends first, the remaining connections are cut
// and ctx's error is returned once their goroutines are gone.
func (s *Server) Shutdown(ctx context.Context) error {
	s.stopOnce.Do(func() {
		s.stopping.Store(true)
		close(s.stop)
		_ = s.ln.Close()
	})
	<-s.acceptDone
	s.mu.Lock()
	for c := range s.conns {
		c.interrupt()
	}
	s.mu.Unlock()
	done := make(chan struct{})
	go func() {
		s.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		s.mu.Lock()
		for c := range s.conns {
			_ = c.nc.Close()
		}
		s.mu.Unlock()
		<-done
		return ctx.Err()
	}
}

// Close is Shutdown with a few seconds' grace.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), closeGrace)
	defer cancel()
	return s.Shutdown(ctx)
}
