package scenarios

import (
	"fmt"
	"strings"
	"testing"

	"mailsim/lang"
	"mailsim/sim"
)

// The lecture's model, checked over every scenario in both languages: mail
// rests in the mailbox on the host that holds it, a reader gets a copy only
// by fetching it, POP3's DELE and IMAP's \Deleted take effect only at QUIT
// and EXPUNGE, scenario 1 has no MTA, and 251 keeps its promise.

// world is what a check needs to know of a spec's topology.
type world struct {
	kind    map[string]sim.AgentKind // agent ID -> kind
	on      map[string]string        // agent ID -> host ID
	boxHost map[string]string        // mailbox address -> host ID
}

func topology(spec *sim.Spec) world {
	w := world{kind: map[string]sim.AgentKind{}, on: map[string]string{}, boxHost: map[string]string{}}
	for _, h := range spec.Hosts {
		for _, a := range h.Agents {
			w.kind[a.ID], w.on[a.ID] = a.Kind, h.ID
		}
	}
	for _, u := range spec.Users {
		w.boxHost[strings.ToLower(u.Address)] = u.Host
	}
	return w
}

// TestStoresRestInMailboxes: every store is an agent on the mailbox's own
// host writing into it, and names no user agent; in a scenario with an MAA,
// a copy reaches a user agent only from its MAA client, after that client
// asked for the message with RETR or FETCH, and SMTP never pushes mail to a
// reader's PC.
func TestStoresRestInMailboxes(t *testing.T) {
	pulled := 0
	for _, spec := range tellings(t) {
		w := topology(spec)
		events, err := sim.Run(spec, sim.EventLimit)
		if err != nil {
			t.Fatal(err)
		}
		readers := map[string]bool{} // hosts of UAs that read a mailbox elsewhere
		for _, u := range spec.Users {
			if w.on[u.UA] != u.Host {
				readers[w.on[u.UA]] = true
			}
		}
		asked := map[string]bool{} // MAA client -> sent RETR or FETCH in its session
		for _, e := range events {
			name := fmt.Sprintf("%s (%s) event %d", spec.Name, spec.Lang, e.Seq)
			switch {
			case e.Kind == sim.KindStore:
				if e.To != "" || e.Dir != sim.Local || e.Box == "" {
					t.Errorf("%s: a store must name only its writer and the mailbox: %+v", name, e)
				}
				if host := w.boxHost[strings.ToLower(e.Box)]; w.on[e.From] != host {
					t.Errorf("%s: %s writes into %s from another host than %s, which holds it", name, e.From, e.Box, host)
				}
			case e.Kind == sim.KindConnect && e.Dir == sim.Pull:
				asked[e.From] = false
			case e.Kind == sim.KindCommand && e.Dir == sim.Pull:
				f := append(strings.Fields(strings.ToUpper(e.Line)), "", "", "")
				asked[e.From] = asked[e.From] || f[0] == "RETR" || f[1] == "FETCH" || (f[1] == "UID" && f[2] == "FETCH") // IMAP: after the tag
			case e.Kind == sim.KindFetch && w.on[e.To] != "" && w.on[e.To] != w.boxHost[strings.ToLower(e.Box)]:
				pulled++
				if w.kind[e.From] != sim.MAAClient || !asked[e.From] {
					t.Errorf("%s: the message reached %s on another host than its mailbox without an MAA client's RETR or FETCH: %+v", name, e.To, e)
				}
			case e.Proto == "smtp" && e.Kind == sim.KindConnect && readers[w.on[e.To]]:
				t.Errorf("%s: SMTP pushes mail to a reader's PC, where no mailbox is: %+v", name, e)
			}
		}
	}
	if pulled == 0 {
		t.Error("no scenario pulled a message to a reader's PC: the check checked nothing")
	}
}

// marks lists a mailbox's messages as "M1 M2*", * marking one marked for
// deletion.
func marks(b *sim.Mailbox) string {
	var s []string
	for _, m := range b.Messages {
		if m.Deleted {
			s = append(s, m.ID+"*")
		} else {
			s = append(s, m.ID)
		}
	}
	return strings.Join(s, " ")
}

// TestDeletionWaitsForTheEnd walks every scenario step by step: a message is
// removed only by a delete event that follows QUIT (POP3) or EXPUNGE (IMAP),
// from the DELE or \Deleted flag that marked it until that event it is
// listed marked, after it it is listed no more, RSET leaves nothing marked,
// and no POP3 mark outlives its session.
func TestDeletionWaitsForTheEnd(t *testing.T) {
	removed := 0
	for _, spec := range tellings(t) {
		w, err := sim.NewWorld(spec)
		if err != nil {
			t.Fatal(err)
		}
		markedSince := map[string]int{} // "box msg" -> the step it was first seen marked
		ended := map[string]bool{}      // box -> QUIT or EXPUNGE arrived in its current session
		for e, ok := w.Step(); ok; e, ok = w.Step() {
			name := fmt.Sprintf("%s (%s) step %d", spec.Name, spec.Lang, e.Seq+1)
			verb := ""
			if f := strings.Fields(strings.ToUpper(e.Line)); e.Kind == sim.KindCommand && len(f) > 0 {
				verb = f[0]
				if len(f) > 1 && e.Proto == "imap" {
					verb = f[1] // after the tag
				}
			}
			box := w.Mailbox(e.Box)
			switch {
			case e.Kind == sim.KindConnect && e.Dir == sim.Pull:
				ended[e.Box] = false
			case verb == "QUIT" || verb == "EXPUNGE" || verb == "CLOSE":
				ended[e.Box] = true
			case verb == "RSET" && strings.Contains(marks(box), "*"):
				t.Errorf("%s: RSET left %q marked", name, marks(box))
			case e.Kind == sim.KindDisconnect && e.Proto == "pop3" && strings.Contains(marks(box), "*"):
				t.Errorf("%s: a POP3 mark outlived its session: %q", name, marks(box))
			case e.Kind == sim.KindDelete:
				removed++
				if _, was := markedSince[e.Box+" "+e.Msg]; !was || !ended[e.Box] {
					t.Errorf("%s: %s removed (marked before: %v, after QUIT or EXPUNGE: %v)", name, e.Msg, was, ended[e.Box])
				}
				if strings.Contains(" "+marks(box)+" ", " "+e.Msg) {
					t.Errorf("%s: %s is still listed after its removal: %q", name, e.Msg, marks(box))
				}
				delete(markedSince, e.Box+" "+e.Msg)
			}
			for _, b := range w.Mailboxes() {
				for _, m := range b.Messages {
					if _, was := markedSince[b.Address+" "+m.ID]; m.Deleted && !was {
						markedSince[b.Address+" "+m.ID] = e.Seq
					}
				}
			}
		}
	}
	if removed == 0 {
		t.Error("no scenario removed a message: the check checked nothing")
	}
}

// TestPOP3KeepShowsTheMarkBeforeQuit pins the moment pop3-keep exists for:
// between DELE and QUIT the message is in Bob's mailbox, marked; after the
// session it is gone.
func TestPOP3KeepShowsTheMarkBeforeQuit(t *testing.T) {
	for _, l := range lang.All {
		spec, _ := library(t).Get("pop3-keep")
		spec = spec.In(l)
		events := run(t, "pop3-keep", l)
		dele, quit := -1, -1
		for i, e := range events {
			if e.Kind == sim.KindCommand && e.Line == "DELE 1" {
				dele = i
			}
			if e.Kind == sim.KindCommand && e.Line == "QUIT" && dele >= 0 && quit < 0 {
				quit = i
			}
		}
		if dele < 0 || quit < dele {
			t.Fatalf("%s: DELE at %d, QUIT at %d", l, dele, quit)
		}
		for _, c := range []struct {
			step int
			want string
		}{{dele, "M1"}, {dele + 1, "M1*"}, {quit, "M1*"}, {len(events), ""}} {
			w, _ := sim.Replay(spec, c.step)
			if got := marks(w.Mailbox("bob@example.net")); got != c.want {
				t.Errorf("%s step %d: Bob's mailbox holds %q, want %q", l, c.step, got, c.want)
			}
		}
	}
}

// mentionsMTA reports whether a text names a mail transfer agent.
func mentionsMTA(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "mta") || strings.Contains(s, "transfer agent") || strings.Contains(s, "agent de transfer")
}

// TestScenarioOneNamesNoMTA: scenario 1 has no MTA, so none of its events'
// lines nor the explanations shown for them names one, in either language.
func TestScenarioOneNamesNoMTA(t *testing.T) {
	for _, l := range lang.All {
		events := run(t, "one-system", l)
		for _, e := range events {
			texts := []string{e.Line}
			for _, key := range []string{e.Key, "sim.kind." + string(e.Kind), "sim.dir." + string(e.Dir)} {
				text, _ := sim.Explain(key)
				texts = append(texts, text.RO, text.EN)
			}
			for _, s := range texts {
				if mentionsMTA(s) {
					t.Errorf("scenario 1 (%s), event %d (%s) names an MTA: %q", l, e.Seq, e.Key, s)
				}
			}
		}
		if !mentionsMTA(sim.Explanations["sim.store"].EN) {
			t.Fatal("mentionsMTA does not see the MTA in the MTA server's store")
		}
	}
}

// TestForwardKeepsThe251Promise: the old address's server answers RCPT with
// 251 naming the new address, and the message ends in the new address's
// mailbox, stored by the MTA server of the new address's host, after a second
// SMTP session addressed to it; the old address has no mailbox to store in.
func TestForwardKeepsThe251Promise(t *testing.T) {
	for _, l := range lang.All {
		spec, _ := library(t).Get("forward")
		w := topology(spec)
		events := run(t, "forward", l)
		got251, rcptNew, stored := -1, -1, -1
		for i, e := range events {
			switch {
			case e.Kind == sim.KindReply && e.Code == 251 && strings.Contains(e.Line, "will forward to <bob@example.com>"):
				got251 = i
			case e.Kind == sim.KindCommand && e.Line == "RCPT TO:<bob@example.com>":
				rcptNew = i
			case e.Kind == sim.KindStore && e.Box == "bob@example.com" && e.Msg == "M1" && w.kind[e.From] == sim.MTAServer && w.on[e.From] == "c":
				stored = i
			case e.Kind == sim.KindStore:
				t.Errorf("%s: an unexpected store: %+v", l, e)
			}
		}
		if got251 < 0 || rcptNew < got251 || stored < rcptNew {
			t.Errorf("%s: 251 at %d, RCPT to the new address at %d, stored there at %d", l, got251, rcptNew, stored)
		}
		world, _ := sim.Replay(spec.In(l), len(events))
		if b := world.Mailbox("bob@example.com"); len(b.Messages) != 1 || strings.Count(b.Messages[0].Raw, "Received: from") != 2 {
			t.Errorf("%s: the new mailbox should hold the message with both hops' Received lines: %+v", l, b.Messages)
		}
	}
}

// TestRomanianTellingsAreRomanian: every shipped scenario's messages have a
// Romanian subject and body of their own, in comma-below diacritics.
func TestRomanianTellingsAreRomanian(t *testing.T) {
	for _, spec := range library(t).List() {
		ro := spec.In(lang.RO)
		if ro == spec || ro.Lang != lang.RO {
			t.Fatalf("%s has no Romanian telling", spec.Name)
		}
		for i, s := range ro.Sends {
			en := spec.Sends[i]
			if s.Subject == en.Subject || s.Body == en.Body || s.Subject == "" {
				t.Errorf("%s message %d is not told in Romanian: %q / %q", spec.Name, i+1, s.Subject, s.Body)
			}
			if strings.ContainsAny(s.Subject+s.Body, "şţŞŢ") {
				t.Errorf("%s message %d uses cedilla letters instead of comma-below ș and ț", spec.Name, i+1)
			}
		}
	}
}

// TestTransientRefusalsAreRetried: after greylisting's 450 at RCPT and a
// queue write error's 451 after DATA, the MTA client keeps the message,
// retries after its delay, and the retry is accepted; the message rests
// in Bob's mailbox once. A greylisted triplet passes only after the delay.
func TestTransientRefusalsAreRetried(t *testing.T) {
	for _, c := range []struct {
		scenario string
		code     int
		passed   string // the situation of the reply that accepts on the retry
	}{{"greylisting", 450, "smtp.why.greylist-passed"}, {"server-error", 451, "smtp.why.queued"}} {
		for _, l := range lang.All {
			spec, _ := library(t).Get(c.scenario)
			events := run(t, c.scenario, l)
			refused, retried, accepted := -1, -1, -1
			for i, e := range events {
				switch {
				case e.Kind == sim.KindReply && e.Code == c.code && refused < 0:
					refused = i
				case e.Key == "sim.queue.retry" && refused >= 0 && retried < 0:
					retried = i
				case e.Kind == sim.KindReply && e.Key == c.passed && retried >= 0 && accepted < 0:
					accepted = i
				case e.Kind == sim.KindStore && (refused < 0 || retried < 0):
					t.Errorf("%s (%s): stored before the retry: %+v", c.scenario, l, e)
				}
			}
			if refused < 0 || retried < refused || accepted < retried {
				t.Fatalf("%s (%s): %d at %d, retry at %d, accepted at %d", c.scenario, l, c.code, refused, retried, accepted)
			}
			if wait := events[accepted].Time - events[refused].Time; wait < sim.RetryDelay {
				t.Errorf("%s (%s): accepted %v after the refusal, before the retry delay", c.scenario, l, wait)
			}
			w, _ := sim.Replay(spec.In(l), len(events))
			if n := len(w.Mailbox("bob@example.net").Messages); n != 1 {
				t.Errorf("%s (%s): Bob's mailbox holds %d copies, want 1", c.scenario, l, n)
			}
		}
	}
}

// TestUserMovedBounceNamesTheNewAddress: the old address's server refuses
// with 551 naming the new address and carries nothing there; Alice's MTA
// client bounces the message with a report that quotes the reply, and only
// Alice's own second message, sent to the new address, reaches Bob.
func TestUserMovedBounceNamesTheNewAddress(t *testing.T) {
	for _, l := range lang.All {
		spec, _ := library(t).Get("user-moved")
		events := run(t, "user-moved", l)
		got551 := false
		for _, e := range events {
			switch {
			case e.Kind == sim.KindReply && e.Code == 551:
				got551 = strings.Contains(e.Line, "please try <bob@example.com>")
			case e.Kind == sim.KindCommand && e.Msg == "M1" && strings.Contains(e.Line, "bob@example.com"):
				t.Errorf("%s: M1 was carried to the new address: %+v", l, e)
			case e.Kind == sim.KindStore && e.Msg == "M1" && e.Box != "alice@example.org":
				t.Errorf("%s: M1 was stored for Bob: %+v", l, e)
			}
		}
		if !got551 {
			t.Errorf("%s: no 551 naming the new address", l)
		}
		w, _ := sim.Replay(spec.In(l), len(events))
		alice, bob := w.Mailbox("alice@example.org").Messages, w.Mailbox("bob@example.com").Messages
		if len(alice) != 1 || !strings.Contains(alice[0].Raw, "551 5.1.6 User not local; please try <bob@example.com>") || !strings.Contains(alice[0].Raw, "Status: 5.1.6") {
			t.Errorf("%s: Alice's mailbox should hold the bounce quoting the 551: %+v", l, alice)
		}
		if len(bob) != 1 || bob[0].ID != "M3" {
			t.Errorf("%s: Bob should hold only Alice's second message: %+v", l, bob)
		}
	}
}
