package scenarios

import (
	"errors"
	"strings"
	"testing"
)

// relays is a PC whose mail goes to x, and two mail servers x and y; each
// test gives x's and y's MTA clients their relay= options.
const relays = `scenario loop
title ro="Buclă" en="Loop"
about ro="Despre" en="About"
host a name=pc.x.example ro="A" en="A"
host x name=x.example ro="X" en="X"
host y name=y.example ro="Y" en="Y"
agent a.ua host=a kind=ua ro="UA" en="UA"
agent a.mta host=a kind=mta-client relay=x ro="MTA" en="MTA"
agent x.mta host=x kind=mta-server ro="MTA" en="MTA"
agent x.out host=x kind=mta-client %s ro="MTA" en="MTA"
agent y.mta host=y kind=mta-server ro="MTA" en="MTA"
agent y.out host=y kind=mta-client %s ro="MTA" en="MTA"
link a x kind=lan latency=1ms
link x y kind=wan latency=10ms
user alice@x.example host=x ua=a.ua
send at=0s from=alice@x.example to=bob@nowhere.example subject=Round
| and round
`

func TestRelayLoopRefusedAtLoad(t *testing.T) {
	cases := []struct {
		name, x, y string
		line       int    // 0: the file loads
		want       string // in the error
	}{
		{"two servers relay to each other", "relay=y", "relay=x", 12, "agent y.out: relay=x closes a relay loop (y → x → y)"},
		{"a server relays to itself", "relay=x", "", 10, "agent x.out: relay=x closes a relay loop (x → x)"},
		{"a chain that ends", "relay=y", "", 0, ""},
		{"no relays", "", "", 0, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := strings.Replace(strings.Replace(relays, "%s", tc.x, 1), "%s", tc.y, 1)
			_, err := Parse("loop.scn", strings.NewReader(text))
			if tc.line == 0 {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.File != "loop.scn" || e.Line != tc.line || !strings.Contains(e.Msg, tc.want) {
				t.Fatalf("got %v, want loop.scn:%d: ...%s...", err, tc.line, tc.want)
			}
		})
	}
}
