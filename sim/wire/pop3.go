package wire

import (
	"time"

	"mailsim/sim/pop3"
)

// pop3Idle is the autologout timer of RFC 1939 §3.
const pop3Idle = 10 * time.Minute

// KeyPOP3TooMany is the explanation key of the POP3 refusal beyond
// Options.MaxConns.
const KeyPOP3TooMany = "wire.pop3.too-many"

// POP3 serves sim/pop3's server machine. config is called once per
// connection, because the APOP timestamp and the CRAM-MD5 challenge must
// differ for every session (RFC 1939 §7, RFC 2195 §2).
func POP3(config func(Peer) pop3.Config) Protocol { return pop3Protocol{config} }

type pop3Protocol struct{ config func(Peer) pop3.Config }

func (pop3Protocol) Name() string               { return "pop3" }
func (pop3Protocol) IdleTimeout() time.Duration { return pop3Idle }

// Refusal uses the SYS/TEMP response code of RFC 3206: the fault is the
// server's and passing, so a client may try again later.
func (pop3Protocol) Refusal() Reply {
	return Reply{Lines: []string{"-ERR [SYS/TEMP] too many connections"}, Key: KeyPOP3TooMany}
}

func (p pop3Protocol) NewSession(peer Peer) Session {
	return pop3Session{pop3.NewServer(p.config(peer))}
}

type pop3Session struct{ m *pop3.Server }

func (s pop3Session) Greet() Result { return pop3Result(s.m.Greet()) }

// Timeout and Shutdown say nothing: RFC 1939 §3 has the server close an idle
// session without a response and without entering UPDATE, so nothing marked
// by DELE is deleted, and a stopping server is no different.
func (s pop3Session) Timeout() Result  { return Result{Close: true} }
func (s pop3Session) Shutdown() Result { return Result{Close: true} }

func (s pop3Session) Drop()              { s.m.Drop() }
func (s pop3Session) State() string      { return s.m.State().String() }
func (s pop3Session) Limit() (int, bool) { return pop3.MaxCommandLine, false }

// Feed names the line after its verb; a line without a recognised verb (an
// unknown word, a SASL response) is named by the response it got.
func (s pop3Session) Feed(line []byte) Result {
	out := s.m.Feed(line)
	r := pop3Result(out)
	r.Key = out.Key
	if out.Command != "" {
		r.Key = "pop3.cmd." + out.Command
	}
	return r
}

func pop3Result(out pop3.Output) Result {
	r := Result{Close: out.Close}
	if len(out.Lines) > 0 {
		r.Replies = []Reply{{Lines: out.Lines, Key: out.Key}}
	}
	return r
}
