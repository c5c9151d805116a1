package live

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"mailsim/sim"
	"mailsim/sim/wire"
)

// The lab's default addresses: loopback only, and ports above 1024, so that
// the lab runs without root and is not reachable from the network unless the
// instructor says so.
const (
	DefaultSMTPAddr = "127.0.0.1:2525"
	DefaultPOP3Addr = "127.0.0.1:1110"
	DefaultIMAPAddr = "127.0.0.1:1143"
)

// Defaults of Config.
const (
	defaultHistory = 1000
	defaultStorage = 512 << 20 // 512 MiB across all mailboxes
)

// DefaultPregreet is how long DefaultConfig's SMTP port listens for an early
// talker before it greets: long enough for spam software that does not wait,
// short enough that no person notices.
const DefaultPregreet = 300 * time.Millisecond

// Config sets up a lab. The zero value serves nothing; DefaultConfig serves
// every port.
type Config struct {
	SMTPAddr string // where the SMTP port listens; "" or "off" disables it
	POP3Addr string // where the POP3 port listens; "" or "off" disables it
	IMAPAddr string // where the IMAP port listens; "" or "off" disables it
	// SubmissionAddr is where the submission port listens (SMTP where MAIL
	// needs AUTH, RFC 6409); "" or "off" disables it.
	SubmissionAddr string
	// TLS offers STARTTLS (SMTP, IMAP) and STLS (POP3) with a certificate
	// made at start-up, or read from TLSCert and TLSKey (PEM files), which
	// turn TLS on by themselves.
	TLS             bool
	TLSCert, TLSKey string
	Hostname        string           // the servers' name in greetings and Received lines, and the domain of a bare "rcpt to: bob"; default: the first account's domain
	Accounts        []Account        // the lab's users and lists; nil means DefaultAccounts
	MaxSize         int64            // largest message accepted, in octets; 0 means the SMTP machine's 10 MiB
	Storage         int64            // octets all mailboxes may hold together, beyond which mail gets 452; 0 means 512 MiB
	Wire            wire.Options     // timeouts and connection cap of each port; the lab sets Observer itself
	History         int              // events kept for History; 0 means 1000
	Now             func() time.Time // the clock of event times and Date stamps; nil means time.Now
	// Data is the file the lab keeps its mail in, a bbolt database created
	// if missing, so that mail survives a restart; "" keeps the mail in
	// memory only, and it is lost when the lab stops.
	Data string

	// Idle is the idle timeout by protocol ("smtp", "pop3", "imap"), over
	// Wire.IdleTimeout; the protocol's default where neither says.
	Idle map[string]time.Duration
}

// DefaultConfig serves SMTP on DefaultSMTPAddr, POP3 on DefaultPOP3Addr,
// IMAP on DefaultIMAPAddr and submission on DefaultSubmissionAddr with the
// default accounts, each able to start TLS with a certificate made at
// start-up.
func DefaultConfig() Config {
	return Config{SMTPAddr: DefaultSMTPAddr, POP3Addr: DefaultPOP3Addr, IMAPAddr: DefaultIMAPAddr,
		SubmissionAddr: DefaultSubmissionAddr, TLS: true,
		Wire: wire.Options{Pregreet: DefaultPregreet}}
}

// Lab is the running live lab.
type Lab struct {
	cfg      Config
	start    time.Time
	accounts []Account
	store    *store
	hub      *hub
	servers  []*wire.Server
	smtpAddr net.Addr
	pop3Addr net.Addr
	imapAddr net.Addr
	warnings []error
	once     sync.Once

	tls            *tls.Config     // every port's TLS, nil without TLS
	cert           tls.Certificate // the certificate in tls
	submissionAddr net.Addr
	smtpSessions   atomic.Uint64 // SMTP sessions started, for unique CRAM-MD5 challenges

	consoles     map[string]*service // the in-process servers of Console, by protocol
	consoleIDs   atomic.Uint64       // the last console session's number
	consoleCount atomic.Int64        // console sessions open now
	pop3Sessions atomic.Uint64       // POP3 sessions started, for unique APOP timestamps
}

// Start opens the lab's ports. A port that cannot be opened (taken by
// another program, say) is logged and reported by Warnings, and the lab runs
// without it; only an invalid Config is an error.
func Start(cfg Config, log *slog.Logger) (*Lab, error) {
	if cfg.Accounts == nil {
		cfg.Accounts = DefaultAccounts()
	}
	if len(cfg.Accounts) == 0 {
		return nil, errors.New("live: no accounts")
	}
	if i, err := checkAccounts(cfg.Accounts); err != nil {
		return nil, fmt.Errorf("live: account %d: %w", i+1, err)
	}
	if cfg.Hostname == "" {
		// The first account's domain: the lab receives mail for it, and the
		// SMTP machine completes a bare "rcpt to: bob" with this name.
		_, cfg.Hostname, _ = strings.Cut(cfg.Accounts[0].Address, "@")
	}
	if cfg.Storage <= 0 {
		cfg.Storage = defaultStorage
	}
	if cfg.History <= 0 {
		cfg.History = defaultHistory
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if cfg.Wire.Log == nil {
		cfg.Wire.Log = log
	}
	l := &Lab{cfg: cfg, start: cfg.Now(), accounts: sortedAccounts(cfg.Accounts)}
	if err := l.loadTLS(cfg); err != nil {
		return nil, err
	}
	l.store = newStore(cfg.Accounts, cfg.Hostname, cfg.Storage, l.start, cfg.Now)
	l.hub = newHub(cfg.History, cfg.Now)
	if cfg.Data != "" {
		if err := l.openData(cfg.Data, log); err != nil {
			return nil, err
		}
	}

	l.smtpAddr = l.listen(log, cfg.SMTPAddr, l.smtpService(false))
	l.submissionAddr = l.listen(log, cfg.SubmissionAddr, l.smtpService(true))
	l.pop3Addr = l.listen(log, cfg.POP3Addr, l.pop3Service())
	l.imapAddr = l.listen(log, cfg.IMAPAddr, l.imapService())
	l.consoles = map[string]*service{"smtp": l.smtpService(false), "pop3": l.pop3Service(), "imap": l.imapService()}
	return l, nil
}

// listen opens one port for svc; "" and "off" leave it closed, a failure
// becomes a warning. It returns the bound address, or nil.
func (l *Lab) listen(log *slog.Logger, addr string, svc *service) net.Addr {
	if addr == "" || addr == "off" {
		return nil
	}
	opt := l.cfg.Wire
	opt.Observer = svc.observe
	opt.TLS = l.tls
	if d := l.cfg.Idle[svc.proto.Name]; d > 0 {
		opt.IdleTimeout = d
	}
	s, err := wire.Listen(addr, svc.proto, opt)
	if err != nil {
		err = fmt.Errorf("live: %s port %s not opened: %w", svc.proto.Name, addr, err)
		log.Warn("lab port not opened", "proto", svc.proto.Name, "addr", addr, "err", err)
		l.warnings = append(l.warnings, err)
		return nil
	}
	l.servers = append(l.servers, s)
	return s.Addr()
}

// SMTPAddr is the address the SMTP port listens on, or nil when it is not
// open.
func (l *Lab) SMTPAddr() net.Addr { return l.smtpAddr }

// POP3Addr is the address the POP3 port listens on, or nil when it is not
// open.
func (l *Lab) POP3Addr() net.Addr { return l.pop3Addr }

// IMAPAddr is the address the IMAP port listens on, or nil when it is not
// open.
func (l *Lab) IMAPAddr() net.Addr { return l.imapAddr }

// Hostname is the servers' name in greetings and Received lines.
func (l *Lab) Hostname() string { return l.cfg.Hostname }

// Data is the file the lab keeps its mail in, or "" when the mail is in
// memory only.
func (l *Lab) Data() string { return l.cfg.Data }

// Warnings lists the ports that could not be opened.
func (l *Lab) Warnings() []error { return l.warnings }

// Accounts lists the lab's users (with their passwords, which are meant to be
// printed: this is a classroom) and then its lists, each sorted by address.
func (l *Lab) Accounts() []Account { return sortedAccounts(l.accounts) }

// Mailboxes returns a copy of every mailbox, sorted by address.
func (l *Lab) Mailboxes() []*sim.Mailbox { return l.store.snapshot() }

// Subscribe returns a channel of every event from now on and a function
// that ends the subscription. The channel is buffered; a subscriber that
// falls too far behind is dropped (its channel is closed) rather than slow
// the ports, and can catch up from History.
func (l *Lab) Subscribe() (<-chan sim.Event, func()) { return l.hub.subscribe() }

// History returns the latest events, oldest first.
func (l *Lab) History() []sim.Event { return l.hub.history() }

// Shutdown stops the ports (open SMTP sessions get 421, IMAP sessions BYE,
// POP3 sessions close without deleting anything), waits for their connections until ctx ends,
// then closes every subscription and the data file.
func (l *Lab) Shutdown(ctx context.Context) error {
	var errs []error
	l.once.Do(func() {
		var wg sync.WaitGroup
		errs = make([]error, len(l.servers))
		for i, s := range l.servers {
			wg.Go(func() { errs[i] = s.Shutdown(ctx) })
		}
		wg.Wait()
		l.hub.stop()
		errs = append(errs, l.store.disk.close())
	})
	return errors.Join(errs...)
}

// Close is Shutdown with a few seconds' grace.
func (l *Lab) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return l.Shutdown(ctx)
}
