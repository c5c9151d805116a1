package mimelab

import (
	"net/url"
	"strconv"

	"mailsim/lang"
	"mailsim/sim/mime"
)

// A Base64 trace of 64 KiB has 21,846 groups, each with every bit and
// index spelled out: 10 MB of JSON at once, which the browser would take
// seconds to fetch and parse before showing the first group. So the trace API
// answers the Base64 tracers' groups a page at a time. The first answer is
// the trace with its first page of groups and their total; while the student
// steps, the page asks for further pages by sending the same input again with
// from=N, and the server, which keeps nothing between requests, traces it
// again and answers only that page. What a group carries, and so what the
// student sees, is the same as in the whole trace.
//
//	POST /lab/api/trace?op=encode&count=M          → EncodeTrace with groups[0:M], "from":0, "total":T
//	POST /lab/api/trace?op=encode&from=N&count=M   → {"from":N,"total":T,"groups":[…]}
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

// cut returns the groups of s out of all, or a refusal when from lies past
// the last group.
func cut[G any](all []G, s span) ([]G, *mime.Error) {
	if s.paging && s.from >= len(all) {
		return nil, labError(reasonBadSpan, format(traceWords["trace.err.past"], s.from, len(all)))
	}
	return all[s.from:min(s.from+s.count, len(all))], nil
}

// paged answers a trace whose groups are all as s asks: the whole trace
// with its first page (built by whole), or that page alone.
func paged[G any](all []G, s span, whole func([]G, pageAt) any) (any, *mime.Error) {
	groups, err := cut(all, s)
	if err != nil {
		return nil, err
	}
	p := pageAt{From: s.from, Total: len(all)}
	if s.paging {
		return groupPage[G]{p, groups}, nil
	}
	return whole(groups, p), nil
}

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
