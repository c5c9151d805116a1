package imap

import (
	"strings"

	"mailsim/sim/machine"
)

// Machine returns the server behind the one machine interface that the
// socket adapter and the console serve. A literal is read raw there: the
// Output that announces one says how many octets to read, and they are fed
// as they come, never split into lines.
func (s *Server) Machine() machine.Waiter { return machineServer{s} }

type machineServer struct{ s *Server }

func (m machineServer) Greet() machine.Output    { return m.output(m.s.Greet(), machine.Command) }
func (m machineServer) Timeout() machine.Output  { return m.output(m.s.Timeout(), machine.Command) }
func (m machineServer) Shutdown() machine.Output { return m.output(m.s.Shutdown(), machine.Command) }
func (m machineServer) News() machine.Output     { return m.output(m.s.News(), machine.Command) }
func (m machineServer) Wake() <-chan struct{}    { return m.s.Wake() }
func (m machineServer) Drop()                    { m.s.Drop() }
func (m machineServer) State() string            { return m.s.State().String() }
func (m machineServer) Limit() (int, bool)       { return MaxCommandLine, false }

// Feed takes literal octets while a literal is pending and a line
// otherwise. The line is named after its verb; literal octets and lines
// without a recognised verb by the response they got.
func (m machineServer) Feed(in []byte) machine.Output {
	if m.s.Pending() > 0 {
		r := m.output(m.s.FeedLiteral(in), machine.Literal)
		r.Key = KeyLiteralData
		return r
	}
	out := m.s.Feed(in)
	r := m.output(out, machine.Command)
	r.Key = out.Key
	if out.Command != "" {
		r.Key = "imap.cmd." + out.Command
	}
	return r
}

func (m machineServer) output(out Output, in machine.Input) machine.Output {
	r := machine.Output{Input: in, Close: out.Close, State: m.State(), Literal: m.s.Pending(), StartTLS: out.StartTLS, Delay: out.Delay}
	if len(out.Lines) > 0 {
		r.Replies = []machine.Reply{{Lines: out.Lines, Status: status(out.Lines), Key: out.Key}}
	}
	return r
}

// status is the word that tells how the answer went: the tagged (or last
// untagged) response's OK, NO, BAD or BYE, or "+" for a continuation.
func status(lines []string) string {
	last := lines[len(lines)-1]
	if last == "+" || strings.HasPrefix(last, "+ ") {
		return "+"
	}
	_, rest, _ := strings.Cut(last, " ")
	word, _, _ := strings.Cut(rest, " ")
	return word
}
