package wire

import (
	"bufio"
	"crypto/tls"
	"time"
)

// handshakeTimeout bounds a TLS handshake after STARTTLS or STLS, so that
// a client that asks for TLS and then says nothing cannot hold the
// connection past it.
const handshakeTimeout = 15 * time.Second

// KeyTLSStart explains the moment a connection's TLS begins, the event
// after which everything on the wire is encrypted.
const KeyTLSStart = "wire.tls.start"

// MinTLSVersion is the oldest TLS the adapter speaks: TLS 1.0 and 1.1 are
// deprecated (RFC 8996) and a lab should not teach them.
const MinTLSVersion = tls.VersionTLS12

// startTLS flushes the machine's "go ahead" reply in clear, forgets every
// octet the client sent after the command, and performs the server's side
// of the handshake, after which the connection reads and writes through
// TLS. The octets forgotten are the injection that CVE-2011-0411 describes:
// a man in the middle appends commands to the client's STARTTLS, and a
// server that kept them in its buffer would run them as if the client had
// sent them inside TLS. It returns how many were forgotten.
func (c *conn) startTLS() (int, error) {
	if err := c.w.Flush(); err != nil {
		return 0, err
	}
	discarded := c.lr.r.Buffered()
	if c.lr.part {
		discarded += c.lr.n
	}
	cfg := c.s.opt.TLS
	if cfg == nil { // a machine offered TLS that this server was not given
		return discarded, errNoTLS
	}
	if cfg.MinVersion < MinTLSVersion {
		cfg = cfg.Clone()
		cfg.MinVersion = MinTLSVersion
	}
	tc := tls.Server(c.nc, cfg)
	_ = c.nc.SetDeadline(time.Now().Add(handshakeTimeout))
	err := tc.Handshake()
	_ = c.nc.SetDeadline(time.Time{})
	if err != nil {
		return discarded, err
	}
	c.tc = tc
	c.w = bufio.NewWriter(deadlineWriter{tc, c.s.opt.WriteTimeout})
	c.lr = newLineReader(flushReader{c})
	return discarded, nil
}

// tlsSummary names what the handshake agreed on, "TLS 1.3
// TLS_AES_128_GCM_SHA256", as a client's connection details show it.
func (c *conn) tlsSummary() []byte {
	st := c.tc.ConnectionState()
	return []byte(tls.VersionName(st.Version) + " " + tls.CipherSuiteName(st.CipherSuite))
}

// rw is what the session reads and writes: the socket, or TLS over it.
func (c *conn) rw() interface{ Read([]byte) (int, error) } {
	if c.tc != nil {
		return c.tc
	}
	return c.nc
}
