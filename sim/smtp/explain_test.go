package smtp

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestExplanationsComplete(t *testing.T) {
	if missing := Explanations.Missing(); len(missing) > 0 {
		t.Errorf("keys lacking a language: %q", missing)
	}
	for k, txt := range Explanations {
		// Romanian uses comma-below ș and ț; the cedilla forms are a
		// common encoding slip.
		if strings.ContainsAny(txt.RO, "şţŞŢ") {
			t.Errorf("%s: cedilla instead of comma below in %q", k, txt.RO)
		}
	}
}

// producedKeys runs every documented situation and collects the explanation
// keys the machines produced, with the key of each reply's code, which
// explains the code where a backend's reply has no situation of its own.
func producedKeys(t *testing.T) map[string]bool {
	keys := map[string]bool{}
	add := func(o Output, fed bool) {
		if fed {
			keys[o.Key()] = true
		}
		for _, r := range o.Replies {
			keys[r.Key()] = true
			keys["smtp.reply."+strconv.Itoa(r.Code)] = true
		}
	}
	for _, tc := range codeCases {
		s := NewServer(tc.cfg())
		add(s.Greet(), false)
		for _, l := range append(slices.Clone(tc.before), tc.line) {
			add(s.Feed([]byte(l)), true)
			keys[s.State().Key()] = true
		}
	}
	for _, f := range []func(*Server) Output{(*Server).Timeout, (*Server).Shutdown} {
		_, s := session(matrix())
		add(f(s), false)
	}
	add(Output{Replies: []Reply{EarlyTalker()}}, false) // the wire adapter's pregreet test sends it
	s := NewServer(matrix())
	keys[s.State().Key()] = true
	add(s.Feed([]byte("HELO early")), true)
	return keys
}

func TestExplanationsCoverEverythingProduced(t *testing.T) {
	keys := producedKeys(t)
	for verb := range commands {
		keys["smtp.cmd."+verb] = true
	}
	for _, st := range States {
		keys[st.Key()] = true
	}
	for _, st := range ClientStates {
		keys[st.Key()] = true
	}
	for k := range keys {
		if _, ok := Explanations[k]; !ok {
			t.Errorf("key %q is produced but not explained", k)
		}
	}
	// Every code the server itself emits has its own sentence, not only
	// the class fallback.
	for _, code := range []int{211, 214, 220, 221, 250, 251, 252, 354, 421, 450, 451, 452, 500, 501, 502, 503, 504, 550, 551, 552, 553, 554, 555} {
		k := "smtp.reply." + strconv.Itoa(code)
		if !keys[k] {
			t.Errorf("no situation produced %s", k)
		}
		if _, ok := Explanations[k]; !ok {
			t.Errorf("%s missing", k)
		}
	}
	// And the catalog holds nothing stale.
	for k := range Explanations {
		if !keys[k] && !strings.HasSuffix(k, "xx") {
			t.Errorf("catalog key %q is never produced", k)
		}
	}
}

func TestStateNames(t *testing.T) {
	var names []string
	for _, s := range States {
		names = append(names, s.String())
	}
	if want := []string{"Connected", "Greeted", "Ready", "MailFrom", "RcptTo", "Data", "Closed"}; !slices.Equal(names, want) {
		t.Errorf("states %q", names)
	}
	names = nil
	for _, s := range ClientStates {
		names = append(names, s.String())
	}
	if want := []string{"WaitGreeting", "WaitHelo", "WaitMail", "WaitRcpt", "WaitData", "WaitDataEnd", "WaitQuit", "Done"}; !slices.Equal(names, want) {
		t.Errorf("client states %q", names)
	}
	if State(99).String() != "Invalid" || ClientState(-1).String() != "Invalid" {
		t.Error("out-of-range state names")
	}
}
