package scenarios

import (
	"strings"
	"testing"

	"mailsim/lang"
	"mailsim/sim"
)

// run returns a scenario's whole trace as told in l, failing the test on
// any error.
func run(t *testing.T, name string, l lang.Lang) []sim.Event {
	t.Helper()
	spec, ok := library(t).Get(name)
	if !ok {
		t.Fatalf("no scenario %q", name)
	}
	events, err := sim.Run(spec.In(l), sim.EventLimit)
	if err != nil {
		t.Fatal(err)
	}
	return events
}

// TestScenarioOneHasNoNetwork: on one system, nothing crosses a network.
func TestScenarioOneHasNoNetwork(t *testing.T) {
	events := run(t, "one-system", lang.EN)
	for _, e := range events {
		if e.Proto != "" || e.Dir != sim.Local {
			t.Errorf("network event in scenario 1: %+v", e)
		}
	}
	if last := events[len(events)-1]; last.Kind != sim.KindFetch || last.Msg != "M1" {
		t.Errorf("Bob did not read the message: %+v", last)
	}
}

// TestScenarioFourPullsWithPOP3: the receiver's UA gets the message from a
// POP3 session it started, after SMTP pushed it to its server.
func TestScenarioFourPullsWithPOP3(t *testing.T) {
	events := run(t, "lan-both", lang.EN)
	pushed, pulled := -1, -1
	for i, e := range events {
		if e.Kind == sim.KindStore && e.Msg == "M1" && e.Box == "bob@example.net" {
			pushed = i
		}
		if e.Kind == sim.KindFetch && e.Msg == "M1" && e.To == "pcb.ua" && e.Proto == "pop3" && e.Dir == sim.Pull {
			pulled = i
		}
	}
	if pushed < 0 || pulled < pushed {
		t.Fatalf("want an SMTP store then a POP3 fetch to pcb.ua; store at %d, fetch at %d", pushed, pulled)
	}
	retr := false
	for _, e := range events[pushed:pulled] {
		retr = retr || (e.Kind == sim.KindCommand && e.Proto == "pop3" && e.Line == "RETR 1" && e.From == "pcb.maa")
	}
	if !retr {
		t.Error("the message came to Bob's PC without a RETR from its MAA client")
	}
}

// TestNothingLostNothingDuplicated checks, over every scenario, that each
// recipient a server accepted a message for with 250 after DATA ends with
// exactly one copy in its mailbox (for one accepted with 251, in the mailbox
// it forwards to) or exactly one bounce, that each recipient
// refused with 5xx at RCPT gets exactly one bounce, and that no message is
// stored twice or bounced twice for the same recipient.
func TestNothingLostNothingDuplicated(t *testing.T) {
	for _, spec := range tellings(t) {
		t.Run(spec.Name+"."+string(spec.Lang), func(t *testing.T) {
			events, err := sim.Run(spec, sim.EventLimit)
			if err != nil {
				t.Fatal(err)
			}
			type key struct{ msg, rcpt string }
			accepted, refused := map[key]bool{}, map[key]bool{}
			forwarded := map[key]string{} // a recipient answered 251 -> the address it forwards to
			outcomes := map[key]int{}
			pending := map[string][]string{} // SMTP client agent -> recipients accepted in this transaction
			lastRcpt := map[string]string{}
			inData := map[string]bool{}
			for _, e := range events {
				switch {
				case e.Proto == "smtp" && e.Kind == sim.KindConnect:
					pending[e.From], inData[e.From] = nil, false
				case e.Proto == "smtp" && e.Kind == sim.KindCommand && strings.HasPrefix(strings.ToUpper(e.Line), "RCPT TO:"):
					lastRcpt[e.From] = strings.ToLower(strings.Trim(e.Line[len("RCPT TO:"):], "<> "))
				case e.Proto == "smtp" && e.Kind == sim.KindReply && lastRcpt[e.To] != "":
					if e.Code/100 == 2 {
						pending[e.To] = append(pending[e.To], lastRcpt[e.To])
					}
					if e.Code/100 == 5 {
						refused[key{e.Msg, lastRcpt[e.To]}] = true
					}
					if e.Code == 251 {
						_, to, _ := strings.Cut(e.Line, "forward to <")
						forwarded[key{e.Msg, lastRcpt[e.To]}] = strings.ToLower(strings.TrimSuffix(to, ">"))
					}
					lastRcpt[e.To] = ""
				case e.Proto == "smtp" && e.Kind == sim.KindData:
					inData[e.From] = true
				case e.Proto == "smtp" && e.Kind == sim.KindReply && inData[e.To]:
					if e.Code == 250 {
						for _, r := range pending[e.To] {
							accepted[key{e.Msg, r}] = true
						}
					}
					pending[e.To], inData[e.To] = nil, false
				case e.Kind == sim.KindStore:
					outcomes[key{e.Msg, strings.ToLower(e.Box)}]++
				case strings.HasPrefix(e.Key, "sim.bounce"):
					rcpt, _, _ := strings.Cut(strings.TrimPrefix(e.Line, "<"), ">")
					outcomes[key{e.Msg, strings.ToLower(rcpt)}]++
				}
			}
			for k, n := range outcomes {
				if n > 1 {
					t.Errorf("message %s for %s stored or bounced %d times", k.msg, k.rcpt, n)
				}
			}
			for k := range accepted {
				if to, ok := forwarded[k]; ok {
					k.rcpt = to // the promise of 251 is kept at the new address
				}
				if outcomes[k] != 1 {
					t.Errorf("message %s accepted for %s, but it was neither stored nor bounced", k.msg, k.rcpt)
				}
			}
			for k := range refused {
				if outcomes[k] != 1 {
					t.Errorf("message %s refused for %s, but no bounce was sent", k.msg, k.rcpt)
				}
			}
			if len(accepted)+len(refused) == 0 && spec.Name != "one-system" {
				t.Errorf("no message was accepted: the check checked nothing")
			}
		})
	}
}

// TestVariantsShowTheirReplies pins what each variant exists to teach.
func TestVariantsShowTheirReplies(t *testing.T) {
	cases := []struct {
		scenario string
		code     int
		key      string
	}{
		{"unknown-recipient", 550, "sim.bounce"},
		{"server-busy", 421, "sim.queue.retry"},
		{"mailbox-full", 552, "sim.bounce"},
		{"mx-fallback", 220, "sim.fault.connect"},
		{"pop3-apop", 0, "pop3.cmd.APOP"},
		{"pop3-keep", 0, "sim.delete"},
		{"imap-pull", 0, "imap.ok.fetch-partial"},
		{"forward", 251, "sim.relay.forward"},
		{"greylisting", 450, "sim.queue.retry"},
		{"server-error", 451, "sim.queue.retry"},
		{"user-moved", 551, "sim.bounce.moved"},
	}
	for _, c := range cases {
		for _, l := range lang.All {
			codeSeen, keySeen := c.code == 0, false
			for _, e := range run(t, c.scenario, l) {
				codeSeen = codeSeen || (e.Kind == sim.KindReply && e.Code == c.code)
				keySeen = keySeen || e.Key == c.key
			}
			if !codeSeen || !keySeen {
				t.Errorf("%s (%s): reply %d seen %v, event %s seen %v", c.scenario, l, c.code, codeSeen, c.key, keySeen)
			}
		}
	}
}

// TestAttachmentCrossesDataAsBase64 checks that the attachment's Base64
// lines travel inside DATA and arrive in Bob's folder.
func TestAttachmentCrossesDataAsBase64(t *testing.T) {
	spec, _ := library(t).Get("attachment")
	events := run(t, "attachment", lang.EN)
	var data string
	for _, e := range events {
		if e.Kind == sim.KindData && e.To == "mb.mta" {
			data = e.Line
		}
	}
	for _, want := range []string{"Content-Type: multipart/mixed;", "Content-Transfer-Encoding: base64", "filename=diagram.png"} {
		if !strings.Contains(data, want) {
			t.Errorf("DATA lacks %q", want)
		}
	}
	w, _ := sim.Replay(spec, len(events))
	folders := w.Folders()
	if len(folders) != 1 || len(folders[0].Messages) != 1 || !strings.Contains(folders[0].Messages[0].Raw, "Content-Transfer-Encoding: base64") {
		t.Fatalf("Bob's PC did not get the message with its attachment: %+v", folders)
	}
}

// TestEveryEventKeyExplained: every key any scenario produces has its
// sentence in both languages, as have the words for its kind and direction.
func TestEveryEventKeyExplained(t *testing.T) {
	for _, spec := range tellings(t) {
		events, err := sim.Run(spec, sim.EventLimit)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range events {
			for _, key := range []string{e.Key, "sim.kind." + string(e.Kind), "sim.dir." + string(e.Dir)} {
				if text, ok := sim.Explain(key); !ok || !text.Complete() {
					t.Errorf("%s: event %d key %q has no explanation in both languages", spec.Name, e.Seq, key)
				}
			}
		}
	}
}

// TestIMAPKeepsMailOnTheServer: the partial read brings less than the whole
// message and leaves it unread; the full read marks it seen; nothing is
// deleted, as IMAP means.
func TestIMAPKeepsMailOnTheServer(t *testing.T) {
	spec, _ := library(t).Get("imap-pull")
	events := run(t, "imap-pull", lang.EN)
	w, _ := sim.Replay(spec, len(events))
	box := w.Mailbox("bob@example.net")
	if len(box.Messages) != 1 || box.Messages[0].Deleted || !box.Messages[0].Seen {
		t.Fatalf("the message should stay on the server, seen: %+v", box.Messages)
	}
	full := box.Messages[0].Raw
	f := w.Folders()
	if len(f) != 1 || len(f[0].Messages) != 2 {
		t.Fatalf("Bob's PC should hold the preview and the whole message: %+v", f)
	}
	preview, whole := f[0].Messages[0].Raw, f[0].Messages[1].Raw
	if len(preview) >= len(full) || strings.Contains(preview, "trip.jpg") || whole != full {
		t.Errorf("preview has %d octets of %d (attachment in it: %v); whole equals the stored message: %v",
			len(preview), len(full), strings.Contains(preview, "trip.jpg"), whole == full)
	}
	for _, e := range events {
		if e.Kind == sim.KindDelete {
			t.Errorf("IMAP read deleted a message: %+v", e)
		}
	}
}
