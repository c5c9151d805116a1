package wire

import (
	"time"

	"mailsim/sim/smtp"
)

// SMTP line limits in octets, CRLF included (RFC 5321 §4.5.3.1.4 and
// §4.5.3.1.6). A text line may carry one octet more on the wire: the dot
// that dot-stuffing adds, which the limit does not count.
const (
	SMTPCommandLine = 512
	SMTPTextLine    = 1000
)

// smtpIdle is the server timeout of RFC 5321 §4.5.3.2.7.
const smtpIdle = 5 * time.Minute

// SMTP serves sim/smtp's server machine. config is called once per
// connection, so that a backend can know which peer it serves.
func SMTP(config func(Peer) smtp.Config) Protocol { return smtpProtocol{config} }

type smtpProtocol struct{ config func(Peer) smtp.Config }

func (smtpProtocol) Name() string               { return "smtp" }
func (smtpProtocol) IdleTimeout() time.Duration { return smtpIdle }

// Refusal is Postfix's answer to a client beyond its process limit: 421,
// so that a real client retries later instead of giving up.
func (smtpProtocol) Refusal() Reply {
	return smtpReply(smtp.Reply{Code: 421, Enhanced: "4.7.0", Lines: []string{"Too many connections"}})
}

func (p smtpProtocol) NewSession(peer Peer) Session {
	return smtpSession{smtp.NewServer(p.config(peer))}
}

type smtpSession struct{ m *smtp.Server }

func (s smtpSession) Greet() Result    { return smtpResult(s.m.Greet()) }
func (s smtpSession) Timeout() Result  { return smtpResult(s.m.Timeout()) }
func (s smtpSession) Shutdown() Result { return smtpResult(s.m.Shutdown()) }
func (s smtpSession) Drop()            { s.m.Drop() }
func (s smtpSession) State() string    { return s.m.State().String() }

func (s smtpSession) Limit() (int, bool) {
	if s.m.State() == smtp.Data {
		return SMTPTextLine + 1, true
	}
	return SMTPCommandLine, false
}

func (s smtpSession) Feed(line []byte) Result {
	text := s.m.State() == smtp.Data
	out := s.m.Feed(line)
	r := smtpResult(out)
	r.Key = out.Key()
	switch {
	case text && out.Command == "DATA-END":
		r.Input = TextEnd
	case text:
		r.Input = Text
	}
	return r
}

func smtpResult(out smtp.Output) Result {
	r := Result{Close: out.Close}
	if len(out.Replies) > 0 {
		r.Replies = make([]Reply, len(out.Replies))
		for i, rep := range out.Replies {
			r.Replies[i] = smtpReply(rep)
		}
	}
	return r
}

func smtpReply(r smtp.Reply) Reply {
	return Reply{Lines: r.Wire(), Code: r.Code, Key: r.Key()}
}
