package sim

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"mailsim/sim/dns"
)

// Queue timing, after Postfix's defaults scaled for a lecture: a deferred
// message is retried after RetryDelay, and bounced after MaxTries attempts.
const (
	RetryDelay = 5 * time.Minute
	MaxTries   = 4
)

// outgoing is one message in an MTA client's queue with the recipients it
// still has to reach.
type outgoing struct {
	msg   *Message
	rcpts []string
	tries int
}

// enqueue puts a message into an MTA client's queue and starts it if idle.
func (w *World) enqueue(clientID string, o *outgoing) {
	w.queues[clientID] = append(w.queues[clientID], o)
	w.kick(clientID)
}

// kick starts the next SMTP session of an idle MTA client, if it has mail:
// one session per message and destination, trying the destination's mail
// hosts in order.
func (w *World) kick(clientID string) {
	if w.pushing[clientID] || len(w.queues[clientID]) == 0 {
		return
	}
	o := w.queues[clientID][0]
	w.queues[clientID] = w.queues[clientID][1:]
	client := w.agents[clientID]
	rcpts := o.rcpts
	if client.Relay == "" {
		domain := domainOf(o.rcpts[0])
		rcpts = nil
		for _, to := range o.rcpts {
			if domainOf(to) == domain {
				rcpts = append(rcpts, to)
			}
		}
	}
	if len(rcpts) < len(o.rcpts) {
		rest := &outgoing{msg: o.msg, rcpts: without(o.rcpts, rcpts), tries: o.tries}
		w.queues[clientID] = append([]*outgoing{rest}, w.queues[clientID]...)
	}
	w.pushing[clientID] = true
	o = &outgoing{msg: o.msg, rcpts: rcpts, tries: o.tries + 1}
	if client.Relay != "" {
		w.dial(clientID, o, []*Host{w.hosts[client.Relay]})
		return
	}
	w.lookup(clientID, o)
}

// DNSLatency is the time a resolver question or answer takes on the way.
const DNSLatency = 5 * time.Millisecond

// lookup asks DNS where mail for the message's domain goes, putting every
// question and answer on the timeline, then dials the mail hosts in order.
// A domain that does not exist or takes no mail bounces at once.
func (w *World) lookup(clientID string, o *outgoing) {
	domain := domainOf(o.rcpts[0])
	var steps []func() Event
	w.resolver.Trace = func(q dns.Query, a dns.Answer) {
		steps = append(steps,
			func() Event {
				return Event{Kind: KindDNSQuery, From: clientID, To: DNSAgent, Proto: "dns", Dir: Push, Msg: o.msg.ID,
					Line: q.Name + " IN " + string(q.Type), Key: q.Key(), Side: SideClient}
			},
			func() Event {
				var lines []string
				for _, r := range a.Records {
					lines = append(lines, r.String())
				}
				if len(lines) == 0 {
					lines = []string{string(a.Rcode)}
				}
				return Event{Kind: KindDNSAnswer, From: DNSAgent, To: clientID, Proto: "dns", Dir: Push, Msg: o.msg.ID,
					Line: strings.Join(lines, "\r\n"), Key: a.Key, Side: SideServer}
			})
	}
	targets, err := w.resolver.MailHosts(domain)
	w.resolver.Trace = nil
	hosts := w.hostsFor(targets)
	last := len(steps) - 1
	for i, step := range steps {
		w.schedule(time.Duration(i+1)*DNSLatency, func() Event {
			e := step()
			if i == last {
				w.afterLookup(clientID, o, hosts, err)
			}
			return e
		})
	}
}

// afterLookup dials the hosts DNS named, or bounces when the domain cannot
// take mail at all.
func (w *World) afterLookup(clientID string, o *outgoing, hosts []*Host, err error) {
	var le *dns.LookupError
	if errors.As(err, &le) {
		w.pushing[clientID] = false
		refused := map[string]string{}
		for _, to := range o.rcpts {
			refused[to] = fmt.Sprintf("Host or domain name not found. Name service error for name=%s type=%s: %s",
				le.Name, le.Type, le.Err)
		}
		w.settle(clientID, o, nil, refused)
		return
	}
	w.dial(clientID, o, hosts)
}

// mailHosts is the ordered list of hosts that accept mail for a domain,
// looked up without putting the questions on the timeline.
func (w *World) mailHosts(domain string) []*Host {
	targets, _ := w.resolver.MailHosts(domain)
	return w.hostsFor(targets)
}

// hostsFor maps DNS targets to the world's hosts of those names.
func (w *World) hostsFor(targets []dns.Target) []*Host {
	var hosts []*Host
	for _, t := range targets {
		if h := w.byName[strings.TrimSuffix(t.Host, ".")]; h != nil {
			hosts = append(hosts, h)
		}
	}
	return hosts
}

// ConnectTimeout is how long an MTA client waits for a host that is down
// before it tries the next mail host.
const ConnectTimeout = 30 * time.Second

// dial opens a session to the first target that answers. A target that is
// down costs ConnectTimeout and a fault event, then the next one is tried;
// when none is left the message waits in the queue for a retry.
func (w *World) dial(clientID string, o *outgoing, targets []*Host) {
	if len(targets) == 0 {
		w.schedule(0, func() Event {
			w.pushing[clientID] = false
			w.settle(clientID, o, nil, nil)
			return Event{Kind: KindFault, From: clientID, Dir: Push, Proto: "smtp", Msg: o.msg.ID,
				Key: "sim.fault.no-route", Line: domainOf(o.rcpts[0])}
		})
		return
	}
	target := targets[0]
	server := agentOf(target, MTAServer)
	lat := w.latency(w.agentOn[clientID], target.ID)
	if server == nil || lat < 0 || target.Down {
		w.schedule(ConnectTimeout, func() Event {
			w.dial(clientID, o, targets[1:])
			return Event{Kind: KindFault, From: clientID, Dir: Push, Proto: "smtp", Msg: o.msg.ID,
				Key: "sim.fault.connect", Line: target.Name}
		})
		return
	}
	s := &session{w: w, out: o, client: clientID, server: server.ID, lat: lat}
	w.schedule(lat, s.connect)
}

// settle decides the fate of each recipient after a session: delivered ones
// are done, permanently refused ones bounce, and the rest wait for a retry.
// refused maps recipients to the 5xx reply that refused them.
func (w *World) settle(clientID string, o *outgoing, delivered []string, refused map[string]string) {
	var later []string
	for _, to := range o.rcpts {
		switch {
		case contains(delivered, to):
		case refused[to] != "":
			w.bounce(clientID, o.msg, to, refused[to])
		default:
			later = append(later, to)
		}
	}
	if len(later) > 0 {
		w.postpone(clientID, &outgoing{msg: o.msg, rcpts: later, tries: o.tries})
	}
	w.kick(clientID)
}

// postpone waits RetryDelay and puts the message back in the queue, or bounces
// it once it has been tried MaxTries times.
func (w *World) postpone(clientID string, o *outgoing) {
	if o.tries >= MaxTries {
		for _, to := range o.rcpts {
			w.bounce(clientID, o.msg, to, "delivery temporarily suspended: too many failed attempts")
		}
		return
	}
	w.schedule(RetryDelay, func() Event {
		w.enqueue(clientID, o)
		return Event{Kind: KindNote, From: clientID, Dir: Push, Msg: o.msg.ID, Key: "sim.queue.retry",
			Line: strings.Join(o.rcpts, ", ")}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// without returns the items of all that are not in some.
func without(all, some []string) []string {
	var out []string
	for _, x := range all {
		if !contains(some, x) {
			out = append(out, x)
		}
	}
	return out
}

// domainOf returns the lower-case domain of an address.
func domainOf(addr string) string {
	return strings.ToLower(addr[strings.LastIndexByte(addr, '@')+1:])
}
