package dns

import (
	"slices"
	"strings"
	"testing"
)

// transcript feeds lines to a fresh console and writes the session as a
// terminal shows it, with the "> " prompt the caller is responsible for.
func transcript(t *testing.T, c *Console, lines ...string) string {
	t.Helper()
	var b strings.Builder
	for _, line := range lines {
		b.WriteString("> " + line + "\n")
		for _, out := range c.Feed(line) {
			if strings.Contains(out, "\n") {
				t.Fatalf("output line %q holds a newline", out)
			}
			b.WriteString(out + "\n")
		}
	}
	return b.String()
}

func lectureConsole(t *testing.T) *Console {
	t.Helper()
	r, err := NewResolver(mustLecture(t))
	if err != nil {
		t.Fatal(err)
	}
	return NewConsole(r, "10.0.0.53")
}

func TestConsoleTranscripts(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
	}{
		// The lecture's demonstration, asked of the lecture's zone.
		{"lecture_mx", []string{"set type=MX", "example.com", "exit"}},
		{"lecture_a", []string{"example.com", "set type=A", "server1.example.com"}},
		{"nxdomain", []string{"set type=MX", "nosuch.example.com"}},
		{"no_answer", []string{"set type=MX", "www1.example.com"}},
		{"any", []string{"set type=ANY", "example.com"}},
		{"commands", []string{"help", "set all", "set type=TXT", "set debug", "a..b", "server 192.0.2.99", "server nosuch.example.com", "set q=mx", "set all", "one two three"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			golden(t, tc.name, transcript(t, lectureConsole(t), tc.lines...))
		})
	}
}

func TestConsoleAuthoritative(t *testing.T) {
	// Asking the zone's own name server gives an authoritative answer,
	// without "Non-authoritative answer:" and its pointer to the servers.
	c := NewConsole(testResolver(t), "10.0.0.53")
	golden(t, "authoritative", transcript(t, c,
		"set type=NS", "test.example", "set type=MX", "test.example", "example.com",
		"server ns1.test.example", "www.test.example", "nomail.test.example 10.0.0.53",
		"set type=A", "alias.test.example", "loop1.test.example"))
}

func TestConsoleOutput(t *testing.T) {
	c := lectureConsole(t)
	if out := c.Do("set type=mx"); out.Key != "dns.console.set-type" || out.Lines != nil || c.QueryType() != TypeMX {
		t.Fatalf("set type: %+v, type %s", out, c.QueryType())
	}
	out := c.Do("example.com")
	if out.Key != "dns.answer.mx" || out.Query == nil || *out.Query != (Query{"example.com", TypeMX}) ||
		out.Answer == nil || len(out.Answer.Records) != 2 || out.Answer.Authoritative {
		t.Fatalf("query output %+v", out)
	}
	if out := c.Do("   "); out.Lines != nil || out.Key != "" {
		t.Fatalf("blank line output %+v", out)
	}
	if out := c.Do("EXIT"); out.Key != "dns.console.exit" || !c.Done() {
		t.Fatalf("exit: %+v, done %v", out, c.Done())
	}
	if out := c.Feed("example.com"); out != nil {
		t.Fatalf("after exit got %q", out)
	}
}

func TestConsoleTrace(t *testing.T) {
	r := testResolver(t)
	var asked []Query
	r.Trace = func(q Query, _ Answer) { asked = append(asked, q) }
	// Finding a server's address is bookkeeping, not part of the story.
	c := NewConsole(r, "ns1.test.example")
	c.Feed("server mx-a.test.example")
	c.Feed("www1.example.com")
	want := []Query{{"www1.example.com", TypeA}}
	if !slices.Equal(asked, want) {
		t.Fatalf("traced %v, want %v", asked, want)
	}
	if got := c.Feed("set all")[1]; got != "Address: 10.0.0.1#53" {
		t.Fatalf("server address line %q", got)
	}
}

func TestConsoleTable(t *testing.T) {
	tables := lectureConsole(t).Table()
	if len(tables) != 1 || tables[0].Origin != "example.com" || len(tables[0].Rows) != 5 {
		t.Fatalf("tables %+v", tables)
	}
	want := Row{Name: "example.com.", TTL: 14400, Class: "IN", Type: TypeMX, Data: "30 server1.example.com.", Key: "dns.type.mx"}
	if got := tables[0].Rows[4]; got != want {
		t.Fatalf("row %+v, want %+v", got, want)
	}
}
