package sim_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/sim/dns"
	"mailsim/sim/live"
)

// The lecture's telnet session to Postfix, with the lab's accounts, and a
// POP3 session that reads and deletes what it delivered. A step is what
// one types before the next answer; a step of several lines is message
// text.
var (
	lectureSMTP = [][]string{
		{"mail from: student@mailsim.test"},
		{"rcpt to: alice@mailsim.test"},
		{"data"},
		{"From: Studentu Cutare", "Subject: test", "", "mail de test", "."},
		{"quit"},
	}
	lecturePOP3 = [][]string{{"user alice@mailsim.test"}, {"pass wonderland"}, {"stat"}, {"list"}, {"retr 1"}, {"dele 1"}, {"quit"}}
)

var labZone = func() *dns.Zone {
	z, err := dns.ParseZone("mailsim.test", strings.NewReader("$ORIGIN mailsim.test.\n@ IN A 127.0.0.1\n@ IN MX 10 mailsim.test.\n"))
	if err != nil {
		panic(err)
	}
	return z
}()

// labWorld is the lab as a scenario: the mail server mailsim.test with
// the lab's users, and a PC whose agents type the steps.
func labWorld(t *testing.T) *sim.World {
	t.Helper()
	l := lang.Text{RO: "x", EN: "x"}
	w, err := sim.NewWorld(&sim.Spec{Name: "lab", Title: l, About: l,
		Hosts: []sim.Host{
			{ID: "pc", Name: "pc.mailsim.test", Label: l, Agents: []sim.Agent{
				{ID: "pc.ua", Kind: sim.UA, Label: l}, {ID: "pc.mta", Kind: sim.MTAClient, Label: l}, {ID: "pc.maa", Kind: sim.MAAClient, Label: l}}},
			{ID: "lab", Name: "mailsim.test", Label: l, Agents: []sim.Agent{
				{ID: "lab.mta", Kind: sim.MTAServer, Label: l}, {ID: "lab.maa", Kind: sim.MAAServer, Label: l}, {ID: "lab.ua", Kind: sim.UA, Label: l}}},
		},
		Links: []sim.Link{{A: "pc", B: "lab", Kind: sim.LinkLAN, Latency: time.Millisecond}},
		Zones: []*dns.Zone{labZone},
		Users: []sim.User{
			{Address: "student@mailsim.test", Host: "lab", UA: "lab.ua", Password: "student"},
			{Address: "alice@mailsim.test", Host: "lab", UA: "lab.ua", Password: "wonderland"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// viaWorld runs both sessions in a scenario world.
func viaWorld(t *testing.T) []sim.Event {
	w := labWorld(t)
	return append(w.Script("smtp", "pc.mta", "lab.mta", "student@mailsim.test", lectureSMTP),
		w.Script("pop3", "pc.maa", "lab.maa", "alice@mailsim.test", lecturePOP3)...)
}

func startLab(t *testing.T) *live.Lab {
	t.Helper()
	l, err := live.Start(live.Config{SMTPAddr: "127.0.0.1:0", POP3Addr: "127.0.0.1:0", IMAPAddr: "off",
		Now: func() time.Time { return sim.Epoch }}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

// viaSocket types both sessions on the lab's real ports, each step once
// the lab has published the reply to the last, and returns the events the
// lab published.
func viaSocket(t *testing.T) []sim.Event {
	l := startLab(t)
	events, cancel := l.Subscribe()
	defer cancel()
	var all []sim.Event
	for _, s := range []struct {
		addr  net.Addr
		steps [][]string
	}{{l.SMTPAddr(), lectureSMTP}, {l.POP3Addr(), lecturePOP3}} {
		c, err := net.Dial("tcp", s.addr.String())
		if err != nil {
			t.Fatal(err)
		}
		go io.Copy(io.Discard, bufio.NewReader(c)) // the events are what is compared
		steps := s.steps
		for {
			e := next(t, events)
			all = append(all, e)
			if e.Kind == sim.KindDisconnect {
				break
			}
			if e.Kind != sim.KindReply {
				continue
			}
			if len(steps) == 0 { // the last answer: hang up as telnet does when the server closes
				c.Close()
				continue
			}
			if _, err := io.WriteString(c, strings.Join(steps[0], "\r\n")+"\r\n"); err != nil {
				t.Fatal(err)
			}
			steps = steps[1:]
		}
	}
	return all
}

func next(t *testing.T, events <-chan sim.Event) sim.Event {
	t.Helper()
	select {
	case e := <-events:
		return e
	case <-time.After(10 * time.Second):
		t.Fatal("the lab published nothing for 10 s")
		return sim.Event{}
	}
}

// viaConsole types both sessions in the browser console's sessions, and
// checks that what each step returned is the lab's stream for it.
func viaConsole(t *testing.T) []sim.Event {
	l := startLab(t)
	var all []sim.Event
	for _, s := range []struct {
		proto string
		steps [][]string
	}{{"smtp", lectureSMTP}, {"pop3", lecturePOP3}} {
		c, err := l.Console(s.proto)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, c.Greet().Events...)
		for _, step := range s.steps {
			for _, line := range step {
				all = append(all, c.Feed(line).Events...)
			}
		}
		c.Close()
	}
	if h := l.History(); !slices.EqualFunc(h, all, func(a, b sim.Event) bool { return a == b }) {
		t.Errorf("the console returned %d events, not the %d of the live stream", len(all), len(h))
	}
	return all
}

// perServer are the parts of a line that each server makes its own way:
// the queue ID (a seeded token in a scenario, a count of the run in the
// lab), the POP3 greeting's APOP timestamp, and the Received line a server
// adds to what it stores (RFC 5321 §4.4), naming the client as it knows
// it; so a stored message's size, in POP3's answers, is the server's own.
var (
	perServer = regexp.MustCompile(`queued as \S+|<\d+\.\d+@[^<>]+>|Received: [^\r]*(\r\n\t[^\r]*)*`)
	octets    = regexp.MustCompile(`\b\d{3,}\b`)
)

// ownWay stands for what a server makes its own way: the words before it,
// without the server's own part.
func ownWay(s string) string {
	if strings.HasPrefix(s, "<") {
		return "<…>"
	}
	return s[:strings.LastIndex(s[:min(len(s), 10)], " ")+1] + "…"
}

// view is what the comparison looks at: the session's lines and what they
// did to the mailboxes, each by kind, direction, protocol, line, code,
// state and key.
func view(events []sim.Event) []string {
	var out []string
	for _, e := range events {
		switch e.Kind {
		case sim.KindCommand, sim.KindData, sim.KindReply, sim.KindStore, sim.KindDelete:
			line := perServer.ReplaceAllStringFunc(e.Line, ownWay)
			if e.Proto == "pop3" {
				line = octets.ReplaceAllString(line, "N")
			}
			out = append(out, fmt.Sprintf("%s %s %s %q %d %s %s", e.Kind, e.Dir, e.Proto, line, e.Code, e.State, e.Key))
		}
	}
	return out
}

// TestOneEventBuilder feeds the same sessions through a scenario world, a
// real socket to the live lab and the browser console, and finds the same
// events.
func TestOneEventBuilder(t *testing.T) {
	world, socket, console := view(viaWorld(t)), view(viaSocket(t)), view(viaConsole(t))
	if len(world) < 20 {
		t.Fatalf("the world shows only %d events:\n%s", len(world), strings.Join(world, "\n"))
	}
	for name, got := range map[string][]string{"a real socket": socket, "the console": console} {
		if !slices.Equal(got, world) {
			t.Errorf("%s shows\n%s\n\nthe world\n%s", name, strings.Join(got, "\n"), strings.Join(world, "\n"))
		}
	}
}
