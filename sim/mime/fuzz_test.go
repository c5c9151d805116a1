package mime

import (
	"bytes"
	"encoding/base64"
	"testing"
)

func FuzzEncodeTrace(f *testing.F) {
	for _, s := range []string{"", "f", "fo", "foo", "Man", "\x00\xff\xfe", string(make([]byte, 58))} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > MaxInput {
			if tr := TraceEncode(data); tr.Error == nil || tr.Error.Reason != ReasonTooLarge {
				t.Fatalf("%d bytes accepted", len(data))
			}
			return
		}
		checkEncode(t, data)
	})
}

func FuzzDecodeTrace(f *testing.F) {
	for _, s := range []string{"", "Zg==", "Zm8=", "TWFu", "TR==", "TQ==TQ==", "TQ=\r\n=", "T===", "TW Fu\r\n", "TWF!", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > MaxText {
			if _, err := TraceDecode(text); err == nil {
				t.Fatalf("%d bytes accepted", len(text))
			}
			return
		}
		checkDecodeAgrees(t, text)
		// Whatever decodes must encode back to the canonical form of the
		// same bytes.
		if tr, err := TraceDecode(text); err == nil {
			again, _ := TraceDecode(TraceEncode(tr.Output).Output)
			if !bytes.Equal(again.Output, tr.Output) || TraceEncode(tr.Output).Output != base64.StdEncoding.EncodeToString(tr.Output) {
				t.Fatalf("round trip of %q failed", text)
			}
		}
	})
}
