package web

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
)

// compressedBudget is what the heaviest player page (lan-both at its end,
// with every script and style it loads) may cost on the wire. It was 40,402
// bytes when compression came in, against 156,755 uncompressed; the
// uncompressed budget stays in TestBrowserPlayerWeightAndOrigin.
const compressedBudget = 44 << 10

// TestBrowserPlayerWireWeight loads the page TestBrowserPlayerWeightAndOrigin
// weighs and adds up what Chromium received (encodedBodySize), so that a
// change that defeats compression, or bloats what it compresses, fails.
func TestBrowserPlayerWireWeight(t *testing.T) {
	srv := httptest.NewServer(New(shipped(t), nil, nil))
	defer srv.Close()
	tb := openBrowser(t)
	tb.Navigate(srv.URL + "/play/lan-both?step=1000")
	var loaded []struct {
		Name         string
		Wire, Decode int
	}
	json.Unmarshal([]byte(tb.Eval(`JSON.stringify(performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).map(e => ({name: e.name, wire: e.encodedBodySize, decode: e.decodedBodySize})))`)), &loaded)
	if len(loaded) < 8 {
		t.Fatalf("only %d loads seen: %v", len(loaded), loaded)
	}
	wire, raw := 0, 0
	byType := map[string][2]int{}
	for _, r := range loaded {
		wire += r.Wire
		raw += r.Decode
		ext := r.Name[strings.LastIndex(r.Name, ".")+1:]
		if strings.Contains(r.Name, "/play/") {
			ext = "html"
		}
		v := byType[ext]
		byType[ext] = [2]int{v[0] + r.Decode, v[1] + r.Wire}
	}
	t.Logf("the player weighs %d bytes, %d on the wire; [raw wire] by type: %v", raw, wire, byType)
	if wire*3 > raw {
		t.Errorf("the player crossed the wire in %d bytes of %d: not compressed", wire, raw)
	}
	if wire > compressedBudget {
		t.Errorf("the player weighs %d bytes on the wire, over the %d-byte budget: %v", wire, compressedBudget, byType)
	}
}
