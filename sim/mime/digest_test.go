package mime

import (
	"bytes"
	"crypto/hmac"
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
)

func TestAPOPRFC1939(t *testing.T) {
	tr := TraceAPOP("<1896.697170952@dbc.mtview.ca.us>", "tanstaaf")
	if tr.Response != "c4c9334bac560ecc979e58001b3e22fb" || tr.Error != nil {
		t.Fatalf("response %q, %v", tr.Response, tr.Error)
	}
	if s, ok := tr.Step("md5-input"); !ok || s.Value != "<1896.697170952@dbc.mtview.ca.us>tanstaaf" || s.Form != FormText {
		t.Errorf("md5 input step %+v", s)
	}
	for _, s := range tr.Steps {
		if !s.Label.Complete() {
			t.Errorf("step %s has no label", s.Key)
		}
	}
	if tr := TraceAPOP(strings.Repeat("x", MaxInput), "s"); tr.Error == nil || tr.Error.Reason != ReasonTooLarge {
		t.Errorf("over the limit: %v", tr.Error)
	}
}

// TestAPOPLecture pins the lecture's APOP example with crypto/md5 itself,
// not through TraceAPOP: its digest is MD5 of the timestamp and
// cfugDemo123 (the USER/PASS slide's password), not of the "mypass" its
// text names.
func TestAPOPLecture(t *testing.T) {
	md5hex := func(s string) string { sum := md5.Sum([]byte(s)); return hex.EncodeToString(sum[:]) }
	if got := md5hex("<20040818150527@email02.mywebmailserver.com>cfugDemo123"); got != "786b5c12203b391c9a903b515ce65a12" {
		t.Fatalf("MD5(timestamp + cfugDemo123) = %s, the lecture prints 786b5c12203b391c9a903b515ce65a12", got)
	}
	if LectureAPOPTimestamp+LectureAPOPSecret != "<20040818150527@email02.mywebmailserver.com>cfugDemo123" ||
		LectureAPOPDigest != "786b5c12203b391c9a903b515ce65a12" || LectureAPOPSaid != "mypass" {
		t.Fatal("the lecture's example constants differ from its slides")
	}
	if got := md5hex(LectureAPOPTimestamp + LectureAPOPSaid); got == LectureAPOPDigest || got != "8e9d444b745865664673eac2f4c2a09d" {
		t.Fatalf("MD5(timestamp + mypass) = %s", got)
	}
	if tr := TraceAPOP(LectureAPOPTimestamp, LectureAPOPSecret); tr.Response != LectureAPOPDigest {
		t.Errorf("TraceAPOP gives %s for the lecture's example", tr.Response)
	}
}

func TestCRAMMD5RFC2195(t *testing.T) {
	tr, err := TraceCRAMMD5("PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+", "tim", "tanstaaftanstaaf")
	if err != nil {
		t.Fatal(err)
	}
	if tr.Response != "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw" {
		t.Errorf("response %q", tr.Response)
	}
	want := map[string]string{
		"challenge-decoded": "<1896.697170952@postoffice.reston.mci.net>",
		"outer-hash":        "b913a602c7eda7a495b4e6e7334d3890",
		"response-plain":    "tim b913a602c7eda7a495b4e6e7334d3890",
	}
	for k, v := range want {
		if s, ok := tr.Step(k); !ok || s.Value != v {
			t.Errorf("step %s = %+v, want %q", k, s, v)
		}
	}
	if _, ok := tr.Step("key-md5"); ok {
		t.Errorf("a 16-byte key was hashed")
	}
}

// checkHMACSteps recomputes each HMAC step independently and holds the last
// one to crypto/hmac.
func checkHMACSteps(t *testing.T, challenge, secret string) {
	t.Helper()
	tr, err := TraceCRAMMD5(base64.StdEncoding.EncodeToString([]byte(challenge)), "u", secret)
	if err != nil {
		t.Fatal(err)
	}
	step := func(k string) []byte {
		s, ok := tr.Step(k)
		if !ok || s.Form != FormHex {
			t.Fatalf("no hex step %s", k)
		}
		b, err := hex.DecodeString(s.Value)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	key := []byte(secret)
	if len(key) > 64 {
		sum := md5.Sum(key)
		if got := step("key-md5"); !bytes.Equal(got, sum[:]) {
			t.Errorf("key-md5 %x", got)
		}
		key = sum[:]
	}
	block := step("key-block")
	if len(block) != 64 || !bytes.Equal(block[:len(key)], key) || strings.Trim(string(block[len(key):]), "\x00") != "" {
		t.Errorf("key block %x", block)
	}
	ik, ok := step("ipad-key"), step("opad-key")
	for i := range block {
		if ik[i] != block[i]^0x36 || ok[i] != block[i]^0x5c {
			t.Fatalf("pad byte %d: %x %x", i, ik[i], ok[i])
		}
	}
	inner := md5.Sum(append(ik, challenge...))
	if got := step("inner-hash"); !bytes.Equal(got, inner[:]) {
		t.Errorf("inner hash %x, want %x", got, inner)
	}
	m := hmac.New(md5.New, []byte(secret))
	m.Write([]byte(challenge))
	if got := step("outer-hash"); !bytes.Equal(got, m.Sum(nil)) {
		t.Errorf("outer hash %x, crypto/hmac gives %x", got, m.Sum(nil))
	}
}

func TestCRAMMD5StepsAgreeWithHMAC(t *testing.T) {
	checkHMACSteps(t, "<1896.697170952@postoffice.reston.mci.net>", "tanstaaftanstaaf")
	checkHMACSteps(t, "<x@y>", "")
	checkHMACSteps(t, "<x@y>", strings.Repeat("k", 64))
	checkHMACSteps(t, "<x@y>", strings.Repeat("long secret ", 10)) // over a block: hashed first
}

func TestCRAMMD5BadChallenge(t *testing.T) {
	tr, err := TraceCRAMMD5("PDE4!", "tim", "s")
	var e *Error
	if !errors.As(err, &e) || e.Reason != ReasonNotInAlphabet || e.Offset != 4 || tr.Error != e || tr.Response != "" {
		t.Errorf("error %v, trace %+v", err, tr)
	}
}
