package pop3

import "mailsim/sim/machine"

// Machine returns the server behind the one machine interface that the
// socket adapter and the console serve.
func (s *Server) Machine() machine.Server { return machineServer{s} }

type machineServer struct{ s *Server }

func (m machineServer) Greet() machine.Output { return m.output(m.s.Greet()) }

// Timeout and Shutdown say nothing: RFC 1939 §3 has the server close an idle
// session without a response and without entering UPDATE, so nothing marked
// by DELE is deleted, and a stopping server is no different.
func (m machineServer) Timeout() machine.Output { return machine.Output{Close: true, State: m.State()} }
func (m machineServer) Shutdown() machine.Output {
	return machine.Output{Close: true, State: m.State()}
}

func (m machineServer) Drop()              { m.s.Drop() }
func (m machineServer) State() string      { return m.s.State().String() }
func (m machineServer) Limit() (int, bool) { return MaxCommandLine, false }

// Feed names the line after its verb; a line without a recognised verb (an
// unknown word, a SASL response) is named by the response it got.
func (m machineServer) Feed(line []byte) machine.Output {
	out := m.s.Feed(line)
	r := m.output(out)
	r.Key = out.Key
	if out.Command != "" {
		r.Key = "pop3.cmd." + out.Command
	}
	return r
}

func (m machineServer) output(out Output) machine.Output {
	r := machine.Output{Close: out.Close, State: m.State(), StartTLS: out.StartTLS, Delay: out.Delay}
	if len(out.Lines) > 0 {
		status := "-ERR"
		if out.OK {
			status = "+OK"
		}
		if out.Lines[0] == "+" || len(out.Lines[0]) > 1 && out.Lines[0][:2] == "+ " {
			status = "+"
		}
		r.Replies = []machine.Reply{{Lines: out.Lines, Status: status, Key: out.Key}}
	}
	return r
}
