package sim

import (
	"strings"
	"testing"
	"time"

	"mailsim/lang"
	"mailsim/sim/dns"
	"mailsim/sim/smtp"
)

// relayLoop is two mail servers that relay to each other, a mistake that
// package scenarios refuses at load time; built by hand it shows that the
// world still stops the loop. Alice's PC hands mail to x; her mailbox is on x.
func relayLoop() *Spec {
	l := lang.Text{RO: "x", EN: "x"}
	return &Spec{
		Name: "loop", Title: l, About: l,
		Hosts: []Host{
			{ID: "a", Name: "pc.x.example", Label: l, Agents: []Agent{{ID: "a.ua", Kind: UA, Label: l}, {ID: "a.mta", Kind: MTAClient, Label: l, Relay: "x"}}},
			{ID: "x", Name: "x.example", Label: l, Agents: []Agent{{ID: "x.mta", Kind: MTAServer, Label: l}, {ID: "x.out", Kind: MTAClient, Label: l, Relay: "y"}}},
			{ID: "y", Name: "y.example", Label: l, Agents: []Agent{{ID: "y.mta", Kind: MTAServer, Label: l}, {ID: "y.out", Kind: MTAClient, Label: l, Relay: "x"}}},
		},
		Links: []Link{{A: "a", B: "x", Kind: LinkLAN, Latency: time.Millisecond}, {A: "x", B: "y", Kind: LinkWAN, Latency: 10 * time.Millisecond}},
		Zones: []*dns.Zone{zone("example", `$ORIGIN example.
x.example.     IN A  192.0.2.1
x.example.     IN MX 10 x.example.
y.example.     IN A  192.0.2.2
y.example.     IN MX 10 y.example.
`)},
		Users: []User{{Address: "alice@x.example", Name: "Alice", Host: "x", UA: "a.ua"}},
		Sends: []Send{{At: 0, From: "alice@x.example", To: []string{"bob@nowhere.example"}, Subject: "Round", Body: "and round\n"}},
	}
}

// TestRelayLoopEnds: every hop adds a Received line, so after smtp.MaxHops
// hops the next server refuses the message with 554 5.4.6 and Alice gets a
// bounce.
func TestRelayLoopEnds(t *testing.T) {
	events, err := Run(relayLoop(), EventLimit)
	if err != nil {
		t.Fatal(err)
	}
	hops, bounced := 0, false
	for _, e := range events {
		switch {
		case e.Kind == KindReply && strings.HasPrefix(e.Line, "554 5.4.6 "):
			hops++
			if e.Key != "smtp.why.too-many-hops" {
				t.Errorf("554 5.4.6 explained by %q", e.Key)
			}
		case e.Key == "sim.bounce" && e.Msg == "M1":
			bounced = true
		}
	}
	if hops != 1 || !bounced {
		t.Fatalf("%d refusals for too many hops, bounced %v, in %d events", hops, bounced, len(events))
	}
	w, _ := Replay(relayLoop(), len(events))
	box := w.Mailbox("alice@x.example")
	if len(box.Messages) != 1 || box.Messages[0].Subject != "Undelivered Mail Returned to Sender" {
		t.Fatalf("alice holds %+v", box.Messages)
	}
	if n := strings.Count(box.Messages[0].Raw, "\nReceived: "); n < smtp.MaxHops {
		t.Errorf("the bounce quotes a header with %d Received lines, want at least %d", n, smtp.MaxHops)
	}
}
