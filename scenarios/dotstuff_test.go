package scenarios

import (
	"strings"
	"testing"

	"mailsim/lang"
	"mailsim/sim"
)

// stuffed returns the first line of a DATA text or a multi-line reply that
// dot-stuffing doubled the leading dot of, undone, or "" when there is none.
// The lone "." that ends the text is no stuffed line.
func stuffed(text string) string {
	for _, l := range strings.Split(text, "\r\n") {
		if strings.HasPrefix(l, "..") {
			return l[1:]
		}
	}
	return ""
}

// TestSomeScenarioShowsDotStuffing: a body line that starts with "."
// crosses DATA and comes back in a RETR reply with its dot doubled
// (RFC 5321 §4.5.2, RFC 1939 §3), while the server's mailbox and the
// reader's folder hold the line as written.
func TestSomeScenarioShowsDotStuffing(t *testing.T) {
	shown := false
	for _, spec := range library(t).List() {
		events := run(t, spec.Name, lang.EN)
		var data, retr, box string
		for i, e := range events {
			switch {
			case e.Kind == sim.KindData && data == "":
				data = stuffed(e.Line)
			case e.Kind == sim.KindStore && data != "" && box == "":
				box = e.Box
			case e.Kind == sim.KindReply && e.Proto == "pop3" && i > 0 && strings.HasPrefix(events[i-1].Line, "RETR ") && retr == "":
				retr = stuffed(e.Line)
			}
		}
		if data == "" || retr == "" {
			continue
		}
		shown = true
		if retr != data {
			t.Errorf("%s: DATA stuffed %q, RETR %q", spec.Name, data, retr)
		}
		if m := storedAt(t, spec.Name, box); !strings.Contains(m.Raw, "\r\n"+data+"\r\n") || stuffed(m.Raw) != "" {
			t.Errorf("%s: the mailbox holds the line stuffed or not at all:\n%s", spec.Name, m.Raw)
		}
		w, err := sim.Replay(spec, len(events))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range w.Folders() {
			for _, m := range f.Messages {
				if !strings.Contains(m.Raw, "\r\n"+data+"\r\n") || stuffed(m.Raw) != "" {
					t.Errorf("%s: %s's folder holds the line stuffed or not at all:\n%s", spec.Name, f.Owner, m.Raw)
				}
			}
		}
	}
	if !shown {
		t.Error("no scenario sends a body line starting with \".\" through DATA and RETR")
	}
}
