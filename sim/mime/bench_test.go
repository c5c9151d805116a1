package mime

import (
	"encoding/base64"
	"math/rand/v2"
	"testing"
)

// The benchmarks come in pairs, tracer beside encoding/base64 on the same
// 64 KiB, so the cost of recording every step can be read as a ratio.

func bench64K() []byte {
	return randomBytes(rand.New(rand.NewPCG(7, 8)), MaxInput)
}

func BenchmarkTraceEncode64K(b *testing.B) {
	data := bench64K()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		TraceEncode(data)
	}
}

func BenchmarkStdEncode64K(b *testing.B) {
	data := bench64K()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		base64.StdEncoding.EncodeToString(data)
	}
}

func BenchmarkTraceDecode64K(b *testing.B) {
	text := stdWrapped(bench64K())
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := TraceDecode(text); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStdDecode64K decodes the same wrapped text; encoding/base64 skips
// the CRLFs itself.
func BenchmarkStdDecode64K(b *testing.B) {
	text := stdWrapped(bench64K())
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := base64.StdEncoding.DecodeString(text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTraceQP64K(b *testing.B) {
	data := bench64K()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		TraceQP(data)
	}
}
