package scenarios

import (
	"regexp"
	"strings"
	"testing"

	"mailsim/lang"
	"mailsim/sim"
)

// storedAt replays scenario name to the first store into address and
// returns the message stored there.
func storedAt(t *testing.T, name, address string) *sim.Message {
	t.Helper()
	spec, _ := library(t).Get(name)
	for i, e := range run(t, name, lang.EN) {
		if e.Kind != sim.KindStore || e.Box != address {
			continue
		}
		w, err := sim.Replay(spec, i+1)
		if err != nil {
			t.Fatal(err)
		}
		if box := w.Mailbox(address); box != nil && len(box.Messages) > 0 {
			return box.Messages[len(box.Messages)-1]
		}
	}
	t.Fatalf("%s: nothing stored for %s", name, address)
	return nil
}

// TestReceivedNamesClientAndProtocol: each hop's Received line names the
// client by its EHLO name, then by its name and, where its zone gives it an
// A record, its address (RFC 5321 §4.4), and says ESMTP since the client
// greeted with EHLO (RFC 3848).
func TestReceivedNamesClientAndProtocol(t *testing.T) {
	for _, tc := range []struct {
		scenario, box string
		hops          []string // the Received lines' "from … by … with …", newest first
	}{
		{"lan-both", "bob@example.net", []string{
			"from mail.example.org (mail.example.org [198.51.100.25]) by mail.example.net (mailsim) with ESMTP",
			"from pc-alice.example.org (pc-alice.example.org) by mail.example.org (mailsim) with ESMTP",
		}},
		{"lan-sender", "bob@example.net", []string{
			"from mail.example.org (mail.example.org [198.51.100.25]) by mail.example.net (mailsim) with ESMTP",
			"from pc-alice.example.org (pc-alice.example.org [198.51.100.101]) by mail.example.org (mailsim) with ESMTP",
		}},
	} {
		m := storedAt(t, tc.scenario, tc.box)
		got := regexp.MustCompile(`\r\nReceived: (from .*?) id [0-9A-F]+\r\n`).FindAllStringSubmatch(m.Raw, -1)
		if len(got) != len(tc.hops) {
			t.Errorf("%s: %d Received lines, want %d:\n%s", tc.scenario, len(got), len(tc.hops), m.Raw)
			continue
		}
		for i, want := range tc.hops {
			if !strings.HasPrefix(got[i][1], want) {
				t.Errorf("%s: Received %q, want it to start %q", tc.scenario, got[i][1], want)
			}
		}
	}
}
