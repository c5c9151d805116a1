package mimelab

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"mailsim/sim/mime"
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
	h := serve(shipped(t))

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
	h := serve(shipped(t))
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
	if w := get(t, h, "GET", "/lab/api/trace?op=encode"); w.Code == http.StatusOK {
		t.Errorf("GET on the trace API answered 200")
	}
}

func TestTraceAPIShowsWhereDecodingStops(t *testing.T) {
	h := serve(shipped(t))
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
