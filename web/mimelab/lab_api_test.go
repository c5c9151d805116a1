package mimelab

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"mailsim/sim/mime"
	"mailsim/web/webtest"
)

// post sends body to h and returns the recorder.
func post(t testing.TB, h http.Handler, target string, body []byte) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest("POST", target, bytes.NewReader(body))
	r.Host = "localhost" // httptest's example.com is not a name the app answers to
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// refusalOf decodes a refused request's error.
func refusalOf(t *testing.T, w *httptest.ResponseRecorder) mime.Error {
	t.Helper()
	var r struct{ Error mime.Error }
	if err := json.Unmarshal(w.Body.Bytes(), &r); err != nil {
		t.Fatalf("refusal is not JSON: %v\n%s", err, w.Body)
	}
	if !r.Error.Text.Complete() {
		t.Errorf("refusal %q lacks a language: %+v", r.Error.Reason, r.Error.Text)
	}
	return r.Error
}

func TestTraceAPI(t *testing.T) {
	h := serve(webtest.Shipped(t))

	w := post(t, h, "/lab/api/trace?op=encode&as=text", []byte("Man"))
	var enc mime.EncodeTrace
	if err := json.Unmarshal(w.Body.Bytes(), &enc); err != nil || w.Code != http.StatusOK || enc.Output != "TWFu" {
		t.Errorf("encode Man: status %d, output %q, err %v", w.Code, enc.Output, err)
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}

	w = post(t, h, "/lab/api/trace?op=decode", []byte("TWFu\r\nTWE="))
	var dec mime.DecodeTrace
	if err := json.Unmarshal(w.Body.Bytes(), &dec); err != nil || dec.Hex != "4D616E4D61" || dec.Error != nil {
		t.Errorf("decode: status %d, hex %q, error %+v", w.Code, dec.Hex, dec.Error)
	}

	w = post(t, h, "/lab/api/trace?op=qp&as=text", []byte("café = ok"))
	var qp mime.QPTrace
	if err := json.Unmarshal(w.Body.Bytes(), &qp); err != nil || qp.Output != "caf=C3=A9 =3D ok" {
		t.Errorf("qp: status %d, output %q", w.Code, qp.Output)
	}

	w = post(t, h, "/lab/api/trace?op=uu&name=cat.txt", []byte("Cat"))
	var uu mime.UUTrace
	if err := json.Unmarshal(w.Body.Bytes(), &uu); err != nil || uu.Header != "begin 644 cat.txt" || len(uu.Lines) != 1 {
		t.Errorf("uu: status %d, header %q", w.Code, uu.Header)
	}

	// Binary bytes are fine as a file, not as typed text.
	if w := post(t, h, "/lab/api/trace?op=encode&as=bytes", []byte{0xff, 0x00, 0xc3}); w.Code != http.StatusOK {
		t.Errorf("binary bytes as a file: status %d", w.Code)
	}
}

func TestTraceAPIRefusesBadInput(t *testing.T) {
	h := serve(webtest.Shipped(t))
	for _, c := range []struct {
		name, target string
		body         []byte
		status       int
		reason       mime.Reason
	}{
		{"empty", "/lab/api/trace?op=encode&as=text", nil, 400, mime.ReasonEmpty},
		{"empty decode", "/lab/api/trace?op=decode", nil, 400, mime.ReasonEmpty},
		{"invalid UTF-8", "/lab/api/trace?op=encode&as=text", []byte("ab\xffc"), 400, mime.ReasonNotUTF8},
		{"invalid UTF-8 for qp", "/lab/api/trace?op=qp&as=text", []byte("\xc3"), 400, mime.ReasonNotUTF8},
		{"just over the limit", "/lab/api/trace?op=encode", make([]byte, mime.MaxInput+1), 400, mime.ReasonTooLarge},
		{"far over the limit", "/lab/api/trace?op=qp", make([]byte, mime.MaxInput+2*bodySlack), 413, mime.ReasonTooLarge},
		{"decode far over its limit", "/lab/api/trace?op=decode", bytes.Repeat([]byte("A"), mime.MaxText+2*bodySlack), 413, mime.ReasonTooLarge},
		{"bad uu name", "/lab/api/trace?op=uu&name=%0a", []byte("x"), 400, mime.ReasonBadName},
		{"unknown op", "/lab/api/trace?op=rot13", []byte("x"), 400, "bad-op"},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := post(t, h, c.target, c.body)
			if w.Code != c.status {
				t.Errorf("status %d, want %d", w.Code, c.status)
			}
			if e := refusalOf(t, w); e.Reason != c.reason {
				t.Errorf("reason %q, want %q", e.Reason, c.reason)
			}
		})
	}
	w := post(t, h, "/lab/api/trace?op=encode", make([]byte, mime.MaxInput+1))
	if e := refusalOf(t, w); !strings.Contains(e.Text.EN, "65537 bytes") {
		t.Errorf("an input just over the limit is not told its size: %q", e.Text.EN)
	}
	if w := webtest.Get(t, h, "GET", "/lab/api/trace?op=encode"); w.Code == http.StatusOK {
		t.Errorf("GET on the trace API answered 200")
	}
}

func TestTraceAPIShowsWhereDecodingStops(t *testing.T) {
	h := serve(webtest.Shipped(t))
	w := post(t, h, "/lab/api/trace?op=decode", []byte("TWFu\nTW!u"))
	if w.Code != http.StatusOK {
		t.Fatalf("a decode that stops is a result, not a refusal: status %d", w.Code)
	}
	var dec mime.DecodeTrace
	if err := json.Unmarshal(w.Body.Bytes(), &dec); err != nil {
		t.Fatal(err)
	}
	if dec.Error == nil || dec.Error.Reason != mime.ReasonNotInAlphabet || dec.Error.Offset != 7 || len(dec.Groups) != 1 {
		t.Errorf("decode of TWFu\\nTW!u: %d groups, error %+v; want 1 group and the '!' at offset 7", len(dec.Groups), dec.Error)
	}
}

// bigInput is 64 KiB of varied bytes, the largest input a tracer takes.
func bigInput() []byte {
	b := make([]byte, mime.MaxInput)
	for i := range b {
		b[i] = byte(i*7 + i>>8)
	}
	return b
}

// walkPages reads every group of a trace page by page, after the first
// answer, and returns them as one JSON array.
func walkPages(t *testing.T, h http.Handler, target string, body []byte, first json.RawMessage, total int) []byte {
	t.Helper()
	all := []json.RawMessage{}
	json.Unmarshal(first, &all)
	for len(all) < total {
		w := post(t, h, fmt.Sprintf("%s&from=%d&count=%d", target, len(all), maxPage), body)
		var p struct {
			From, Total int
			Groups      []json.RawMessage
			Output      *string
		}
		if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil || w.Code != http.StatusOK {
			t.Fatalf("page from %d: status %d, err %v", len(all), w.Code, err)
		}
		if p.From != len(all) || p.Total != total || len(p.Groups) == 0 || p.Output != nil {
			t.Fatalf("page from %d: from %d, total %d, %d groups, output sent again %v", len(all), p.From, p.Total, len(p.Groups), p.Output != nil)
		}
		all = append(all, p.Groups...)
	}
	b, _ := json.Marshal(all)
	return b
}

// TestTracePagesAddUpToTheTrace checks that a 64 KiB trace answers under
// 1 MB with its first page, and that the first answer and the pages after it
// add up to exactly the whole trace, so that the student sees the same steps.
func TestTracePagesAddUpToTheTrace(t *testing.T) {
	h := serve(webtest.Shipped(t))
	data := bigInput()
	enc := mime.TraceEncode(data)
	bad := []byte(enc.Wrapped + "\r\n!")
	dec, _ := mime.TraceDecode(string(bad))
	for _, c := range []struct {
		target string
		body   []byte
		key    string // the first answer's field of groups
		trace  any    // the whole trace
		// join rebuilds the whole trace from the first answer and every
		// group, as JSON.
		join func(t *testing.T, first, groups []byte) any
	}{
		{"/lab/api/trace?op=encode&as=bytes", data, "groups", enc, func(t *testing.T, first, groups []byte) any {
			var tr mime.EncodeTrace
			unmarshal(t, first, &tr)
			unmarshal(t, groups, &tr.Groups)
			return tr
		}},
		{"/lab/api/trace?op=decode", bad, "groups", dec, func(t *testing.T, first, groups []byte) any {
			var tr mime.DecodeTrace
			unmarshal(t, first, &tr)
			unmarshal(t, groups, &tr.Groups)
			return tr
		}},
		{"/lab/api/trace?op=qp&as=bytes", data, "steps", mime.TraceQP(data), func(t *testing.T, first, groups []byte) any {
			var tr mime.QPTrace
			var steps []qpStep
			unmarshal(t, first, &tr)
			unmarshal(t, groups, &steps)
			tr.Steps = nil
			for i, st := range steps {
				if !columnHolds(tr.Lines, st) {
					t.Fatalf("step %d (%s %q on line %d) says it starts at column %d", i, st.Action, st.Output, st.Line, st.Column)
				}
				tr.Steps = append(tr.Steps, st.QPStep)
			}
			return tr
		}},
		{"/lab/api/trace?op=uu&as=bytes", data, "groups", mime.TraceUU(data, uuDefaultName), func(t *testing.T, first, groups []byte) any {
			var tr mime.UUTrace
			var steps []uuStep
			unmarshal(t, first, &tr)
			unmarshal(t, groups, &steps)
			for i, st := range steps {
				l := &tr.Lines[st.Line]
				if st.Place != len(l.Groups) {
					t.Fatalf("group %d says it is group %d of line %d, which has %d before it", i, st.Place, st.Line, len(l.Groups))
				}
				l.Groups = append(l.Groups, st.UUGroup)
			}
			return tr
		}},
	} {
		w := post(t, h, c.target, c.body)
		if w.Code != http.StatusOK || w.Body.Len() >= 1<<20 {
			t.Errorf("%s: status %d, %d bytes, want under 1 MB", c.target, w.Code, w.Body.Len())
		}
		var first map[string]json.RawMessage
		var at pageAt
		unmarshal(t, w.Body.Bytes(), &first)
		unmarshal(t, w.Body.Bytes(), &at)
		var n []json.RawMessage
		unmarshal(t, first[c.key], &n)
		if at.From != 0 || len(n) != pageSize || at.Total <= pageSize {
			t.Errorf("%s: first answer from %d with %d groups of %d, want the first %d of more", c.target, at.From, len(n), at.Total, pageSize)
		}
		got, _ := json.Marshal(c.join(t, w.Body.Bytes(), walkPages(t, h, c.target, c.body, first[c.key], at.Total)))
		if want, _ := json.Marshal(c.trace); !bytes.Equal(got, want) {
			t.Errorf("%s: the answers do not add up to the trace (%d bytes, want %d)", c.target, len(got), len(want))
		}
	}
	// A small trace comes whole in its first answer.
	w := post(t, h, "/lab/api/trace?op=encode&as=text", []byte("Many"))
	var small struct {
		Total  int
		Groups []mime.EncodeGroup
	}
	if json.Unmarshal(w.Body.Bytes(), &small); small.Total != 2 || len(small.Groups) != 2 || small.Groups[1].Output != "eQ==" {
		t.Errorf("Many: total %d, groups %+v", small.Total, small.Groups)
	}
}

// columnHolds says whether a quoted-printable step's output is in its line
// at its column: a byte's =XX or itself, a soft break's "=" at the line's
// end, a hard break just after the line.
func columnHolds(lines []string, st qpStep) bool {
	if st.Line >= len(lines) {
		return false
	}
	line := lines[st.Line]
	switch st.Action {
	case mime.QPHardBreak:
		return st.Column == len(line)
	case mime.QPSoftBreak:
		return st.Column == len(line)-1 && strings.HasSuffix(line, "=")
	}
	return strings.HasPrefix(line[min(st.Column, len(line)):], st.Output)
}

// unmarshal decodes JSON into v, failing the test on an error.
func unmarshal(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%v: %.200s", err, b)
	}
}

func TestTracePagesRefuseBadSpans(t *testing.T) {
	h := serve(webtest.Shipped(t))
	// "Many" is two Base64 groups, four quoted-printable steps and two
	// uuencode groups; "TWFu" decodes in one group.
	for _, q := range []string{
		"from=-1", "from=x", "from=", "count=0", "count=1025", "count=1e3", "from=2", "from=99999999999999999999",
		"op=decode&from=1", "op=qp&from=4", "op=qp&count=0", "op=uu&from=2", "op=uu&from=-1",
	} {
		target := "/lab/api/trace?as=text&op=encode&" + q
		body := []byte("Many")
		if strings.HasPrefix(q, "op=") {
			target = "/lab/api/trace?as=text&" + q
		}
		if strings.HasPrefix(q, "op=decode") {
			body = []byte("TWFu")
		}
		w := post(t, h, target, body)
		if w.Code != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", q, w.Code)
			continue
		}
		if e := refusalOf(t, w); e.Reason != reasonBadSpan {
			t.Errorf("%s: reason %q, want %q", q, e.Reason, reasonBadSpan)
		}
	}
	for _, c := range []struct{ target, last string }{
		{"/lab/api/trace?op=encode&as=text&from=1&count=1", `"output":"eQ=="`},
		{"/lab/api/trace?op=qp&as=text&from=3&count=1", `"output":"y","line":0,"column":3`},
		{"/lab/api/trace?op=uu&as=text&from=1&count=1", `{"line":0,"place":1,`},
	} {
		if w := post(t, h, c.target, []byte("Many")); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), c.last) {
			t.Errorf("the last group alone, %s: status %d, %s", c.target, w.Code, w.Body)
		}
	}
	for k, v := range traceWords {
		if !v.Complete() {
			t.Errorf("%s lacks a language", k)
		}
	}
}

// FuzzParseSpan feeds from= and count= any text: an answer is either a span
// inside the limits or a bilingual refusal.
func FuzzParseSpan(f *testing.F) {
	for _, s := range [][2]string{{"0", "128"}, {"-1", ""}, {"x", "0"}, {"3", "1025"}, {"", "1e3"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, from, count string) {
		s, err := parseSpan(url.Values{"from": {from}, "count": {count}})
		if err != nil {
			if err.Reason != reasonBadSpan || !err.Text.Complete() {
				t.Fatalf("refusal %+v", err)
			}
			return
		}
		if s.from < 0 || s.count < 1 || s.count > maxPage || !s.paging {
			t.Fatalf("from %q count %q gave %+v", from, count, s)
		}
	})
}

// BenchmarkTraceFirstAnswer64K is the server's time to the first group of a
// 64 KiB trace: reading the input, tracing it, and writing the first answer.
func BenchmarkTraceFirstAnswer64K(b *testing.B) {
	benchOps(b, "/lab/api/trace?as=bytes&count=128&op=")
}

// BenchmarkTracePage64K is one later page of the same trace.
func BenchmarkTracePage64K(b *testing.B) {
	benchOps(b, "/lab/api/trace?as=bytes&from=10000&count=128&op=")
}

// benchOps runs benchTrace for each tracer of bytes.
func benchOps(b *testing.B, target string) {
	for _, op := range []string{"encode", "qp", "uu"} {
		b.Run(op, func(b *testing.B) { benchTrace(b, target+op) })
	}
}

func benchTrace(b *testing.B, target string) {
	h := serve(webtest.Shipped(b))
	data := bigInput()
	n := 0
	for b.Loop() {
		w := post(b, h, target, data)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
		n = w.Body.Len()
	}
	b.ReportMetric(float64(n), "resp-B")
}
