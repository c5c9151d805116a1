package sim

import (
	"fmt"
	"strings"
	"time"

	"mailsim/sim/pop3"
)

// pull is one POP3 session from the MAA client beside a user's UA to the MAA
// server on the mailbox's host: the request goes out from the reader's side
// and the mail comes back.
type pull struct {
	w              *World
	user           *User
	box            *Mailbox
	client, server string // agent IDs
	lat            time.Duration
	c              *pop3.Client
	s              *pop3.Server
}

// startPull opens a POP3 session for a read, or reports why it cannot.
func (w *World) startPull(u *User, box *Mailbox, r *Read) Event {
	fault := Event{Kind: KindFault, From: u.UA, Proto: "pop3", Dir: Pull, Box: box.Address, Key: "sim.fault.remote-read"}
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
	p := &pull{w: w, user: u, box: box, client: client.ID, server: server.ID, lat: lat,
		c: pop3.NewClient(pop3.ClientConfig{User: u.Address, Password: u.Password, APOP: r.APOP, Keep: r.Keep})}
	w.schedule(lat, p.connect)
	return Event{Kind: KindNote, From: u.UA, To: client.ID, Proto: "pop3", Dir: Pull, Box: box.Address, Key: "sim.read.pop3"}
}

// event fills in what every event of this session shares.
func (p *pull) event(kind Kind, from, to string) Event {
	return Event{Kind: kind, From: from, To: to, Proto: "pop3", Dir: Pull, Box: p.box.Address, State: p.s.State().String()}
}

// connect: the server accepts the connection and greets, with an APOP
// timestamp made from the world's clock and random source.
func (p *pull) connect() Event {
	w := p.w
	host := w.hostOf(p.server).Name
	p.s = pop3.NewServer(pop3.Config{Hostname: host, Maildrop: maildrop{p},
		Timestamp: fmt.Sprintf("<%d.%d@%s>", 1000+w.rng.IntN(9000), Epoch.Add(w.now).Unix(), host)})
	e := p.event(KindConnect, p.client, p.server)
	e.Key = "pop3.connect"
	p.respond(p.s.Greet())
	return e
}

// respond sends one server output towards the client.
func (p *pull) respond(out pop3.Output) {
	state := p.s.State().String()
	p.w.schedule(p.lat, func() Event { return p.responseArrives(out, state) })
}

// responseArrives feeds a response to the client machine and sends its next command.
func (p *pull) responseArrives(out pop3.Output, state string) Event {
	var next pop3.ClientOutput
	for _, l := range out.Lines {
		next = p.c.Feed(l)
	}
	for _, l := range next.Lines {
		p.w.schedule(p.lat, func() Event { return p.commandArrives(l) })
	}
	if out.Close || (next.Done && len(next.Lines) == 0) {
		p.w.schedule(0, p.disconnect)
	}
	e := p.event(KindReply, p.server, p.client)
	e.Line, e.State, e.Key = strings.Join(out.Lines, "\r\n"), state, out.Key
	return e
}

// commandArrives feeds one command line to the server machine.
func (p *pull) commandArrives(line string) Event {
	out := p.s.Feed([]byte(line))
	p.respond(out)
	e := p.event(KindCommand, p.client, p.server)
	e.Line, e.Key = line, "pop3.cmd."+out.Command
	return e
}

// disconnect closes the connection and hands what was retrieved to the UA.
func (p *pull) disconnect() Event {
	p.s.Drop()
	for _, raw := range p.c.Messages() {
		p.w.schedule(0, func() Event { return p.w.download(p.client, p.user, p.box, raw) })
	}
	e := p.event(KindDisconnect, p.client, p.server)
	e.Key = "pop3.disconnect"
	return e
}

// download is the MAA client giving one retrieved message to the user agent,
// which keeps it in a folder on the reader's own system.
func (w *World) download(client string, u *User, box *Mailbox, raw []byte) Event {
	m := &Message{To: []string{u.Address}, Raw: string(raw), Seen: true, Received: u.Address}
	for _, orig := range box.Messages {
		if orig.Raw == m.Raw {
			m.ID, m.From, m.Subject, m.QueueID, m.UID = orig.ID, orig.From, orig.Subject, orig.QueueID, orig.UID
		}
	}
	f := w.folders[u.UA]
	if f == nil {
		f = &Folder{Agent: u.UA, Owner: u.Address}
		w.folders[u.UA] = f
	}
	f.Messages = append(f.Messages, m)
	return Event{Kind: KindFetch, From: client, To: u.UA, Proto: "pop3", Dir: Pull, Msg: m.ID,
		Key: "sim.fetch.pop3", Line: "Subject: " + m.Subject}
}

// maildrop lets a POP3 server session work on a world mailbox. Deletions
// are marked here and shown as events, in the UPDATE state only.
type maildrop struct{ p *pull }

func (d maildrop) user(name string) *User {
	u := d.p.w.users[strings.ToLower(name)]
	if u == nil || u.Host != d.p.w.agentOn[d.p.server] {
		return nil
	}
	return u
}

// Secret returns the password of a user whose mailbox is on this server.
func (d maildrop) Secret(name string) (string, bool) {
	if u := d.user(name); u != nil {
		return u.Password, true
	}
	return "", false
}

// Lock takes the mailbox for this session.
func (d maildrop) Lock(name string) bool {
	key := strings.ToLower(name)
	if d.p.w.locked[key] {
		return false
	}
	d.p.w.locked[key] = true
	return true
}

// Unlock releases the mailbox.
func (d maildrop) Unlock(name string) { delete(d.p.w.locked, strings.ToLower(name)) }

// Messages lists the mailbox's messages that are not deleted.
func (d maildrop) Messages(name string) []pop3.Message {
	var out []pop3.Message
	for _, m := range d.p.w.boxes[strings.ToLower(name)].Messages {
		if !m.Deleted {
			out = append(out, pop3.Message{UID: m.UID, Data: []byte(m.Raw)})
		}
	}
	return out
}

// Delete removes messages from the mailbox, each as its own event.
func (d maildrop) Delete(name string, uids []string) error {
	w := d.p.w
	box := w.boxes[strings.ToLower(name)]
	for _, m := range box.Messages {
		if contains(uids, m.UID) {
			w.schedule(0, func() Event {
				m.Deleted = true
				return Event{Kind: KindDelete, From: d.p.server, Proto: "pop3", Dir: Pull, Box: box.Address, Msg: m.ID, Key: "sim.delete"}
			})
		}
	}
	return nil
}
