package scenarios

import (
	"strings"
	"testing"

	"mailsim/sim"
)

// sideOfKind is the convention every view draws (RFC 5321 appendix D's
// "C:" and "S:"): what the client sends, the server's answers, and no mark
// for narration.
var sideOfKind = map[sim.Kind]sim.Side{
	sim.KindCommand:   sim.SideClient,
	sim.KindData:      sim.SideClient,
	sim.KindDNSQuery:  sim.SideClient,
	sim.KindReply:     sim.SideServer,
	sim.KindDNSAnswer: sim.SideServer,
}

// classOfLine reads a reply's class off its line on the wire, as a student
// would: an SMTP line starts with its code, whose first digit is the class;
// POP3's status word is +OK or -ERR; IMAP's responses carry none.
func classOfLine(proto, line string) int {
	switch word, _, _ := strings.Cut(line, " "); {
	case proto == "smtp":
		return int(line[0] - '0')
	case proto == "pop3" && word == "+OK":
		return 2
	case proto == "pop3" && word == "-ERR":
		return 5
	}
	return 0
}

// TestEventsCarrySideAndClass checks every event of every shipped
// scenario: its side follows its kind, and a reply's class what its line
// says, so that the views, which draw only these fields, mark and colour
// every line right. The scenarios must show each class somewhere, or the
// check would prove little.
func TestEventsCarrySideAndClass(t *testing.T) {
	seen := map[string]map[int]bool{"smtp": {}, "pop3": {}, "imap": {}}
	for _, spec := range tellings(t) {
		events, err := sim.Run(spec, sim.EventLimit)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range events {
			if e.Side != sideOfKind[e.Kind] {
				t.Errorf("%s event %d (%s): side %q, want %q", spec.Name, e.Seq, e.Kind, e.Side, sideOfKind[e.Kind])
			}
			want := 0
			if e.Kind == sim.KindReply {
				want = classOfLine(e.Proto, e.Line)
				seen[e.Proto][want] = true
			}
			if e.Class != want {
				t.Errorf("%s event %d (%s %q): class %d, want %d", spec.Name, e.Seq, e.Kind, e.Line, e.Class, want)
			}
		}
	}
	for proto, classes := range map[string][]int{"smtp": {2, 3, 4, 5}, "pop3": {2}, "imap": {0}} {
		for _, c := range classes {
			if !seen[proto][c] {
				t.Errorf("no shipped scenario has a %s reply of class %d", proto, c)
			}
		}
	}
}
