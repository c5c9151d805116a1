package smtp

import (
	"strings"
	"testing"
)

// directory is a test Directory: matrix's mailboxes, one of them full, and
// one list.
type directory map[string]Found

func (d directory) Local(domain string) bool { return domain == "matrix" }
func (d directory) Lookup(addr string) Found { return d[addr] }

// matrixDir files the postmaster's mail in asil's mailbox.
var matrixDir = directory{"asil@matrix": Mailbox, "full@matrix": Full, "studenti@matrix": List, "postmaster@matrix": Mailbox}

// policyBackend answers RCPT and VRFY through a Policy, as the simulated
// world and the live lab do.
type policyBackend struct {
	*testBackend
	p Policy
}

func (b policyBackend) Recipient(addr string) *Reply {
	_, refused := b.p.Recipient(addr)
	return refused
}

func (b policyBackend) Verify(name string) Reply { return b.p.Verify(name) }

func policed() Config {
	c := matrix()
	c.Backend = policyBackend{newBackend(), Policy{Dir: matrixDir, Domain: "matrix"}}
	return c
}

// relaying is matrix seen by a client it relays for.
func relaying() Config {
	c := matrix()
	c.Backend = policyBackend{newBackend(), Policy{Dir: matrixDir, Domain: "matrix", Relay: true}}
	return c
}

func TestPolicyCanonical(t *testing.T) {
	p := Policy{Dir: matrixDir, Domain: "matrix"}
	for in, want := range map[string]string{
		"Asil@MATRIX":                   "asil@matrix",
		`"asil"@matrix`:                 "asil@matrix",
		`"As\il"@Matrix`:                "asil@matrix",
		"postmaster@matrix":             "postmaster@matrix",
		"POSTMASTER@Matrix":             "postmaster@matrix",
		`"PostMaster"@matrix`:           "postmaster@matrix",
		"someone@Elsewhere.Example":     "", // relay refused
		`"asil@elsewhere.example"@x.ro`: "", // the domain is x.ro: relay refused
		`"a b"@matrix`:                  "", // unknown, though quoted right
	} {
		got, refused := p.Recipient(in)
		if got != want || (want == "") != (refused != nil) {
			t.Errorf("Recipient(%q) = %q, %v; want %q", in, got, refused, want)
		}
	}
	// Postmaster is a local name only: at another domain it is relaying.
	if _, r := p.Recipient("postmaster@elsewhere.example"); r == nil || r.Key() != "smtp.why.relay-denied" {
		t.Errorf("postmaster elsewhere: %v", r)
	}
	// A server with no mailbox at all has nobody to read the postmaster's
	// mail.
	if _, r := (Policy{Dir: directory{}, Domain: "matrix"}).Recipient("postmaster@matrix"); r == nil || r.Key() != "smtp.why.user-unknown" {
		t.Errorf("postmaster with no mailbox: %v", r)
	}
}

// TestVerifyAgreesWithRecipient checks that for every address VRFY says
// "refused" exactly when RCPT refuses, with the same situation.
func TestVerifyAgreesWithRecipient(t *testing.T) {
	for _, relay := range []bool{false, true} {
		p := Policy{Dir: matrixDir, Domain: "matrix", Relay: relay}
		for _, addr := range []string{"asil@matrix", "ASIL@Matrix", "full@matrix", "studenti@MATRIX", "ghost@matrix",
			"Postmaster@matrix", `"asil"@matrix`, `"asil@matrix"@matrix`, "x@elsewhere.example", "a b@c"} {
			_, refused := p.Recipient(addr)
			v := p.Verify(addr)
			switch {
			case refused == nil && !v.Positive():
				t.Errorf("relay=%v %q: RCPT accepts, VRFY says %v", relay, addr, v)
			case refused != nil && v.Positive() && refused.Situation != "smtp.why.mailbox-full":
				t.Errorf("relay=%v %q: RCPT says %v, VRFY %v", relay, addr, refused, v)
			case refused != nil && !v.Positive() && refused.Situation != v.Situation:
				t.Errorf("relay=%v %q: RCPT says %v, VRFY %v", relay, addr, refused, v)
			}
		}
	}
}

func TestParseAddress(t *testing.T) {
	for in, want := range map[string]Address{
		"bob@mailsim.test":                        {"bob", "mailsim.test"},
		`"victim@gmail.com"@mailsim.test`:         {`"victim@gmail.com"`, "mailsim.test"},
		`"a\"b@c"@d.ro`:                           {`"a\"b@c"`, "d.ro"},
		"postmaster":                              {"postmaster", ""},
		"bob@[192.0.2.1]":                         {"bob", "[192.0.2.1]"},
		strings.Repeat("a", 64) + "@mailsim.test": {strings.Repeat("a", 64), "mailsim.test"},
	} {
		if got, ok := ParseAddress(in); !ok || got != want || got.String() != in {
			t.Errorf("ParseAddress(%q) = %+v, %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "@x", "a@", "a@@b", `"open@x`, "a b@c", "a..b@c", strings.Repeat("a", 65) + "@x", "a@-x"} {
		if a, ok := ParseAddress(in); ok {
			t.Errorf("ParseAddress(%q) = %+v, want an error", in, a)
		}
	}
}

// FuzzParseAddress checks that a parsed address writes back as it was read,
// and that its canonical form parses to itself.
func FuzzParseAddress(f *testing.F) {
	for _, s := range []string{"bob@mailsim.test", `"victim@gmail.com"@mailsim.test`, `"a\"b"@c`, "Postmaster", `""@x`, "a@[1.2.3.4]", "Ștefan@mailsim.test", `"ș t"@țară.ro`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, ok := ParseAddress(s)
		if !ok {
			return
		}
		if a.String() != s {
			t.Fatalf("%q read as %+v", s, a)
		}
		c := a.Canonical()
		b, ok := ParseAddress(c)
		if !ok || b.Canonical() != c {
			t.Fatalf("%q: canonical %q reads as %+v, %v", s, c, b, ok)
		}
		if a.Postmaster() != b.Postmaster() {
			t.Fatalf("%q: postmaster changed with canonical %q", s, c)
		}
	})
}
