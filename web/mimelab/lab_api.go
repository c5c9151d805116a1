package mimelab

import (
	"errors"
	"fmt"
	"io"
	"net/http"

	"mailsim/lang"
	"mailsim/sim/mime"
	"mailsim/web/view"
	"mailsim/web/words"
)

// POST /lab/api/trace?op=encode|decode|qp|uu[&as=text|bytes][&name=file][&from=N][&count=M]
// takes the input as the raw request body and answers the sim/mime trace as
// JSON, its groups a page at a time (lab_pages.go). A refusal is
// {"error": mime.Error} with status 400 or 413; its text is in both
// languages and the script picks the page's. A decode that stops at a bad
// character is not a refusal: it answers 200 with the groups read so far
// and the trace's own error saying where and why it stopped.

// bodySlack is read beyond a limit, so that an input a little too large is
// refused by the tracer's own check, which names its exact size.
const bodySlack = 1 << 10

// uuDefaultName is the file name uuencode's begin line gets for typed text.
const uuDefaultName = "data.txt"

// refusal is the JSON answer of a refused request.
type refusal struct {
	Error *mime.Error `json:"error"`
}

// traceAPI answers one trace, as the comment above describes.
func (a *Section) traceAPI(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	op := q.Get("op")
	limit := mime.MaxInput
	if op == "decode" {
		limit = mime.MaxText
	}
	body, ok := readBounded(w, r, limit)
	if !ok {
		return
	}
	check := mime.CheckInput
	if q.Get("as") == "text" {
		check = func(b []byte) error { return mime.CheckText(string(b)) }
	}
	s, bad := parseSpan(q)
	if bad != nil {
		refuse(w, bad)
		return
	}
	var trace any
	switch op {
	case "encode":
		if refuse(w, check(body)) {
			return
		}
		t := mime.TraceEncode(body)
		trace, bad = paged(t.Groups, s, asIs, func(g []mime.EncodeGroup, p pageAt) any { return encodeAnswer{t, p, g} })
	case "decode":
		if len(body) == 0 {
			refuse(w, labError(mime.ReasonEmpty, mime.Catalog["err.empty"]))
			return
		}
		t, _ := mime.TraceDecode(string(body)) // the trace carries its error
		trace, bad = paged(t.Groups, s, asIs, func(g []mime.DecodeGroup, p pageAt) any { return decodeAnswer{t, p, g} })
	case "qp":
		if refuse(w, check(body)) {
			return
		}
		t := mime.TraceQP(body)
		trace, bad = paged(t.Steps, s, qpSteps, func(st []qpStep, p pageAt) any { return qpAnswer{t, p, st} })
	case "uu":
		if refuse(w, check(body)) {
			return
		}
		name := q.Get("name")
		if name == "" {
			name = uuDefaultName
		}
		t := mime.TraceUU(body, name)
		if t.Error != nil {
			refuse(w, t.Error)
			return
		}
		steps, lines := uuSteps(t)
		trace, bad = paged(steps, s, asIs, func(g []uuStep, p pageAt) any { return uuAnswer{t, p, lines, g} })
	default:
		refuse(w, labError("bad-op", words.Text("lab.err.op")))
		return
	}
	if bad != nil {
		refuse(w, bad)
		return
	}
	view.JSON(w, http.StatusOK, trace)
}

// readBounded reads a request body of at most limit bytes (plus bodySlack).
// Beyond that it answers 413 with a bilingual reason and returns false.
func readBounded(w http.ResponseWriter, r *http.Request, limit int) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, int64(limit+bodySlack)))
	if err == nil {
		return body, true
	}
	if tooBig := new(http.MaxBytesError); errors.As(err, &tooBig) {
		view.JSON(w, http.StatusRequestEntityTooLarge, refusal{tooLarge(r.ContentLength, limit)})
		return nil, false
	}
	view.JSON(w, http.StatusBadRequest, refusal{labError("bad-request", words.Text("lab.err.read"))})
	return nil, false
}

// tooLarge refuses n bytes where limit is allowed, with the tracers' own
// sentence when n is known (a browser sends Content-Length with a file).
func tooLarge(n int64, limit int) *mime.Error {
	if n > 0 {
		return labError(mime.ReasonTooLarge, format(mime.Catalog["err.too-large"], n, limit))
	}
	return labError(mime.ReasonTooLarge, format(words.Text("lab.err.too-large"), limit))
}

// format fills a bilingual fmt format with the same arguments in both languages.
func format(t lang.Text, args ...any) lang.Text {
	return lang.Text{RO: fmt.Sprintf(t.RO, args...), EN: fmt.Sprintf(t.EN, args...)}
}

// refuse answers 400 with err's reason when err is not nil, and says so.
func refuse(w http.ResponseWriter, err error) bool {
	if err == nil {
		return false
	}
	view.JSON(w, http.StatusBadRequest, refusal{asMimeError(err)})
	return true
}

// asMimeError returns err as the *mime.Error every refusal of sim/mime is.
// Anything else (which sim/mime does not return) becomes a generic refusal
// rather than a panic.
func asMimeError(err error) *mime.Error {
	var e *mime.Error
	if errors.As(err, &e) {
		return e
	}
	return labError("bad-request", words.Text("lab.err.read"))
}

// labError is a refusal about the request as a whole, in the shape of the
// tracers' own errors so that the page shows both the same way.
func labError(reason mime.Reason, text lang.Text) *mime.Error {
	return &mime.Error{Reason: reason, Offset: -1, Text: text}
}
