package smtp

import "mailsim/sim/machine"

// Machine returns the server behind the one machine interface that the
// socket adapter and the console serve.
func (s *Server) Machine() machine.Server { return machineServer{s} }

type machineServer struct{ s *Server }

func (m machineServer) Greet() machine.Output    { return m.output(m.s.Greet()) }
func (m machineServer) Timeout() machine.Output  { return m.output(m.s.Timeout()) }
func (m machineServer) Shutdown() machine.Output { return m.output(m.s.Shutdown()) }
func (m machineServer) Drop()                    { m.s.Drop() }
func (m machineServer) State() string            { return m.s.State().String() }

// Limit is the text line limit inside DATA, where only CRLF ends a line
// (RFC 5321 §2.3.8), and the command line limit elsewhere. A text line may
// carry one octet more on the wire than the limit counts: the dot that
// dot-stuffing adds.
func (m machineServer) Limit() (int, bool) {
	if m.s.State() == Data {
		return maxTextLine + 1, true
	}
	if m.s.sasl.mech != "" {
		return maxAuthLine, false
	}
	return maxCommandLine, false
}

func (m machineServer) Feed(line []byte) machine.Output {
	text := m.s.State() == Data
	out := m.s.Feed(line)
	r := m.output(out)
	r.Key = out.Key()
	switch {
	case text && out.Command == "DATA-END":
		r.Input = machine.TextEnd
	case text:
		r.Input = machine.Text
	}
	return r
}

func (m machineServer) output(out Output) machine.Output {
	r := machine.Output{Close: out.Close, State: m.s.State().String(), StartTLS: out.StartTLS}
	for _, rep := range out.Replies {
		r.Replies = append(r.Replies, rep.Machine())
	}
	return r
}

// Machine returns the reply in the machine interface's shape.
func (r Reply) Machine() machine.Reply {
	return machine.Reply{Lines: r.Wire(), Code: r.Code, Key: r.Key()}
}
