package sim

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"mailsim/lang"
)

// WriteTranscript prints a trace as plain text an instructor can paste into
// slides: the scenario's title, then one block per event with its virtual
// time, who acts (and on which mailbox, for a store, a local read or a
// removal), the protocol lines as C: and S:, and the explanation.
func WriteTranscript(out io.Writer, spec *Spec, events []Event, l lang.Lang) error {
	b := bufio.NewWriter(out)
	fmt.Fprintf(b, "%s\n%s\n", spec.Title.In(l), spec.About.In(l))
	labels := map[string]string{DNSAgent: "DNS"}
	for _, h := range spec.Hosts {
		for _, a := range h.Agents {
			labels[a.ID] = fmt.Sprintf("%s @ %s", a.Label.In(l), h.Name)
		}
	}
	name := func(id string) string {
		if s, ok := labels[id]; ok {
			return s
		}
		return id
	}
	for _, e := range events {
		fmt.Fprintf(b, "\n[%8.3f s] %s", e.Time.Seconds(), name(e.From))
		word := func(key string) string { t, _ := Explain(key); return t.In(l) }
		switch {
		case e.To != "":
			fmt.Fprintf(b, " -> %s", name(e.To))
		case e.Kind == KindStore:
			fmt.Fprintf(b, " -> %s %s", word("sim.mailbox"), e.Box)
		case e.Kind == KindFetch || e.Kind == KindDelete:
			fmt.Fprintf(b, " [%s %s]", word("sim.mailbox"), e.Box)
		}
		fmt.Fprintf(b, "  (%s", word("sim.kind."+string(e.Kind)))
		if e.Proto != "" {
			fmt.Fprintf(b, ", %s", strings.ToUpper(e.Proto))
		}
		fmt.Fprintf(b, ", %s)\n", word("sim.dir."+string(e.Dir)))
		prefix := "  "
		if m := e.Side.Mark(); m != "" {
			prefix += m + " "
		}
		if e.Line != "" {
			for _, line := range strings.Split(e.Line, "\r\n") {
				fmt.Fprintf(b, "%s%s\n", prefix, line)
			}
		}
		if t, ok := Explain(e.Key); ok {
			fmt.Fprintf(b, "  = %s\n", t.In(l))
		}
	}
	return b.Flush()
}
