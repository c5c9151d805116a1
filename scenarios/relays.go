package scenarios

import (
	"fmt"
	"slices"
	"strings"

	"mailsim/sim"
	"mailsim/sim/smtp"
)

// relayLoop reports mail servers whose MTA clients relay round in a circle
// (x hands all mail to y, y to x): mail for any domain none of them serves
// would go round until smtp.MaxHops stops it, which is never what an
// instructor meant. The error names the agent line that closes the circle,
// the last of the circle's relay= lines in the file.
func relayLoop(file string, spec *sim.Spec, ds []*directive) error {
	// next is where a mail server hands mail it does not keep: the relay
	// of its host's first MTA client, as the world's relay step does. A
	// host without an MTA server takes no mail, so a circle cannot pass it.
	next := map[string]string{}
	via := map[string]string{} // host -> the agent whose relay= it is
	for _, h := range spec.Hosts {
		var server bool
		var client *sim.Agent
		for i, a := range h.Agents {
			server = server || a.Kind == sim.MTAServer
			if a.Kind == sim.MTAClient && client == nil {
				client = &h.Agents[i]
			}
		}
		if server && client != nil && client.Relay != "" {
			next[h.ID], via[h.ID] = client.Relay, client.ID
		}
	}
	line := map[string]int{} // agent ID -> the line that defines it
	for _, d := range ds {
		if d.verb == "agent" && len(d.args) == 1 {
			line[d.args[0]] = d.line
		}
	}
	done := map[string]bool{}
	for _, h := range spec.Hosts {
		path := []string{}
		at := map[string]int{} // host -> index in path
		for x := h.ID; x != "" && !done[x]; x = next[x] {
			if i, seen := at[x]; seen {
				return circle(file, path[i:], via, line)
			}
			at[x] = len(path)
			path = append(path, x)
		}
		for _, x := range path {
			done[x] = true
		}
	}
	return nil
}

// circle words the error for the hosts of one relay circle, in order,
// starting from the host whose relay= line comes last.
func circle(file string, hosts []string, via map[string]string, line map[string]int) error {
	first := 0
	for i, x := range hosts {
		if line[via[x]] > line[via[hosts[first]]] {
			first = i
		}
	}
	names := append(append(slices.Clone(hosts[first:]), hosts[:first]...), hosts[first])
	agent := via[names[0]]
	return &Error{File: file, Line: line[agent], Msg: fmt.Sprintf(
		"agent %s: relay=%s closes a relay loop (%s): mail for a domain none of these hosts serves would go round until it carries %d Received lines; let one of them send direct (no relay=)",
		agent, names[1], strings.Join(names, " → "), smtp.MaxHops)}
}
