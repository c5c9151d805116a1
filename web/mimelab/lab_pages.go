package mimelab

import (
	"net/url"
	"strconv"

	"mailsim/lang"
	"mailsim/sim/mime"
)

// A Base64 trace of 64 KiB has 21,846 groups, each with every bit and
// index spelled out, and a quoted-printable one has a step per byte: 10 MB of
// JSON at once, which the browser would take seconds to fetch and parse
// before showing the first step. So the trace API answers a trace's groups
// (the steps the student goes through: Base64 and uuencode groups,
// quoted-printable steps) a page at a time. The first answer is the trace
// with its first page of groups and their total; while the student steps,
// the page asks for further pages by sending the same input again with
// from=N, and the server, which keeps nothing between requests, traces it
// again and answers only that page. A group carries what it has in the
// whole trace, and where it sits when a page alone could not tell, so the
// student sees the same steps.
//
//	POST /lab/api/trace?op=encode&count=M          → EncodeTrace with groups[0:M], "from":0, "total":T
//	POST /lab/api/trace?op=encode&from=N&count=M   → {"from":N,"total":T,"groups":[…]}
//
// The same holds for op=decode, op=qp (a QPTrace whose steps[0:M] are the
// first page, each with its column, see qpStep) and op=uu (a UUTrace whose
// lines come without their groups, which are the pages', see uuStep). A
// page's groups are always "groups".
//
// count defaults to pageSize and may be at most maxPage; from must name a
// group of the trace.
const (
	pageSize = 128
	maxPage  = 1024
)

// pageAt says which groups of how many an answer carries.
type pageAt struct {
	From  int `json:"from"`
	Total int `json:"total"`
}

// groupPage is the answer to a request with from=: one page of groups.
type groupPage[G any] struct {
	pageAt
	Groups []G `json:"groups"`
}

// encodeAnswer and decodeAnswer are a trace whose groups are cut to the
// first page; their Groups field hides the trace's own.
type encodeAnswer struct {
	mime.EncodeTrace
	pageAt
	Groups []mime.EncodeGroup `json:"groups"`
}

type decodeAnswer struct {
	mime.DecodeTrace
	pageAt
	Groups []mime.DecodeGroup `json:"groups"`
}

// qpAnswer is a quoted-printable trace whose steps are cut to the first
// page.
type qpAnswer struct {
	mime.QPTrace
	pageAt
	Steps []qpStep `json:"steps"`
}

// qpStep is a quoted-printable step with the column of its output line at
// which its output starts, where the page marks it. The column is the
// length of the outputs since the last line break, which a page that does
// not start at step 0 could not add up itself.
type qpStep struct {
	mime.QPStep
	Column int `json:"column"`
}

// qpSteps sends the steps all[from:to] with their columns.
func qpSteps(all []mime.QPStep, from, to int) []qpStep {
	col := 0
	for i := from - 1; i >= 0 && !qpBreak(all[i]); i-- {
		col += len(all[i].Output)
	}
	page := make([]qpStep, 0, to-from)
	for _, st := range all[from:to] {
		page = append(page, qpStep{st, col})
		col += len(st.Output)
		if qpBreak(st) {
			col = 0
		}
	}
	return page
}

// qpBreak says whether a step ends its output line.
func qpBreak(st mime.QPStep) bool {
	return st.Action == mime.QPHardBreak || st.Action == mime.QPSoftBreak
}

// uuAnswer is a uuencode trace whose lines come without their groups and
// whose groups, cut to the first page, come as steps: the student steps
// through groups, which lines would split into pages of different sizes.
type uuAnswer struct {
	mime.UUTrace
	pageAt
	Lines  []uuLine `json:"lines"`
	Groups []uuStep `json:"groups"`
}

// uuLine is a line of a uuencode trace; its Groups, left nil, hides the
// line's own and is left out.
type uuLine struct {
	mime.UULine
	Groups []mime.UUGroup `json:"groups,omitempty"`
}

// uuStep is a group of a uuencode trace with the line it is on and its
// place there, from 0.
type uuStep struct {
	Line  int `json:"line"`
	Place int `json:"place"`
	mime.UUGroup
}

// uuSteps lists the groups of every line in order, and the lines without them.
func uuSteps(t mime.UUTrace) ([]uuStep, []uuLine) {
	var steps []uuStep
	lines := make([]uuLine, len(t.Lines))
	for li, l := range t.Lines {
		lines[li].UULine = l
		for gi, g := range l.Groups {
			steps = append(steps, uuStep{li, gi, g})
		}
	}
	return steps, lines
}

// span is the from and count a request asks for, and whether it named from
// (a page request) or not (the first answer).
type span struct {
	from, count int
	paging      bool
}

// parseSpan reads from= and count= of a trace request. A value that is not
// a whole number in range is refused with a reason naming it.
func parseSpan(q url.Values) (span, *mime.Error) {
	s := span{count: pageSize}
	if v, ok := q["count"]; ok {
		n, err := strconv.Atoi(v[0])
		if err != nil || n < 1 || n > maxPage {
			return s, labError(reasonBadSpan, format(traceWords["trace.err.count"], v[0], maxPage))
		}
		s.count = n
	}
	if v, ok := q["from"]; ok {
		n, err := strconv.Atoi(v[0])
		if err != nil || n < 0 {
			return s, labError(reasonBadSpan, format(traceWords["trace.err.from"], v[0]))
		}
		s.from, s.paging = n, true
	}
	return s, nil
}

// reasonBadSpan refuses a from= or count= the trace cannot answer.
const reasonBadSpan mime.Reason = "bad-span"

// paged answers the groups of all that s asks for: that page alone, or the
// whole trace around it for the first answer (built by whole). send turns
// the page all[from:to] into what goes out; asIs when the trace's own groups
// do, qpSteps when a step needs what came before it. A from past the last
// group is refused.
func paged[G, S any](all []G, s span, send func(all []G, from, to int) []S, whole func([]S, pageAt) any) (any, *mime.Error) {
	if s.paging && s.from >= len(all) {
		return nil, labError(reasonBadSpan, format(traceWords["trace.err.past"], s.from, len(all)))
	}
	groups := send(all, s.from, min(s.from+s.count, len(all)))
	p := pageAt{From: s.from, Total: len(all)}
	if s.paging {
		return groupPage[S]{p, groups}, nil
	}
	return whole(groups, p), nil
}

// asIs sends a page of groups as the trace has them.
func asIs[G any](all []G, from, to int) []G { return all[from:to] }

// traceWords are the refusals of a bad page request, in both languages.
var traceWords = lang.Catalog{
	"trace.err.count": {
		RO: "Numărul de grupuri cerut, %q, nu este un număr întreg între 1 și %d.",
		EN: "The number of groups asked for, %q, is not a whole number from 1 to %d.",
	},
	"trace.err.from": {
		RO: "Grupul de început cerut, %q, nu este un număr întreg pozitiv sau zero.",
		EN: "The first group asked for, %q, is not a whole number of zero or more.",
	},
	"trace.err.past": {
		RO: "Nu există grupul %d: numărul total de grupuri este %d, numerotate de la 0.",
		EN: "There is no group %d: there are %d groups in all, numbered from 0.",
	},
}
