// Command mailsim serves the e-mail protocol simulator as a web app, and
// lists scenarios or prints their transcripts for slides.
//
//	mailsim [-addr 127.0.0.1:8080] [-allow-host NAME] [-smtp 127.0.0.1:2525] [-pop3 127.0.0.1:1110] [-imap 127.0.0.1:1143]
//	        [-submission 127.0.0.1:5587] [-tls-cert FILE -tls-key FILE] [-accounts FILE] [-data FILE] [-scenarios DIR] [-lessons DIR]
//	                                                    serve the web app and the lab's real ports
//	mailsim scenarios [-scenarios DIR]                   list the scenarios
//	mailsim transcript [-lang ro|en] [-scenarios DIR] NAME   print a scenario's trace
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"mailsim/class/share"
	"mailsim/lang"
	"mailsim/lessons"
	"mailsim/scenarios"
	"mailsim/sim"
	"mailsim/sim/live"
	"mailsim/sim/wire"
	"mailsim/web"

	"github.com/nats-io/nats.go"
)

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	args := os.Args[1:]
	cmd := "serve"
	if len(args) > 0 && (args[0] == "scenarios" || args[0] == "transcript") {
		cmd, args = args[0], args[1:]
	}
	fs := flag.NewFlagSet("mailsim "+cmd, flag.ExitOnError)
	dir := fs.String("scenarios", "", "directory of extra *.scn scenario files that add to or override the built-in ones")
	addr := fs.String("addr", "127.0.0.1:8080", "address the web app listens on (serve)")
	language := fs.String("lang", "en", "language of the transcript: ro or en (transcript)")
	smtpAddr := fs.String("smtp", live.DefaultSMTPAddr, `address of the lab's real SMTP port, or "off" (serve)`)
	pop3Addr := fs.String("pop3", live.DefaultPOP3Addr, `address of the lab's real POP3 port, or "off" (serve)`)
	imapAddr := fs.String("imap", live.DefaultIMAPAddr, `address of the lab's real IMAP port, or "off" (serve)`)
	submission := fs.String("submission", live.DefaultSubmissionAddr, `address of the lab's submission port, where MAIL needs AUTH, or "off" (serve)`)
	tlsCert := fs.String("tls-cert", "", "PEM certificate for STARTTLS and STLS instead of the self-signed one made at start-up; needs -tls-key (serve)")
	tlsKey := fs.String("tls-key", "", "PEM private key of -tls-cert (serve)")
	accounts := fs.String("accounts", "", "file of lab accounts, one 'address password' a line (serve)")
	idle := map[string]*time.Duration{
		"smtp": fs.Duration("smtp-idle", wire.SMTPIdle, "how long the lab's SMTP port waits for a silent client before 421 (serve)"),
		"pop3": fs.Duration("pop3-idle", wire.POP3Idle, "how long the lab's POP3 port waits for a silent client before it closes (serve)"),
		"imap": fs.Duration("imap-idle", wire.IMAPIdle, "how long the lab's IMAP port waits for a silent client before BYE (serve)"),
	}
	pregreet := fs.Duration("pregreet", live.DefaultPregreet, "how long the lab's SMTP port listens for a client that talks before the greeting; 0: greet at once (serve)")
	var allow web.Hosts
	fs.Var(&allow, "allow-host", "a further host name the web app answers to, besides loopback and the -addr host; repeatable (serve)")
	data := fs.String("data", "", "file that keeps the lab's mail across restarts, created if missing; without it mail is lost on exit (serve)")
	lessonsDir := fs.String("lessons", "", "directory with ro/ and en/ of extra NN-slug.md lesson files that add to or override the built-in ones (serve)")
	natsURL := fs.String("nats", "", "NATS server URL (nats://host:4222) through which several mailsim instances behind one load balancer share their classes; without it this instance holds its classes alone (serve)")
	fs.Parse(args)

	lib, errs := scenarios.Load(*dir)
	for _, err := range errs {
		log.Warn("scenario skipped", "err", err)
	}
	var err error
	switch cmd {
	case "scenarios":
		err = list(os.Stdout, lib)
	case "transcript":
		err = transcript(os.Stdout, lib, fs.Args(), *language)
	default:
		cfg := live.DefaultConfig()
		cfg.SMTPAddr, cfg.POP3Addr, cfg.IMAPAddr = *smtpAddr, *pop3Addr, *imapAddr
		cfg.SubmissionAddr, cfg.TLSCert, cfg.TLSKey = *submission, *tlsCert, *tlsKey
		cfg.Data = *data
		if err = timeouts(&cfg, idle, *pregreet); err != nil {
			break
		}
		if *accounts != "" {
			if cfg.Accounts, err = live.LoadAccountsFile(*accounts); err != nil {
				break
			}
		}
		set, errs := lessons.Load(lib, *lessonsDir)
		for _, err := range errs {
			log.Warn("lesson skipped", "err", err)
		}
		o := web.Options{Addr: *addr, AllowHosts: allow, Lessons: set}
		if *natsURL != "" {
			nc, nerr := nats.Connect(*natsURL, nats.Name("mailsim"), nats.MaxReconnects(-1))
			if nerr != nil {
				err = fmt.Errorf("-nats %s: %w", *natsURL, nerr)
				break
			}
			defer nc.Close()
			o.Classes = share.New(nc)
			log.Info("sharing classes over NATS", "url", *natsURL)
		}
		err = serve(o, lib, cfg, log)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "mailsim:", err)
		os.Exit(1)
	}
}

// timeouts sets the lab's idle timeouts by protocol, and its pregreet
// moment, from the flags; a timeout that is not positive is refused, since
// it would close every session at once.
func timeouts(cfg *live.Config, idle map[string]*time.Duration, pregreet time.Duration) error {
	if pregreet < 0 {
		return fmt.Errorf("-pregreet %v: give 0 or a positive duration, such as 300ms", pregreet)
	}
	cfg.Wire.Pregreet = pregreet
	cfg.Idle = map[string]time.Duration{}
	for proto, d := range idle {
		if *d <= 0 {
			return fmt.Errorf("-%s-idle %v: give a positive duration, such as 90s", proto, *d)
		}
		cfg.Idle[proto] = *d
	}
	return nil
}

// list prints each scenario's name and English title.
func list(out io.Writer, lib *scenarios.Library) error {
	for _, s := range lib.List() {
		if _, err := fmt.Fprintf(out, "%-20s %s\n", s.Name, s.Title.EN); err != nil {
			return err
		}
	}
	return nil
}

// transcript prints one scenario's whole trace, told in the language asked.
func transcript(out io.Writer, lib *scenarios.Library, args []string, code string) error {
	if len(args) != 1 {
		return errors.New("transcript takes one scenario name; 'mailsim scenarios' lists them")
	}
	l, ok := lang.Parse(code)
	if !ok {
		return fmt.Errorf("-lang %q: use ro or en", code)
	}
	spec, ok := lib.Get(args[0])
	if !ok {
		return fmt.Errorf("no scenario %q; 'mailsim scenarios' lists them", args[0])
	}
	spec = spec.In(l) // its messages in the transcript's language too
	events, err := sim.Run(spec, sim.EventLimit)
	if err != nil {
		return err
	}
	return sim.WriteTranscript(out, spec, events, l)
}

// serve runs the web app and the lab's ports until SIGINT or SIGTERM, then
// closes the lab's sessions and lets open requests finish.
func serve(o web.Options, lib *scenarios.Library, cfg live.Config, log *slog.Logger) error {
	addr := o.Addr
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	lab, err := live.Start(cfg, log)
	if err != nil {
		ln.Close()
		return err
	}
	srv := web.NewServer(addr, web.NewWith(lib, lab, log, o))
	fmt.Printf("mailsim is serving %d scenarios at http://%s/\n", len(lib.List()), ln.Addr())
	printLab(os.Stdout, lab)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	log.Info("stopping")
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := lab.Shutdown(shutdown); err != nil {
		log.Warn("closing the lab", "err", err)
	}
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// printLab tells how to reach the lab's real ports, as the lecture's telnet
// demonstration does, and with which accounts; for IMAP it gives a first
// command that reads the first user's first message (UID 1 of INBOX).
func printLab(out io.Writer, l *live.Lab) {
	for _, p := range []struct {
		name string
		addr net.Addr
	}{{"SMTP", l.SMTPAddr()}, {"POP3", l.POP3Addr()}, {"IMAP", l.IMAPAddr()}} {
		if p.addr == nil {
			fmt.Fprintf(out, "lab %s port: off\n", p.name)
			continue
		}
		host, port, _ := net.SplitHostPort(p.addr.String())
		fmt.Fprintf(out, "lab %s port: telnet %s %s\n", p.name, host, port)
		if p.name == "IMAP" {
			if u := firstUser(l.Accounts()); u != nil {
				fmt.Fprintf(out, "  read: curl 'imap://%s:%s@%s/INBOX;UID=1'\n",
					strings.ReplaceAll(u.Address, "@", "%40"), u.Password, p.addr)
			}
		}
	}
	if addr := l.SubmissionAddr(); addr != nil {
		fmt.Fprintf(out, "lab submission port (AUTH required): %s\n", addr)
	} else {
		fmt.Fprintln(out, "lab submission port: off")
	}
	if fp := l.Fingerprint(); fp != "" {
		fmt.Fprintf(out, "lab TLS certificate SHA-256 fingerprint: %s\n", fp)
		if addr := l.SMTPAddr(); addr != nil {
			fmt.Fprintf(out, "  check: openssl s_client -starttls smtp -connect %s\n", addr)
		}
	}
	if l.Data() != "" {
		fmt.Fprintf(out, "lab mail: kept in %s, so it survives a restart\n", l.Data())
	} else {
		fmt.Fprintln(out, "lab mail: in memory only, lost when mailsim exits (-data FILE keeps it)")
	}
	fmt.Fprintln(out, "lab accounts:")
	for _, a := range l.Accounts() {
		if a.IsList() {
			fmt.Fprintf(out, "  %-24s list of %s\n", a.Address, strings.Join(a.Members, ", "))
		} else {
			fmt.Fprintf(out, "  %-24s password %s%s\n", a.Address, a.Password, utf8Note(a.Address))
		}
	}
}

// utf8Note tells, beside an address with diacritics, that a client must
// send to it with SMTPUTF8.
func utf8Note(addr string) string {
	for _, r := range addr {
		if r >= utf8.RuneSelf {
			return "  (MAIL FROM:<...> SMTPUTF8)"
		}
	}
	return ""
}

// firstUser is the first account that is not a list, or nil.
func firstUser(accts []live.Account) *live.Account {
	for i := range accts {
		if !accts[i].IsList() {
			return &accts[i]
		}
	}
	return nil
}
