package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"mailsim/web/static"
	"mailsim/web/webtest"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gorilla/websocket"
	"github.com/klauspost/compress/zstd"
)

// gunzip decodes a gzip body or fails the test.
func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("broken gzip: %v", err)
	}
	return plain
}

// compressedTargets are the pages, scripts and styles a browser asks for
// most.
var compressedTargets = []string{"/play/lan-both", "/play/lan-both?step=1000", static.URL("player.js"), static.URL("style.css"), "/codes", "/", "/lab"}

func TestCompressedWhenAsked(t *testing.T) {
	h := New(shipped(t), nil, nil)
	for _, target := range compressedTargets {
		plain := get(t, h, "GET", target)
		zipped := get(t, h, "GET", target, "Accept-Encoding", "gzip")
		if plain.Code != http.StatusOK || zipped.Code != http.StatusOK {
			t.Errorf("%s: status %d plain, %d gzip", target, plain.Code, zipped.Code)
			continue
		}
		if ce := plain.Header().Get("Content-Encoding"); ce != "" {
			t.Errorf("%s without Accept-Encoding: Content-Encoding %q", target, ce)
		}
		if ce := zipped.Header().Get("Content-Encoding"); ce != "gzip" {
			t.Errorf("%s with Accept-Encoding gzip: Content-Encoding %q", target, ce)
			continue
		}
		for _, w := range []*httptest.ResponseRecorder{plain, zipped} {
			if !strings.Contains(w.Header().Get("Vary"), "Accept-Encoding") {
				t.Errorf("%s: Vary %q lacks Accept-Encoding", target, w.Header().Get("Vary"))
			}
		}
		if got := gunzip(t, zipped.Body.Bytes()); !bytes.Equal(got, plain.Body.Bytes()) {
			t.Errorf("%s: gzip decodes to %d bytes, the plain answer has %d", target, len(got), plain.Body.Len())
		}
		if zipped.Body.Len() >= plain.Body.Len()/2 {
			t.Errorf("%s: gzip %d bytes of %d, not even half", target, zipped.Body.Len(), plain.Body.Len())
		}
	}
}

func TestCompressedWithZstd(t *testing.T) {
	h := New(shipped(t), nil, nil)
	plain := get(t, h, "GET", "/play/lan-both")
	w := get(t, h, "GET", "/play/lan-both", "Accept-Encoding", "gzip, deflate, br, zstd")
	if ce := w.Header().Get("Content-Encoding"); ce != "zstd" {
		t.Fatalf("a browser that takes zstd got Content-Encoding %q", ce)
	}
	zr, err := zstd.NewReader(w.Body)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	got, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(got, plain.Body.Bytes()) {
		t.Errorf("zstd decodes to %d bytes (err %v), the plain answer has %d", len(got), err, plain.Body.Len())
	}
}

func TestCompressionLeavesSmallAnswersPlain(t *testing.T) {
	h := New(shipped(t), nil, nil)
	// A refusal of the trace API is a few hundred bytes of JSON.
	r := httptest.NewRequest("POST", "/lab/api/trace?op=rot13", strings.NewReader("x"))
	r.Host = "localhost"
	r.Header.Set("Accept-Encoding", "gzip")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Body.Len() >= 1024 {
		t.Fatalf("the refusal is %d bytes; pick a smaller answer for this test", w.Body.Len())
	}
	if ce := w.Header().Get("Content-Encoding"); ce != "" || !strings.Contains(w.Body.String(), `"bad-op"`) {
		t.Errorf("a %d-byte answer: Content-Encoding %q, body %q", w.Body.Len(), ce, w.Body)
	}
}

func TestCompressedHeadAndRevalidation(t *testing.T) {
	h := New(shipped(t), nil, nil)
	for _, target := range []string{"/play/lan-both", static.URL("player.js")} {
		w := get(t, h, "HEAD", target, "Accept-Encoding", "gzip")
		if w.Code != http.StatusOK || w.Body.Len() != 0 || !strings.Contains(w.Header().Get("Vary"), "Accept-Encoding") {
			t.Errorf("HEAD %s: status %d, %d body bytes, Vary %q", target, w.Code, w.Body.Len(), w.Header().Get("Vary"))
		}
	}
	// The ETag a browser got with the gzip answer revalidates the asset in
	// either encoding, and the year-long cache of a versioned URL stays.
	zipped := get(t, h, "GET", static.URL("player.js"), "Accept-Encoding", "gzip")
	if zipped.Header().Get("Cache-Control") != "public, max-age=31536000, immutable" {
		t.Errorf("compressed asset: Cache-Control %q", zipped.Header().Get("Cache-Control"))
	}
	tag := zipped.Header().Get("ETag")
	for _, enc := range []string{"gzip", ""} {
		if w := get(t, h, "GET", static.URL("player.js"), "Accept-Encoding", enc, "If-None-Match", tag); w.Code != http.StatusNotModified {
			t.Errorf("revalidating %s with Accept-Encoding %q: status %d, want 304", tag, enc, w.Code)
		}
	}
}

func TestCompressionSkipsRasterImages(t *testing.T) {
	for ct, want := range map[string]bool{
		"image/png": false, "image/jpeg": false, "image/gif": false, "image/svg+xml": true,
		"text/html; charset=utf-8": true, "message/rfc822": true, "application/json": true, "application/zip": false,
	} {
		if got := compressible(ct); got != want {
			t.Errorf("compressible(%q) = %v, want %v", ct, got, want)
		}
	}
}

// TestCompressionKeepsWebsockets upgrades the player's socket through the
// compressing handler, as a browser that sends Accept-Encoding does, and
// reads its first frame.
func TestCompressionKeepsWebsockets(t *testing.T) {
	srv := httptest.NewServer(New(shipped(t), nil, nil))
	defer srv.Close()
	conn, resp, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(srv.URL, "http")+"/ws/play/lan-both",
		http.Header{"Accept-Encoding": {"gzip, deflate, br, zstd"}})
	if err != nil {
		t.Fatalf("upgrade through compression: %v (response %v)", err, resp)
	}
	defer conn.Close()
	if ce := resp.Header.Get("Content-Encoding"); ce != "" {
		t.Errorf("the upgrade answer says Content-Encoding %q", ce)
	}
	f := webtest.Goto(t, conn, 1)
	if f.Step != 1 || len(f.Events) == 0 {
		t.Errorf("frame after the upgrade: step %d, %d events", f.Step, len(f.Events))
	}
}
