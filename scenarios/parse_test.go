package scenarios

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mailsim/lang"
	"mailsim/sim"
)

const header = `scenario t
title ro="Titlu" en="Title"
about ro="Despre" en="About"
host a name=a.example ro="A" en="A"
agent a.ua host=a kind=ua ro="UA" en="UA"
agent a.mta host=a kind=mta-client ro="MTA" en="MTA"
host b name=b.example ro="B" en="B"
agent b.mta host=b kind=mta-server ro="MTA" en="MTA"
agent b.ua host=b kind=ua ro="UA" en="UA"
link a b kind=lan latency=1ms
user x@a.example host=a ua=a.ua
user y@b.example host=b ua=b.ua
`

func TestParseGood(t *testing.T) {
	spec, err := Parse("t.scn", strings.NewReader(header+`send at=1s from=x@a.example to=y@b.example subject="Say \"hi\""
| line one
|
|  indented
read at=2s user=y@b.example
`))
	if err != nil {
		t.Fatal(err)
	}
	if spec.Name != "t" || len(spec.Hosts) != 2 || len(spec.Hosts[0].Agents) != 2 {
		t.Fatalf("topology parsed wrong: %+v", spec)
	}
	s := spec.Sends[0]
	if s.Subject != `Say "hi"` || s.Body != "line one\n\n indented" || s.At.Seconds() != 1 {
		t.Fatalf("send parsed wrong: %+v", s)
	}
	if spec.Links[0].Latency.Milliseconds() != 1 || spec.Reads[0].User != "y@b.example" {
		t.Fatalf("link or read parsed wrong: %+v %+v", spec.Links, spec.Reads)
	}
}

// TestParseTellsBothLanguages: '|' lines are shared, 'ro|' and 'en|' lines
// and ro=/en= subjects belong to one telling, and each telling finds the
// other; forward lines become the spec's forwards.
func TestParseTellsBothLanguages(t *testing.T) {
	spec, err := Parse("t.scn", strings.NewReader(header+`forward old@b.example to=y@b.example
send at=0s from=x@a.example to=old@b.example ro="Salut" en="Hello"
en| Hi,
ro| Bună,
|
| Alice
`))
	if err != nil {
		t.Fatal(err)
	}
	ro := spec.In(lang.RO)
	if spec.Lang != lang.EN || ro.Lang != lang.RO || ro.In(lang.EN) != spec || spec.In(lang.EN) != spec {
		t.Fatalf("tellings not linked: %q, %q", spec.Lang, ro.Lang)
	}
	en, rs := spec.Sends[0], ro.Sends[0]
	if en.Subject != "Hello" || en.Body != "Hi,\n\nAlice" || rs.Subject != "Salut" || rs.Body != "Bună,\n\nAlice" {
		t.Fatalf("tellings say %q %q and %q %q", en.Subject, en.Body, rs.Subject, rs.Body)
	}
	if len(spec.Forwards) != 1 || spec.Forwards[0] != (sim.Forward{Address: "old@b.example", To: "y@b.example"}) {
		t.Fatalf("forwards parsed wrong: %+v", spec.Forwards)
	}
}

// TestParseServerSituations: an MTA server's greylist delay and queue write
// errors, and a moved address, reach the spec.
func TestParseServerSituations(t *testing.T) {
	spec, err := Parse("t.scn", strings.NewReader(header+`agent b.grey host=b kind=mta-server greylist=5m write-errors=2 ro="M" en="M"
moved gone@b.example to=x@a.example
`))
	if err != nil {
		t.Fatal(err)
	}
	a := spec.Hosts[1].Agents[2]
	if a.Greylist != 5*time.Minute || a.WriteErrors != 2 {
		t.Errorf("agent parsed wrong: %+v", a)
	}
	if len(spec.Forwards) != 1 || spec.Forwards[0] != (sim.Forward{Address: "gone@b.example", To: "x@a.example", Moved: true}) {
		t.Errorf("moved parsed wrong: %+v", spec.Forwards)
	}
}

// TestParseErrors checks that every kind of mistake names its line and says
// what is wrong, in words an instructor can act on.
func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, text string
		line       int
		want       string
	}{
		{"no scenario line", "title ro=a en=b\n", 1, "must begin with a scenario line"},
		{"unknown directive", header + "hots c name=c ro=C en=C\n", 13, `unknown directive "hots"`},
		{"unknown option", header + "read at=1s user=y@b.example colour=red\n", 13, `does not take option "colour"`},
		{"open quote", header + `send at=0s from=x@a.example to=y@b.example subject="oops` + "\n", 13, "not closed"},
		{"bad duration", header + "read at=soon user=y@b.example\n", 13, `at="soon" is not a duration`},
		{"negative latency", strings.Replace(header, "latency=1ms", "latency=-5ms", 1), 10, "not a duration"},
		{"bad agent kind", header + "agent a.x host=a kind=robot ro=R en=R\n", 13, `unknown agent kind "robot"`},
		{"agent on unknown host", header + "agent c.ua host=c kind=ua ro=U en=U\n", 13, "not defined above"},
		{"missing language", header + "host c name=c.example ro=C\n", 13, "needs both ro="},
		{"bad address", header + "send at=0s from=x@a.example to=not-an-address\n", 13, "is not an e-mail address"},
		{"body without send", header + "| stray\n", 13, "must follow a send or zone"},
		{"bad zone record", header + "zone b.example\n# the MX\n| b.example. IN MX 10 b.example.\n| b.example. IN A 300.1.1.1\n", 16, "300.1.1.1"},
		{"partial without imap", header + "read at=1s user=y@b.example partial=10\n", 13, "partial= needs via=imap"},
		{"unknown access protocol", header + "read at=1s user=y@b.example via=uucp\n", 13, `via="uucp"`},
		{"empty zone", header + "zone b.example\n", 13, "has no records"},
		{"duplicate host", header + "host a name=z.example ro=Z en=Z\n", 13, "defined twice"},
		{"duplicate option", header + "read at=1s at=2s user=y@b.example\n", 13, "given twice"},
		{"long line", header + "read at=1s user=" + strings.Repeat("y", 5000) + "\n", 13, "longer than"},
		{"unknown user sends", header + "send at=0s from=z@a.example to=y@b.example\n", 0, "unknown user z@a.example"},
		{"no title", "scenario t\n", 0, "title needs both"},
		{"subject twice", header + `send at=0s from=x@a.example to=y@b.example subject=s ro=a en=b` + "\n", 13, "not both"},
		{"subject in one language", header + `send at=0s from=x@a.example to=y@b.example ro=a` + "\n", 13, "needs both ro="},
		{"body in one language", header + "send at=0s from=x@a.example to=y@b.example\n| Bob,\nro| salut\n", 13, "one language only"},
		{"language line in a zone", header + "zone b.example\nro| b.example. IN MX 10 b.example.\n", 14, "belongs to a message body"},
		{"forward without target", header + "forward old@b.example\n", 13, "forward needs to="},
		{"forward to itself", header + "forward old@b.example to=OLD@b.example\n", 13, "cannot forward to itself"},
		{"forward from a mailbox", header + "forward y@b.example to=x@a.example\n", 0, "has a mailbox and cannot also forward"},
		{"forward loop", header + "forward p@b.example to=q@b.example\nforward q@b.example to=p@b.example\n", 0, "comes back to"},
		{"moved without target", header + "moved old@b.example\n", 13, "moved needs to="},
		{"moved to itself", header + "moved old@b.example to=old@b.example\n", 13, "cannot move to itself"},
		{"moved from a mailbox", header + "moved y@b.example to=x@a.example\n", 0, "has a mailbox and cannot also forward or move"},
		{"moved and forwarded", header + "forward old@b.example to=y@b.example\nmoved old@b.example to=x@a.example\n", 0, "forwards or moves twice"},
		{"greylist on a client", header + "agent a.out host=a kind=mta-client greylist=5m ro=M en=M\n", 13, "only an mta-server takes greylist="},
		{"greylist without a delay", header + "agent b.in host=b kind=mta-server greylist=soon ro=M en=M\n", 13, `greylist="soon" is not a duration`},
		{"write errors on a UA", header + "agent b.u host=b kind=ua write-errors=1 ro=U en=U\n", 13, "only an mta-server takes write-errors="},
		{"write errors not a number", header + "agent b.in host=b kind=mta-server write-errors=some ro=M en=M\n", 13, `write-errors="some" must be a whole number`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("bad.scn", strings.NewReader(c.text))
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("want a located *Error, got %v", err)
			}
			if pe.File != "bad.scn" || pe.Line != c.line || !strings.Contains(pe.Msg, c.want) {
				t.Fatalf("got %q (line %d), want line %d containing %q", err, pe.Line, c.line, c.want)
			}
		})
	}
}

// TestLoadSkipsBadFile checks that an instructor's broken file is reported
// while the good files, embedded and added, are still served, and that a file
// may override an embedded scenario by name.
func TestLoadSkipsBadFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("broken.scn", header+"link a b kind=fibre latency=1ms\n")
	write("extra.scn", header)
	write("notes.txt", "not a scenario")
	override := strings.Replace(header, "scenario t", "scenario two-systems order=2", 1)
	write("override.scn", strings.Replace(override, `title ro="Titlu" en="Title"`, `title ro="Înlocuit" en="Replaced"`, 1))

	lib, errs := Load(dir)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "broken.scn:13: unknown link kind") {
		t.Fatalf("want one error for broken.scn line 13, got %v", errs)
	}
	if _, ok := lib.Get("t"); !ok {
		t.Error("the good extra scenario was not loaded")
	}
	if s, ok := lib.Get("two-systems"); !ok || s.Title.EN != "Replaced" {
		t.Errorf("the override did not replace the embedded scenario: %+v", s)
	}
}

func TestLoadMissingDir(t *testing.T) {
	lib, errs := Load(filepath.Join(t.TempDir(), "absent"))
	if len(errs) != 1 {
		t.Fatalf("want an error for a missing directory, got %v", errs)
	}
	if _, ok := lib.Get("two-systems"); !ok {
		t.Error("embedded scenarios must still load")
	}
}

// FuzzParse feeds arbitrary text to the parser: it must never panic, and
// whatever it accepts must run to its end without error.
func FuzzParse(f *testing.F) {
	f.Add(header + "send at=0s from=x@a.example to=y@b.example subject=s\n| body\nread at=1s user=y@b.example\n")
	f.Add("scenario x\n")
	f.Add(`scenario "a b" title ro="\"" en=\`)
	embedded, _ := os.ReadFile("files/two-systems.scn")
	f.Add(string(embedded))
	for _, name := range []string{"forward", "greylisting", "server-error", "user-moved"} {
		seed, _ := os.ReadFile("files/" + name + ".scn")
		f.Add(string(seed))
	}
	f.Fuzz(func(t *testing.T, text string) {
		spec, err := Parse("fuzz.scn", strings.NewReader(text))
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("error without a location: %v", err)
			}
			return
		}
		if !spec.Title.Complete() || spec.Name == "" {
			t.Fatalf("accepted a spec without name or title: %+v", spec)
		}
	})
}
