package sim

import (
	"strings"

	"mailsim/sim/smtp"
)

// script is a client that types steps as a person at telnet does: the
// next step once the answer to the last one is complete. A step of more
// than one line is SMTP message text, ended by ".".
type script struct{ steps [][]string }

// next returns the next step; nil when the script is over.
func (s *script) next() []string {
	if len(s.steps) == 0 {
		return nil
	}
	step := s.steps[0]
	s.steps = s.steps[1:]
	return step
}

// Feed is the SMTP client side: one reply line at a time.
func (s *script) Feed(line string) smtp.ClientOutput {
	if len(line) > 3 && line[3] == '-' { // the reply goes on
		return smtp.ClientOutput{}
	}
	step := s.next()
	return smtp.ClientOutput{Lines: step, Data: len(step) > 1, Done: step == nil}
}

func (s *script) Result() smtp.Result { return smtp.Result{} }

// scripted is an access session whose client is a script.
type scripted struct {
	access
	s *script
}

func (a scripted) client([]string) ([]string, bool) {
	step := a.s.next()
	return step, step == nil
}

func (a scripted) messages() [][]byte { return nil }

// Script runs in w one session of proto ("smtp" or "pop3") from the agent
// client to the agent server, typed as steps, and returns the events of the
// run. user is the envelope sender of an SMTP session (the world's
// messages carry theirs) and the reader of a POP3 session.
func (w *World) Script(proto, client, server, user string, steps [][]string) []Event {
	sc := &script{steps: steps}
	lat := w.latency(w.agentOn[client], w.agentOn[server])
	if proto == "smtp" {
		s := &session{w: w, out: &outgoing{msg: &Message{From: user}}, client: client, server: server, lat: lat, c: sc}
		w.schedule(0, s.connect)
	} else {
		u := w.users[strings.ToLower(user)]
		p := &pull{w: w, proto: proto, user: u, box: w.boxes[strings.ToLower(user)], client: client, server: server, lat: lat}
		p.m = scripted{w.pop3Access(p, &Read{}), sc}
		p.b = NewBuilder(Peers{Client: client, Server: server, Proto: proto, Dir: Pull, Box: p.box.Address}, 0)
		w.schedule(lat, p.connect)
	}
	var events []Event
	for e, ok := w.Step(); ok; e, ok = w.Step() {
		events = append(events, e)
	}
	return events
}
