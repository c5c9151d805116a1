package sim

import (
	"strings"
	"time"

	"mailsim/sim/machine"
)

// access is what a pull session needs of one access protocol's server and
// client machines (POP3 or IMAP), so that one session type carries both.
type access interface {
	// server is the server machine.
	server() machine.Server
	// drop ends the session, leaving the mailbox as the protocol says a
	// session's end leaves it.
	drop()
	// client feeds one response, its lines, to the client machine and
	// returns the lines it sends next; done when it has nothing more to say.
	client(lines []string) (next []string, done bool)
	messages() [][]byte
}

// pull is one access session from the MAA client beside a user's UA to the
// MAA server on the mailbox's host: the request goes out from the reader's
// side and the mail comes back.
type pull struct {
	w              *World
	proto          string // "pop3" or "imap"
	user           *User
	box            *Mailbox
	client, server string // agent IDs
	lat            time.Duration
	m              access
	b              *Builder
}

// startPull opens a POP3 or IMAP session for a read, or reports why it cannot.
func (w *World) startPull(u *User, box *Mailbox, r *Read) Event {
	proto := cmpOr(r.Via, "pop3")
	fault := Event{Kind: KindFault, From: u.UA, Proto: proto, Dir: Pull, Box: box.Address, Key: "sim.fault.remote-read"}
	client := agentOf(w.hostOf(u.UA), MAAClient)
	server := agentOf(w.hosts[u.Host], MAAServer)
	if client == nil || server == nil {
		return fault
	}
	lat := w.latency(w.agentOn[client.ID], u.Host)
	if lat < 0 || w.hosts[u.Host].Down {
		fault.Key = "sim.fault.connect"
		fault.Line = w.hosts[u.Host].Name
		return fault
	}
	p := &pull{w: w, proto: proto, user: u, box: box, client: client.ID, server: server.ID, lat: lat}
	if proto == "imap" {
		p.m = w.imapAccess(p, r)
	} else {
		p.m = w.pop3Access(p, r)
	}
	p.b = NewBuilder(Peers{Client: p.client, Server: p.server, Proto: proto, Dir: Pull, Box: box.Address}, 0)
	w.schedule(lat, p.connect)
	return Event{Kind: KindNote, From: u.UA, To: client.ID, Proto: proto, Dir: Pull, Box: box.Address, Key: "sim.read." + proto}
}

func cmpOr(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// event fills in what every event of this session shares.
func (p *pull) event(kind Kind, from, to string) Event {
	return Event{Kind: kind, From: from, To: to, Proto: p.proto, Dir: Pull, Box: p.box.Address, State: p.m.server().State()}
}

// connect: the server accepts the connection and greets.
func (p *pull) connect() Event {
	e := p.event(KindConnect, p.client, p.server)
	e.Key = p.proto + ".connect"
	out := p.m.server().Greet()
	p.respond(out, p.b.Said(out))
	return e
}

// respond sends one server answer, as the builder made its events, towards
// the client; out.Close closes the connection after it.
func (p *pull) respond(out machine.Output, replies []Event) {
	for _, e := range replies {
		p.w.schedule(p.lat, func() Event { return p.responseArrives(e, out.Close) })
	}
}

// responseArrives feeds a response to the client machine and sends its next command.
func (p *pull) responseArrives(e Event, closing bool) Event {
	next, done := p.m.client(strings.Split(e.Line, "\r\n"))
	for _, l := range next {
		p.w.schedule(p.lat, func() Event { return p.commandArrives(l) })
	}
	if closing || (done && len(next) == 0) {
		p.w.schedule(0, p.disconnect)
	}
	return e
}

// commandArrives feeds one command line to the server machine.
func (p *pull) commandArrives(line string) Event {
	out := p.m.server().Feed([]byte(line))
	events := p.b.Fed([]byte(line), out)
	p.respond(out, events[1:])
	return events[0]
}

// disconnect closes the connection and hands what was retrieved to the UA.
func (p *pull) disconnect() Event {
	p.m.drop()
	for _, raw := range p.m.messages() {
		p.w.schedule(0, func() Event { return p.w.download(p, raw) })
	}
	e := p.event(KindDisconnect, p.client, p.server)
	e.Key = p.proto + ".disconnect"
	return e
}

// download is the MAA client giving one retrieved message to the user agent,
// which keeps it in a folder on the reader's own system. The message is
// matched to the mailbox's by its header, since a partial fetch brings the
// header and only the start of the text.
func (w *World) download(p *pull, raw []byte) Event {
	u := p.user
	m := &Message{To: []string{u.Address}, Raw: string(raw), Seen: true, Received: u.Address}
	head, _, _ := strings.Cut(m.Raw, "\r\n\r\n")
	for _, orig := range p.w.ever[strings.ToLower(u.Address)] { // UPDATE may have removed it by now
		if strings.HasPrefix(orig.Raw, head+"\r\n\r\n") {
			m.ID, m.From, m.Subject, m.QueueID, m.UID = orig.ID, orig.From, orig.Subject, orig.QueueID, orig.UID
		}
	}
	f := w.folders[u.UA]
	if f == nil {
		f = &Folder{Agent: u.UA, Owner: u.Address}
		w.folders[u.UA] = f
	}
	f.Messages = append(f.Messages, m)
	return Event{Kind: KindFetch, From: p.client, To: u.UA, Proto: p.proto, Dir: Pull, Msg: m.ID, Box: p.box.Address,
		Key: "sim.fetch." + p.proto, Line: "Subject: " + m.Subject}
}
