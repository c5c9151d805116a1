package live

import (
	"crypto/tls"
	"fmt"
	"net"
	"time"

	"mailsim/sim/smtp"
	"mailsim/sim/wire"
)

// DefaultSubmissionAddr is where the lab's message submission port listens
// (RFC 6409's 587, moved above 1024 as the other ports are).
const DefaultSubmissionAddr = "127.0.0.1:5587"

// loadTLS makes the lab's certificate, or reads it from cfg's files, and
// the TLS configuration of every port. Without TLS in cfg it does nothing.
func (l *Lab) loadTLS(cfg Config) error {
	if !cfg.TLS && cfg.TLSCert == "" && cfg.TLSKey == "" {
		return nil
	}
	var cert tls.Certificate
	var err error
	switch {
	case cfg.TLSCert == "" && cfg.TLSKey == "":
		// The real clock, not the lab's: clients check the dates
		// against their own.
		cert, err = wire.SelfSigned(cfg.Hostname, time.Now())
	case cfg.TLSCert == "" || cfg.TLSKey == "":
		return fmt.Errorf("live: a TLS certificate needs both its file and its key's (-tls-cert and -tls-key)")
	default:
		cert, err = tls.LoadX509KeyPair(cfg.TLSCert, cfg.TLSKey)
	}
	if err != nil {
		return fmt.Errorf("live: TLS certificate: %w", err)
	}
	l.cert, l.tls = cert, wire.ServerTLS(cert)
	return nil
}

// canTLS says whether a session can be upgraded to TLS: when the lab has a
// certificate, on a real socket (a console session has no connection to
// encrypt).
func (l *Lab) canTLS(p wire.Peer) bool {
	return l.tls != nil && p.Remote.Network() != consoleNetwork
}

// smtpAuth lets an SMTP session log in with the lab's accounts. PLAIN and
// LOGIN, which carry the password in clear base64, are offered outside TLS
// only to a client on this machine (loopback, or the browser console),
// whose bytes no one else on the network sees; the login's reply then
// says what crossed.
func (l *Lab) smtpAuth(cfg *smtp.Config, p wire.Peer, c *connState) {
	cfg.TLS = l.canTLS(p)
	cfg.Auth = maildrop{l, c} // the same accounts, resolved as POP3 resolves them
	cfg.ClearAuth = p.Remote.Network() == consoleNetwork || loopback(p.Remote)
	cfg.Challenge = fmt.Sprintf("<smtp.%d.%d@%s>", l.smtpSessions.Add(1), l.start.Unix(), l.cfg.Hostname)
}

// loopback reports an address on this machine.
func loopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// Fingerprint is the SHA-256 fingerprint of the lab's certificate, as a
// client shows it, or "" when the lab offers no TLS.
func (l *Lab) Fingerprint() string {
	if l.tls == nil {
		return ""
	}
	return wire.Fingerprint(l.cert)
}

// CertPEM is the lab's certificate in PEM form, for a client's trusted
// roots (curl --cacert), or nil when the lab offers no TLS.
func (l *Lab) CertPEM() []byte {
	if l.tls == nil {
		return nil
	}
	return wire.PEM(l.cert)
}

// SubmissionAddr is the address the submission port listens on, or nil
// when it is not open.
func (l *Lab) SubmissionAddr() net.Addr { return l.submissionAddr }
