package sim

import (
	"strings"
	"testing"
	"time"

	"mailsim/lang"
	"mailsim/sim/dns"
)

func zone(name, text string) *dns.Zone {
	z, err := dns.ParseZone(name, strings.NewReader(text))
	if err != nil {
		panic(err)
	}
	return z
}

// twoSystems builds the lecture's second scenario by hand, so that the world
// is tested without the scenario file format.
func twoSystems() *Spec {
	l := lang.Text{RO: "x", EN: "x"}
	return &Spec{
		Name: "two", Title: l, About: l,
		Hosts: []Host{
			{ID: "a", Name: "a.example", Label: l, Agents: []Agent{{ID: "a.ua", Kind: UA, Label: l}, {ID: "a.mta", Kind: MTAClient, Label: l}}},
			{ID: "b", Name: "b.example", Label: l, Agents: []Agent{{ID: "b.mta", Kind: MTAServer, Label: l}, {ID: "b.ua", Kind: UA, Label: l}}},
		},
		Links: []Link{{A: "a", B: "b", Kind: LinkWAN, Latency: 10 * time.Millisecond}},
		Zones: []*dns.Zone{zone("example", `$ORIGIN example.
a.example.     IN A  192.0.2.1
b.example.     IN A  192.0.2.2
b.example.     IN MX 10 b.example.
`)},
		Users: []User{
			{Address: "alice@a.example", Name: "Alice", Host: "a", UA: "a.ua"},
			{Address: "bob@b.example", Host: "b", UA: "b.ua"},
		},
		Sends: []Send{{At: 0, From: "alice@a.example", To: []string{"bob@b.example"}, Subject: "Hi", Body: "Hello\n.dot line\n"}},
		Reads: []Read{{At: time.Second, User: "bob@b.example"}},
	}
}

func TestAgendaOrdersByTimeThenScheduling(t *testing.T) {
	w := &World{}
	var got []string
	add := func(at time.Duration, name string) {
		w.scheduleAt(at, func() Event { got = append(got, name); return Event{} })
	}
	add(20, "late")
	add(10, "first")
	add(10, "second")
	add(0, "zero")
	for _, ok := w.Step(); ok; _, ok = w.Step() {
	}
	if strings.Join(got, ",") != "zero,first,second,late" {
		t.Fatalf("order %v", got)
	}
	if w.Now() != 20 || w.Trace()[3].Seq != 3 || w.Trace()[1].Time != 10 {
		t.Fatalf("clock or sequence wrong: now %v, trace %+v", w.Now(), w.Trace())
	}
}

func TestRunDeliversIntoMailbox(t *testing.T) {
	events, err := Run(twoSystems(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	w, _ := Replay(twoSystems(), len(events))
	box := w.Mailbox("bob@b.example")
	if len(box.Messages) != 1 {
		t.Fatalf("bob has %d messages, want 1", len(box.Messages))
	}
	m := box.Messages[0]
	if !strings.Contains(m.Raw, "\r\nSubject: Hi\r\n") || !strings.HasSuffix(m.Raw, "\r\nHello\r\n.dot line\r\n") {
		t.Fatalf("stored message damaged:\n%q", m.Raw)
	}
	// RFC 5321 §4.4: the EHLO name, then the name and address the server
	// knows the client by; RFC 3848: ESMTP after EHLO.
	if !strings.HasPrefix(m.Raw, "Return-Path: <alice@a.example>\r\nReceived: from a.example (a.example [192.0.2.1]) by b.example (mailsim) with ESMTP id ") {
		t.Fatalf("no trace headers:\n%q", m.Raw)
	}
	if !m.Seen {
		t.Error("bob's read did not mark the message seen")
	}
	var kinds []string
	for _, e := range events {
		if e.Kind == KindFault {
			t.Errorf("unexpected fault %+v", e)
		}
		kinds = append(kinds, string(e.Kind))
	}
	want := "submit,dns-query,dns-answer,dns-query,dns-answer,connect,reply,command"
	if !strings.HasPrefix(strings.Join(kinds, ","), want) {
		t.Errorf("trace starts %v, want %s", kinds, want)
	}
	if last := events[len(events)-1]; last.Kind != KindFetch || last.Box != "bob@b.example" {
		t.Errorf("trace ends with %+v, want bob's fetch", last)
	}
}

func TestUnknownRecipientBouncesToSender(t *testing.T) {
	spec := twoSystems()
	spec.Sends[0].To = []string{"nobody@b.example"}
	events, err := Run(spec, 1000)
	if err != nil {
		t.Fatal(err)
	}
	bounces := 0
	for _, e := range events {
		if e.Key == "sim.bounce" {
			bounces++
			if !strings.Contains(e.Line, "<nobody@b.example>: 550 5.1.1") {
				t.Errorf("bounce reason %q does not quote the 550 reply", e.Line)
			}
		}
	}
	if bounces != 1 {
		t.Fatalf("%d bounce events, want 1", bounces)
	}
	w, _ := Replay(spec, len(events))
	box := w.Mailbox("alice@a.example")
	if len(box.Messages) != 1 {
		t.Fatalf("alice has %d messages, want the bounce", len(box.Messages))
	}
	raw := box.Messages[0].Raw
	for _, want := range []string{"Return-Path: <>", "From: Mail Delivery System <MAILER-DAEMON@a.example>",
		"Content-Type: multipart/report; report-type=delivery-status", "Final-Recipient: rfc822; nobody@b.example",
		"Status: 5.1.1", "Subject: Hi"} {
		if !strings.Contains(raw, want) {
			t.Errorf("bounce lacks %q:\n%s", want, raw)
		}
	}
	if n := len(w.Mailbox("bob@b.example").Messages); n != 0 {
		t.Errorf("bob got %d messages", n)
	}
}

func TestNewWorldRejectsDanglingReferences(t *testing.T) {
	cases := map[string]func(*Spec){
		"unknown ua":        func(s *Spec) { s.Users[0].UA = "x.ua" },
		"unknown user host": func(s *Spec) { s.Users[0].Host = "x" },
		"unknown link host": func(s *Spec) { s.Links[0].B = "x" },
		"unknown sender":    func(s *Spec) { s.Sends[0].From = "eve@a.example" },
		"no recipient":      func(s *Spec) { s.Sends[0].To = nil },
		"unknown reader":    func(s *Spec) { s.Reads[0].User = "eve@a.example" },
		"duplicate agent":   func(s *Spec) { s.Hosts[1].Agents[0].ID = "a.ua" },
	}
	for name, mutate := range cases {
		spec := twoSystems()
		mutate(spec)
		if _, err := NewWorld(spec); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestExplanationsComplete(t *testing.T) {
	if missing := Explanations.Missing(); len(missing) > 0 {
		t.Fatalf("keys lacking a language: %v", missing)
	}
}

// TestComposedRawTravelsUnchanged: a message made by the MIME composer is
// sent as it is, and arrives with only the trace headers added.
func TestComposedRawTravelsUnchanged(t *testing.T) {
	spec := twoSystems()
	raw := "From: alice@a.example\r\nSubject: made elsewhere\r\nMIME-Version: 1.0\r\n\r\n.leading dot\r\nbody\r\n"
	spec.Sends[0].Raw = []byte(raw)
	events, err := Run(spec, 1000)
	if err != nil {
		t.Fatal(err)
	}
	w, _ := Replay(spec, len(events))
	got := w.Mailbox("bob@b.example").Messages[0].Raw
	if !strings.HasSuffix(got, "\r\n"+raw) || !strings.HasPrefix(got, "Return-Path: <alice@a.example>\r\nReceived: ") {
		t.Fatalf("stored %q", got)
	}
}

// TestRetriesThenBounces: a server that stays busy makes the MTA client try
// MaxTries times, RetryDelay apart, then give up with one bounce.
func TestRetriesThenBounces(t *testing.T) {
	spec := twoSystems()
	spec.Hosts[1].Agents[0].Busy = 100
	spec.Reads = nil
	events, err := Run(spec, 10000)
	if err != nil {
		t.Fatal(err)
	}
	var connects []time.Duration
	bounces := 0
	for _, e := range events {
		if e.Kind == KindConnect {
			connects = append(connects, e.Time)
		}
		if e.Key == "sim.bounce" {
			bounces++
		}
	}
	if len(connects) != MaxTries || bounces != 1 {
		t.Fatalf("%d connections and %d bounces, want %d and 1", len(connects), bounces, MaxTries)
	}
	for i := 1; i < len(connects); i++ {
		if gap := connects[i] - connects[i-1]; gap < RetryDelay {
			t.Errorf("retry %d came %v after the previous try, want at least %v", i, gap, RetryDelay)
		}
	}
	w, _ := Replay(spec, len(events))
	if n := len(w.Mailbox("alice@a.example").Messages); n != 1 {
		t.Errorf("alice has %d messages, want the bounce", n)
	}
}

// TestGreylistCountsDownUntilItsDelay: a greylist longer than the retry
// delay defers the first retry too, with the seconds still left, and the
// next retry passes.
func TestGreylistCountsDownUntilItsDelay(t *testing.T) {
	spec := twoSystems()
	spec.Hosts[1].Agents[0].Greylist = 8 * time.Minute
	spec.Reads = nil
	events, err := Run(spec, EventLimit)
	if err != nil {
		t.Fatal(err)
	}
	var rcpt []string
	for _, e := range events {
		if e.Kind == KindReply && (e.Code == 450 || e.Key == "smtp.why.greylist-passed") {
			rcpt = append(rcpt, e.Line)
		}
	}
	want := []string{
		"450 4.2.0 <bob@b.example>: Recipient address rejected: Greylisted for 480 seconds",
		"450 4.2.0 <bob@b.example>: Recipient address rejected: Greylisted for 180 seconds",
		"250 2.1.5 Ok",
	}
	if strings.Join(rcpt, "\n") != strings.Join(want, "\n") {
		t.Errorf("RCPT replies %q, want %q", rcpt, want)
	}
}

// TestWriteErrorStoresOnce: a server that fails to write two messages
// answers 451 twice and stores the third attempt, once.
func TestWriteErrorStoresOnce(t *testing.T) {
	spec := twoSystems()
	spec.Hosts[1].Agents[0].WriteErrors = 2
	spec.Reads = nil
	events, err := Run(spec, EventLimit)
	if err != nil {
		t.Fatal(err)
	}
	failed, stored := 0, 0
	for _, e := range events {
		switch {
		case e.Kind == KindReply && e.Code == 451:
			failed++
		case e.Kind == KindStore:
			stored++
		}
	}
	if failed != 2 || stored != 1 {
		t.Errorf("451 %d times and %d stores, want 2 and 1", failed, stored)
	}
}
