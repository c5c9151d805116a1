package player

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/sim/mime"
	"mailsim/web/view"
	"mailsim/web/webtest"
)

// TestStateDiagramsHaveEveryTransitionTaken checks the diagrams drawn
// from the protocol packages' Transitions against the machines: every name
// is a real state, and every transition a shipped scenario takes is drawn.
func TestStateDiagramsHaveEveryTransitionTaken(t *testing.T) {
	drawn := map[string]bool{}
	for _, m := range view.Machines(lang.EN) {
		names := map[string]bool{}
		for _, s := range m.States {
			names[s.Name] = true
			if s.Text == "" {
				t.Errorf("%s state %s has no explanation", m.Proto, s.Name)
			}
		}
		for _, e := range m.Edges {
			from, to, _ := strings.Cut(e.ID, ">")
			if !names[from] || !names[to] {
				t.Errorf("%s transition %s names a state the machine lacks", m.Proto, e.ID)
			}
			drawn[m.Proto+" "+e.ID] = true
		}
	}
	taken := 0
	for _, spec := range webtest.Shipped(t).List() {
		run, err := (&totals{}).get(spec)
		if err != nil {
			t.Fatal(err)
		}
		for step := 1; step <= len(run.trace); step++ {
			if m := machineAt(run.trace, step); m.From != "" {
				taken++
				if !drawn[m.Proto+" "+m.From+">"+m.State] {
					t.Errorf("%s step %d takes %s %s>%s, which the diagram lacks", spec.Name, step, m.Proto, m.From, m.State)
				}
			}
		}
	}
	for _, want := range []string{"smtp Data>Ready", "pop3 Transaction>Update", "pop3 Update>Closed", "imap Authenticated>Selected", "imap Selected>Logout"} {
		if !drawn[want] {
			t.Errorf("the diagrams lack %s", want)
		}
	}
	if taken == 0 {
		t.Error("no scenario takes any transition")
	}
}

// TestQuizOffersTheRightReply asks every reply of every shipped scenario,
// and counts where the right answer stands: a student who always picks the
// same position must not score well, so each position holds it 15–35% of
// the time.
func TestQuizOffersTheRightReply(t *testing.T) {
	asked := 0
	at := map[int]int{}
	protos := map[string]int{}
	for _, spec := range webtest.Shipped(t).List() {
		run, err := (&totals{}).get(spec)
		if err != nil {
			t.Fatal(err)
		}
		for i, e := range run.trace {
			q := quizAt(spec.Name, run.trace, i)
			if (q != nil) != (e.Kind == sim.KindReply && slices.Contains(view.Diagrammed, e.Proto)) {
				t.Fatalf("%s event %d (%s): quiz %v", spec.Name, i, e.Kind, q)
			}
			if q == nil {
				continue
			}
			asked++
			protos[e.Proto]++
			right := slices.Index(q.Choices, answer(e))
			if right < 0 || len(q.Choices) < 3 {
				t.Errorf("%s event %d: choices %v lack the reply %q", spec.Name, i, q.Choices, answer(e))
			}
			at[right]++
			if len(slices.Compact(slices.Sorted(slices.Values(q.Choices)))) != len(q.Choices) {
				t.Errorf("%s event %d: choices repeat: %v", spec.Name, i, q.Choices)
			}
			if again := quizAt(spec.Name, run.trace, i); !slices.Equal(again.Choices, q.Choices) {
				t.Errorf("%s event %d: asked twice, the order changes: %v, then %v", spec.Name, i, q.Choices, again.Choices)
			}
			if e.Proto == "imap" && q.Request != "" && (!strings.Contains(q.Request, " ") || slices.ContainsFunc(q.Untagged, func(l string) bool { return !strings.HasPrefix(l, "* ") })) {
				t.Errorf("%s event %d: IMAP question about %q with untagged lines %q", spec.Name, i, q.Request, q.Untagged)
			}
		}
	}
	if asked < 100 || protos["smtp"] == 0 || protos["pop3"] == 0 || protos["imap"] == 0 {
		t.Errorf("only %d replies asked about: %v", asked, protos)
	}
	for pos := range 4 {
		share := float64(at[pos]) / float64(asked)
		t.Logf("the right answer is choice %d in %d of %d questions (%.0f%%)", pos+1, at[pos], asked, 100*share)
		if share < 0.15 || share > 0.35 {
			t.Errorf("the right answer is choice %d in %.0f%% of the questions, want 15–35%%", pos+1, 100*share)
		}
	}
	run, _ := (&totals{}).get(twoSystems(t))
	for i, e := range run.trace {
		if e.Kind == sim.KindReply && e.Code == 250 && strings.Contains(e.Line, "2.1.5") {
			q := quizAt("two-systems", run.trace, i)
			if !strings.HasPrefix(q.Request, "RCPT TO:") || !slices.Equal(slices.Sorted(slices.Values(q.Choices)), []string{"250", "452", "503", "550"}) {
				t.Errorf("RCPT's quiz: %+v", q)
			}
		}
	}
}

// TestQuizAsksIMAPAboutTheTaggedEnd checks scenario imap-pull's SELECT: the
// question names the command, shows the untagged data and asks OK/NO/BAD.
func TestQuizAsksIMAPAboutTheTaggedEnd(t *testing.T) {
	spec, _ := webtest.Shipped(t).Get("imap-pull")
	run, err := (&totals{}).get(spec)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range run.trace {
		if e.Kind != sim.KindReply || !strings.Contains(e.Line, "SELECT completed") {
			continue
		}
		q := quizAt(spec.Name, run.trace, i)
		if q.Request != "a002 SELECT INBOX" || !slices.Contains(q.Untagged, "* 1 EXISTS") || answer(e) != "OK" ||
			!slices.Equal(slices.Sorted(slices.Values(q.Choices)), []string{"BAD", "NO", "OK"}) {
			t.Errorf("SELECT's quiz: %+v, answer %q", q, answer(e))
		}
		return
	}
	t.Fatal("imap-pull has no SELECT")
}

// TestInspectorFollowsTheMessage checks scenario 4: the envelope during
// the first push, the RETR reply during the pull, the folder copy after it.
func TestInspectorFollowsTheMessage(t *testing.T) {
	spec, _ := webtest.Shipped(t).Get("lan-both")
	run, err := (&totals{}).get(spec)
	if err != nil {
		t.Fatal(err)
	}
	retr, data := -1, -1
	for i, e := range run.trace {
		if e.Kind == sim.KindData && data < 0 {
			data = i
		}
		if e.Kind == sim.KindReply && e.Proto == "pop3" && strings.Contains(e.Line, "\r\nReturn-Path:") {
			retr = i
		}
	}
	m := run.inspect(data + 1)
	if m == nil || m.ID != "M1" || m.Wire != "smtp" || m.Envelope == nil || m.Envelope.From != "alice@example.org" {
		t.Fatalf("inside DATA the inspector shows %+v", m)
	}
	if len(m.Envelope.Rcpts) != 1 || m.Envelope.Rcpts[0] != (recipient{Address: "bob@example.net", Code: 250, Class: 2}) {
		t.Errorf("envelope recipients %+v", m.Envelope.Rcpts)
	}
	if m.Tree == nil || !slices.ContainsFunc(m.Header, func(f mime.Field) bool { return f.Name == "Subject" && f.Value == spec.Sends[0].Subject }) {
		t.Errorf("header %+v, tree %v", m.Header, m.Tree)
	}
	m = run.inspect(retr + 1)
	if m == nil || m.ID != "M1" || m.Wire != "pop3" || !strings.HasPrefix(m.Raw, "Return-Path: <alice@example.org>\r\n") {
		t.Fatalf("at the RETR reply the inspector shows %+v", m)
	}
	m = run.inspect(len(run.trace))
	if m == nil || m.Place != "pcb.ua" || m.Wire != "" {
		t.Errorf("at the end the inspector shows %+v", m)
	}
	if run.inspect(0) != nil {
		t.Error("before the first step there is a message")
	}
}

func TestUnstuff(t *testing.T) {
	got := unstuff([]string{"a", "..b", ".", "c", "."})
	if got != "a\r\n.b\r\n\r\nc\r\n" {
		t.Errorf("unstuff: %q", got)
	}
}

func TestExports(t *testing.T) {
	h := serve(webtest.Shipped(t), nil)
	for _, c := range []struct{ target, ctype, want string }{
		{"/play/two-systems/transcript.txt?lang=ro", "text/plain; charset=utf-8", "S: 250"},
		{"/play/two-systems/transcript.txt?lang=en&step=3", "text/plain; charset=utf-8", "(DNS answer"},
		{"/play/lan-both/message/M1.eml", "message/rfc822", "Subject: Pushed, then pulled\r\n"},
		{"/play/lan-both/message/M1.eml?step=12", "message/rfc822", "From: Alice <alice@example.org>\r\n"},
		{"/play/lan-both/ladder.svg?step=5&lang=ro", "image/svg+xml", `<svg class="ladder"`},
	} {
		rec := webtest.Get(t, h, "GET", c.target)
		if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != c.ctype || !strings.Contains(rec.Body.String(), c.want) {
			t.Errorf("%s: %d %s, want %q in:\n%.300s", c.target, rec.Code, rec.Header().Get("Content-Type"), c.want, rec.Body.String())
		}
		if !strings.HasPrefix(rec.Header().Get("Content-Disposition"), "attachment;") {
			t.Errorf("%s is not a download: %q", c.target, rec.Header().Get("Content-Disposition"))
		}
	}
	if body := webtest.Get(t, h, "GET", "/play/two-systems/transcript.txt?lang=en&step=3").Body.String(); strings.Contains(body, "EHLO") {
		t.Errorf("the transcript to step 3 goes further:\n%s", body)
	}
	if svg := webtest.Get(t, h, "GET", "/play/lan-both/ladder.svg?step=5").Body.String(); strings.Count(svg, `class="row `) != 5 {
		t.Errorf("the ladder to step 5 has %d rows", strings.Count(svg, `class="row `))
	}
	for _, target := range []string{"/play/nope/transcript.txt", "/play/lan-both/message/M9.eml", "/play/lan-both/message/M1.txt"} {
		if rec := webtest.Get(t, h, "GET", target); rec.Code != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", target, rec.Code)
		}
	}
}

// TestUntaggedSkipsLiterals: a line inside a literal is mail, not a
// response, even when it starts with "* ".
func TestUntaggedSkipsLiterals(t *testing.T) {
	got := untagged([]string{"* 1 FETCH (BODY[TEXT] {9}", "* a list", " FLAGS (\\Seen))", "* 2 EXISTS"})
	if !slices.Equal(got, []string{"* 1 FETCH (BODY[TEXT] {9}", "* 2 EXISTS"}) {
		t.Errorf("untagged: %q", got)
	}
}

func FuzzUntagged(f *testing.F) {
	f.Add("* 1 FETCH (BODY[] {5}\r\nab\r\n)\r\n* OK")
	f.Add("* {x}\r\n* {-3}\r\n* 9 EXISTS")
	f.Fuzz(func(t *testing.T, s string) {
		for _, l := range untagged(strings.Split(s, "\r\n")) {
			if !strings.HasPrefix(l, "* ") {
				t.Errorf("untagged kept %q", l)
			}
		}
	})
}

// TestMotionPushThenPull follows the message in every shipped scenario:
// it moves only on a submit, DATA, a store (into a mailbox chip), a RETR
// or FETCH reply and a fetch; commands and replies travel as tokens; and
// in a scenario with an MAA it reaches the reader's PC only after the
// reader's request went out.
func TestMotionPushThenPull(t *testing.T) {
	pulled := 0
	for _, spec := range webtest.Shipped(t).List() {
		run, err := (&totals{}).get(spec)
		if err != nil {
			t.Fatal(err)
		}
		topo := view.NewTopology(spec, lang.EN)
		host := map[string]string{} // agent ID: its host's ID
		for _, h := range spec.Hosts {
			for _, a := range h.Agents {
				host[a.ID] = h.ID
			}
		}
		requested := false
		for step := 1; step <= len(run.trace); step++ {
			e := run.trace[step-1]
			m := motionAt(run.trace, step)
			if e.Kind == sim.KindCommand && (e.Proto == "pop3" || e.Proto == "imap") {
				requested = true
			}
			switch e.Kind {
			case sim.KindCommand, sim.KindReply, sim.KindConnect, sim.KindDisconnect, sim.KindDNSQuery, sim.KindDNSAnswer:
				if !m.Message && (m.Token == "" || m.From != e.From || m.To != e.To) {
					t.Errorf("%s step %d (%s %q): motion %+v, want a token from %s to %s", spec.Name, step, e.Kind, e.Line, m, e.From, e.To)
				}
			case sim.KindStore:
				if !m.Message || m.To != view.BoxChip(e.Box) || m.Rest != m.To {
					t.Errorf("%s step %d: a store moves %+v, want the message into %s", spec.Name, step, m, view.BoxChip(e.Box))
				}
				if _, ok := topo.Chip(m.To); !ok {
					t.Errorf("%s step %d: the topology has no chip for mailbox %s", spec.Name, step, e.Box)
				}
			case sim.KindData, sim.KindSubmit, sim.KindFetch:
				if !m.Message || m.Token != "" {
					t.Errorf("%s step %d (%s): motion %+v, want the message", spec.Name, step, e.Kind, m)
				}
			}
			if m.Message && e.Kind == sim.KindReply {
				pulled++
				if !requested || m.From != e.From {
					t.Errorf("%s step %d: the message comes back from %s before any request", spec.Name, step, m.From)
				}
			}
		}
		for _, h := range spec.Hosts {
			if spec.Name != "one-system" && slices.ContainsFunc(h.Agents, func(a sim.Agent) bool { return a.Kind == sim.MAAClient }) {
				for step := 1; step <= len(run.trace); step++ {
					m := motionAt(run.trace, step)
					if m.Message && host[m.To] == h.ID && !slices.Contains([]sim.Kind{sim.KindReply, sim.KindFetch}, run.trace[step-1].Kind) {
						t.Errorf("%s step %d: the message reaches the reader's PC by %s", spec.Name, step, run.trace[step-1].Kind)
					}
				}
			}
		}
	}
	if pulled == 0 {
		t.Error("no message is ever pulled back from a server")
	}
}

// TestStoreWithoutReceiver replays every trace with its stores' To emptied,
// as the simulation writes them once a store names only the mailbox: the
// topology, the ladder and the transcript must show the same.
func TestStoreWithoutReceiver(t *testing.T) {
	for _, spec := range webtest.Shipped(t).List() {
		run, err := (&totals{}).get(spec)
		if err != nil {
			t.Fatal(err)
		}
		bare := slices.Clone(run.trace)
		for i := range bare {
			if bare[i].Kind == sim.KindStore {
				bare[i].To = ""
			}
		}
		for step := 1; step <= len(bare); step++ {
			if a, b := motionAt(run.trace, step), motionAt(bare, step); a != b {
				t.Errorf("%s step %d: the motion is %+v, with an empty To %+v", spec.Name, step, a, b)
			}
		}
		// A lane may go (the receiver no event but the store named), the
		// rows stay: the same labels, arrows and dots.
		a, b := newLadder(spec, run.trace, len(run.trace), lang.EN), newLadder(spec, bare, len(bare), lang.EN)
		for i := range a.Rows {
			if x, y := a.Rows[i], b.Rows[i]; x.Label != y.Label || x.Arrow != y.Arrow {
				t.Errorf("%s row %d: %q arrow %v, with an empty To %q arrow %v", spec.Name, i, x.Label, x.Arrow, y.Label, y.Arrow)
			}
		}
		label := func(id string) string { return id }
		for i, e := range bare {
			if e.Kind == sim.KindStore {
				x, y := view.NewTranscriptLine(view.FrameEvent{Event: run.trace[i]}, label), view.NewTranscriptLine(view.FrameEvent{Event: e}, label)
				if x.To != y.To || y.To != view.BoxChip(e.Box) {
					t.Errorf("%s event %d: a store goes to %q, with an empty To %q", spec.Name, i, x.To, y.To)
				}
			}
		}
	}
}

// TestInspectorReadsIMAPLiterals checks scenario imap-pull: inside the
// IMAP sessions the inspector shows the FETCH literals as the wire, not the
// SMTP session before them, and the message rests in Bob's mailbox.
func TestInspectorReadsIMAPLiterals(t *testing.T) {
	spec, _ := webtest.Shipped(t).Get("imap-pull")
	run, err := (&totals{}).get(spec)
	if err != nil {
		t.Fatal(err)
	}
	fetched := 0
	for i, e := range run.trace {
		if e.Proto != "imap" || e.Kind != sim.KindReply || !strings.Contains(e.Line, " FETCH (") {
			continue
		}
		fetched++
		m := run.inspect(i + 1)
		if m == nil || m.Wire != "imap" || m.ID != "M1" || m.Place != "bob@example.net" || !strings.HasPrefix(m.Raw, "Return-Path: <alice@example.org>\r\n") {
			t.Fatalf("at the FETCH reply %d the inspector shows %+v", i, m)
		}
		if strings.Contains(m.Raw, "FETCH") || strings.Contains(m.Raw, "a004 OK") {
			t.Errorf("the literal %q keeps the IMAP framing", m.Raw)
		}
		if m.Tree == nil || !slices.ContainsFunc(m.Header, func(f mime.Field) bool { return f.Name == "Subject" }) {
			t.Errorf("at the FETCH reply %d the header reads %+v (%s)", i, m.Header, m.Error)
		}
	}
	if fetched == 0 {
		t.Fatal("imap-pull fetches nothing")
	}
}

func TestLiterals(t *testing.T) {
	got := literals("* 1 FETCH (BODY[HEADER] {3}\r\nA\r\n BODY[TEXT] {2+}\r\nxy)\r\na1 OK done {9}\r\nshort")
	if !slices.Equal(got, []string{"A\r\n", "xy"}) {
		t.Errorf("literals: %q", got)
	}
}

func FuzzLiterals(f *testing.F) {
	f.Add("* 1 FETCH (BODY[] {5}\r\nHello)\r\na OK")
	f.Add("{x}\r\n{-1}\r\n{99}\r\n")
	f.Fuzz(func(t *testing.T, reply string) {
		total := 0
		for _, l := range literals(reply) {
			total += len(l)
		}
		if total > len(reply) {
			t.Errorf("literals of %q add up to %d octets", reply, total)
		}
	})
}

// TestLadderJoinsCodeAndText checks that a reply's code meets its text as
// on the wire, in the page and in the SVG export alike: "250-" with no
// space for a multiline reply's first line, one space otherwise.
func TestLadderJoinsCodeAndText(t *testing.T) {
	h := serve(webtest.Shipped(t), nil)
	for _, target := range []string{"/play/two-systems?lang=ro", "/play/two-systems/ladder.svg?lang=en"} {
		body := webtest.Get(t, h, "GET", target).Body.String()
		for _, want := range []string{`250</tspan>-`, `220</tspan> `, `354</tspan> `} {
			if !strings.Contains(body, want) {
				t.Errorf("%s lacks %q", target, want)
			}
		}
		for _, bad := range []string{`</tspan> -`, `</tspan>  `} {
			if strings.Contains(body, bad) {
				t.Errorf("%s has %q", target, bad)
			}
		}
	}
}

// TestQuizAsksAboutLoginsWithAUTH checks POP3's login questions: RFC 3206's
// [AUTH] is the failure worth telling apart after PASS or APOP, and
// [SYS/TEMP] stays for the others. Scenario 1, with no server reply, has
// no predict button.
func TestQuizAsksAboutLoginsWithAUTH(t *testing.T) {
	logins := 0
	for _, name := range []string{"pop3-apop", "lan-both"} {
		spec, _ := webtest.Shipped(t).Get(name)
		run, err := (&totals{}).get(spec)
		if err != nil {
			t.Fatal(err)
		}
		for i, e := range run.trace {
			if e.Proto != "pop3" || !asked(e) {
				continue
			}
			q := quizAt(name, run.trace, i)
			verb, _, _ := strings.Cut(q.Request, " ")
			login := verb == "PASS" || verb == "APOP"
			if login {
				logins++
			}
			if slices.Contains(q.Choices, pop3Auth) != login || slices.Contains(q.Choices, pop3Temp) == login {
				t.Errorf("%s: %q asks %v", name, q.Request, q.Choices)
			}
		}
	}
	if logins == 0 {
		t.Error("no login asked about")
	}
	if answer(sim.Event{Proto: "pop3", Kind: sim.KindReply, Line: "-ERR [AUTH] invalid password"}) != pop3Auth {
		t.Error("a refused login's answer is not [AUTH]")
	}
	h := serve(webtest.Shipped(t), nil)
	for name, hidden := range map[string]bool{"one-system": true, "two-systems": false} {
		body := webtest.Get(t, h, "GET", "/play/"+name).Body.String()
		at := strings.Index(body, `data-testid="predict"`)
		tag := body[at : at+strings.IndexByte(body[at:], '>')]
		if strings.Contains(tag, " hidden") != hidden {
			t.Errorf("%s: the predict button %q, want hidden %v", name, tag, hidden)
		}
	}
}

// TestTranscriptNamesHostsAndKinds checks the transcript pane: where the
// layout has several hosts an agent's host follows its label, so that two
// hops read apart, and a narrated event names its kind for presentation
// mode, which hides the explanation.
func TestTranscriptNamesHostsAndKinds(t *testing.T) {
	h := serve(webtest.Shipped(t), nil)
	body := webtest.Get(t, h, "GET", "/play/two-systems?step=1000&lang=ro").Body.String()
	for _, want := range []string{"Server MTA @ sysb", `<span class="what">conectare</span>`, `<span class="what">deconectare</span>`} {
		if !strings.Contains(body, want) {
			t.Errorf("two-systems lacks %q", want)
		}
	}
	if body := webtest.Get(t, h, "GET", "/play/lan-both?step=1000&lang=en").Body.String(); !strings.Contains(body, "MTA client @ mail.example.org") || !strings.Contains(body, "MTA client @ pc-alice →") {
		t.Error("lan-both: the two mail.example hosts must stay whole, pc-alice short")
	}
	if body := webtest.Get(t, h, "GET", "/play/one-system?step=1000&lang=en").Body.String(); strings.Contains(body, " @ ") {
		t.Error("with one host, the transcript still names it")
	}
}
