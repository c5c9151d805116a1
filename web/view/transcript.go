package view

import (
	"encoding/json"
	"strconv"
	"strings"

	"mailsim/lang"

	"mailsim/sim"
)

// TranscriptLine is one event as the transcript shows it. static/transcript.js
// builds the same markup for the events that arrive over the websocket; both
// take the side and the reply class from the event (sim.Event's Side and
// Class), and keep the markup in step.
type TranscriptLine struct {
	Seq      int
	Kind     string
	Dir      string
	Ms       string
	Side     string // "C:" for what a client sends, "S:" for what a server answers, "" for narration
	From, To string // agent labels
	Lines    []wireLine
	Text     string // the explanation
	TLS      bool   // a live session's line inside TLS, marked as such
}

// wireLine is one line on the wire; a reply's code is split off to colour it.
type wireLine struct {
	Code  string // "250-" or "250 ", empty when the line has no reply code
	Class string // "c2" .. "c5" for the reply class
	Rest  string
}

// ClassCSS is the style class of reply class c (see sim.ReplyClass):
// "c2" .. "c5", or "" for none.
func ClassCSS(c int) string {
	if c == 0 {
		return ""
	}
	return "c" + strconv.Itoa(c)
}

// narrated are the kinds of event with no line on the wire; the
// transcript names the kind (what), since presentation mode hides the
// explanation and would leave only the agents' names.
var narrated = []sim.Kind{sim.KindConnect, sim.KindDisconnect, sim.KindSubmit, sim.KindStore, sim.KindFetch,
	sim.KindDelete, sim.KindState, sim.KindFault, sim.KindNote}

// KindWords is narrated's words in l as JSON, for transcript.js.
func KindWords(l lang.Lang) string {
	words := map[sim.Kind]string{}
	for _, k := range narrated {
		words[k] = explain(l, "sim.kind."+string(k))
	}
	b, _ := json.Marshal(words) // a map of strings always marshals
	return string(b)
}

// sameHost drops the host from the sender's name when the receiver's
// names the same one ("UA (Bob) → MAA client @ pc-bob"): once is enough,
// and the transcript's column is narrow (see topology.who).
func sameHost(from, to string) string {
	name, host, ok := strings.Cut(from, " @ ")
	if _, other, both := strings.Cut(to, " @ "); ok && both && host == other {
		return name
	}
	return from
}

// NewTranscriptLine prepares e for the transcript, naming agents by label.
func NewTranscriptLine(e FrameEvent, label func(agentID string) string) TranscriptLine {
	t := TranscriptLine{
		Seq: e.Seq, Kind: string(e.Kind), Dir: string(e.Dir), Ms: strconv.FormatInt(e.Ms, 10),
		Side: e.Side.Mark(), From: label(e.From), To: label(e.To), Text: e.Text, TLS: e.TLS,
	}
	if e.Kind == sim.KindStore && e.Box != "" {
		t.To = label(BoxChip(e.Box)) // a store writes into a mailbox, whichever agent its To names
	}
	t.From = sameHost(t.From, t.To)
	if e.Line == "" {
		return t
	}
	for _, l := range strings.Split(e.Line, "\r\n") {
		w := wireLine{Rest: l}
		if e.Kind == sim.KindReply && e.Code > 0 && strings.HasPrefix(l, strconv.Itoa(e.Code)) {
			n := min(4, len(l))
			w = wireLine{Code: l[:n], Class: ClassCSS(e.Class), Rest: l[n:]}
		}
		t.Lines = append(t.Lines, w)
	}
	return t
}
