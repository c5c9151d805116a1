package dns

import (
	"encoding/json"
	"errors"
	"net/netip"
	"slices"
	"strings"
	"testing"
)

func TestLectureMX(t *testing.T) {
	r := testResolver(t)
	mx, err := r.LookupMX("Example.COM.")
	want := []MX{{0, "example.com"}, {30, "server1.example.com"}}
	if err != nil || !slices.Equal(mx, want) {
		t.Fatalf("LookupMX = %v, %v; want %v", mx, err, want)
	}
	hosts, err := r.MailHosts("example.com")
	if err != nil {
		t.Fatal(err)
	}
	wantHosts := []Target{
		{Host: "example.com", Pref: 0, Addrs: []netip.Addr{netip.MustParseAddr("69.9.64.11")}, Key: "dns.mail.mx"},
		{Host: "server1.example.com", Pref: 30, Addrs: []netip.Addr{netip.MustParseAddr("69.9.64.15")}, Key: "dns.mail.mx"},
	}
	if !slices.EqualFunc(hosts, wantHosts, equalTarget) {
		t.Fatalf("MailHosts = %+v\nwant %+v", hosts, wantHosts)
	}
}

func equalTarget(a, b Target) bool {
	return a.Host == b.Host && a.Pref == b.Pref && slices.Equal(a.Addrs, b.Addrs) && a.Implicit == b.Implicit && a.Key == b.Key
}

func TestLookupA(t *testing.T) {
	r := testResolver(t)
	for name, want := range map[string][]string{
		"www1.example.com":    {"69.9.64.12"},
		"mx-b.test.example":   {"10.0.0.2", "10.0.0.3"},
		"alias.test.example.": {"10.0.0.80"}, // alias -> www -> web
	} {
		addrs, err := r.LookupA(name)
		var got []string
		for _, a := range addrs {
			got = append(got, a.String())
		}
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("LookupA(%q) = %v, %v; want %v", name, got, err, want)
		}
	}
}

func TestLookupErrors(t *testing.T) {
	r := testResolver(t)
	tests := []struct {
		name string
		do   func() error
		want error
		key  string
	}{
		{"NXDOMAIN in a known zone", func() error { _, err := r.LookupMX("nosuch.example.com"); return err }, ErrNXDomain, "dns.answer.nxdomain"},
		{"NXDOMAIN without a zone", func() error { _, err := r.LookupA("example.org"); return err }, ErrNXDomain, "dns.answer.nxdomain"},
		{"no data", func() error { _, err := r.LookupMX("www1.example.com"); return err }, ErrNoData, "dns.answer.nodata"},
		{"empty non-terminal", func() error { _, err := r.LookupA("deep.test.example"); return err }, ErrNoData, "dns.answer.nodata"},
		{"bad name", func() error { _, err := r.LookupA("a..b"); return err }, ErrBadName, "dns.answer.formerr"},
		{"CNAME loop", func() error { _, err := r.LookupA("loop1.test.example"); return err }, ErrCNAMELoop, "dns.answer.servfail"},
		{"null MX", func() error { _, err := r.MailHosts("nomail.test.example"); return err }, ErrNullMX, "dns.mail.nullmx"},
		{"no usable host", func() error { _, err := r.MailHosts("dead.test.example"); return err }, ErrNoUsableHost, "dns.mail.nohost"},
		{"no MX and no A", func() error { _, err := r.MailHosts("deep.test.example"); return err }, ErrNoData, "dns.answer.nodata"},
		{"mail to a missing domain", func() error { _, err := r.MailHosts("nosuch.example.com"); return err }, ErrNXDomain, "dns.answer.nxdomain"},
	}
	sentinels := []error{ErrNXDomain, ErrNoData, ErrNullMX, ErrNoUsableHost, ErrBadName, ErrCNAMELoop}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.do()
			var le *LookupError
			if !errors.As(err, &le) || le.Key() != tc.key {
				t.Fatalf("err = %v, want a *LookupError with key %s", err, tc.key)
			}
			for _, s := range sentinels {
				if errors.Is(err, s) != (s == tc.want) {
					t.Fatalf("errors.Is(%v, %v) = %v", err, s, !(s == tc.want))
				}
			}
		})
	}
}

func TestNullMX(t *testing.T) {
	r := testResolver(t)
	mx, err := r.LookupMX("nomail.test.example")
	if err != nil || len(mx) != 1 || !mx[0].Null() {
		t.Fatalf("LookupMX = %v, %v; want the null MX", mx, err)
	}
	if a := r.Resolve(Query{"nomail.test.example", TypeMX}); a.Key != "dns.answer.nullmx" {
		t.Fatalf("key %q", a.Key)
	}
}

func TestImplicitMX(t *testing.T) {
	r := testResolver(t)
	var asked []string
	r.Trace = func(q Query, a Answer) { asked = append(asked, string(q.Type)+" "+q.Name+" "+a.Key) }
	hosts, err := r.MailHosts("www1.example.com")
	want := []Target{{Host: "www1.example.com", Addrs: []netip.Addr{netip.MustParseAddr("69.9.64.12")}, Implicit: true, Key: "dns.mail.implicit"}}
	if err != nil || !slices.EqualFunc(hosts, want, equalTarget) {
		t.Fatalf("MailHosts = %+v, %v; want %+v", hosts, err, want)
	}
	wantAsked := []string{"MX www1.example.com dns.answer.nodata", "A www1.example.com dns.answer.a"}
	if !slices.Equal(asked, wantAsked) {
		t.Fatalf("trace %q, want %q", asked, wantAsked)
	}
}

func TestMailHostsOrderAndSkip(t *testing.T) {
	r := testResolver(t)
	var asked []string
	r.Trace = func(q Query, a Answer) { asked = append(asked, string(q.Type)+" "+q.Name+" "+string(a.Rcode)) }
	hosts, err := r.MailHosts("test.example")
	if err != nil {
		t.Fatal(err)
	}
	// Equal preferences are taken by name (mx-a before mx-b, although the
	// zone lists mx-b first); "nowhere" has no address and is skipped.
	var got []string
	for _, h := range hosts {
		got = append(got, h.Host)
	}
	if !slices.Equal(got, []string{"mx-a.test.example", "mx-b.test.example"}) || len(hosts[1].Addrs) != 2 {
		t.Fatalf("hosts %+v", hosts)
	}
	wantAsked := []string{
		"MX test.example NOERROR",
		"A mx-a.test.example NOERROR",
		"A mx-b.test.example NOERROR",
		"A nowhere.test.example NXDOMAIN",
	}
	if !slices.Equal(asked, wantAsked) {
		t.Fatalf("trace %q, want %q", asked, wantAsked)
	}
}

func TestAnswerSections(t *testing.T) {
	r := testResolver(t)
	a := r.Resolve(Query{Name: "test.example", Type: TypeMX})
	if a.Zone != "test.example" || len(a.Records) != 3 || len(a.Authority) != 1 || a.Authority[0].Target != "ns1.test.example" {
		t.Fatalf("answer %+v", a)
	}
	var extra []string
	for _, rec := range a.Additional {
		extra = append(extra, rec.Name+"="+rec.Addr.String())
	}
	// Only the name servers' addresses: nslookup prints this section as
	// where the authoritative answers are.
	want := []string{"ns1.test.example=10.0.0.53", "ns1.test.example=2001:db8::53"}
	if !slices.Equal(extra, want) {
		t.Fatalf("additional %v, want %v", extra, want)
	}
	alias := r.Resolve(Query{Name: "alias.test.example", Type: "a"})
	if alias.Key != "dns.answer.alias" || len(alias.Records) != 3 || alias.Records[2].Type != TypeA {
		t.Fatalf("alias answer %+v", alias)
	}
	if c := r.Resolve(Query{Name: "www.test.example", Type: TypeCNAME}); c.Key != "dns.answer.cname" || len(c.Records) != 1 {
		t.Fatalf("CNAME answer %+v", c)
	}
	if any := r.Resolve(Query{Name: "test.example", Type: TypeANY}); len(any.Records) != 4 || any.Authority != nil {
		t.Fatalf("ANY answer %+v", any)
	}
	if bad := r.Resolve(Query{Name: "test.example", Type: "TXT"}); bad.Rcode != FormErr {
		t.Fatalf("unknown type answer %+v", bad)
	}
}

func TestAnswerJSON(t *testing.T) {
	r := testResolver(t)
	q := Query{Name: "example.com", Type: TypeMX}
	b, err := json.Marshal(struct {
		Q Query  `json:"q"`
		A Answer `json:"a"`
	}{q, r.Resolve(q)})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"q":{"name":"example.com","type":"MX"},"a":{"rcode":"NOERROR","aa":false,"zone":"example.com",` +
		`"records":[{"name":"example.com","ttl":14400,"type":"MX","data":"0 example.com."},` +
		`{"name":"example.com","ttl":14400,"type":"MX","data":"30 server1.example.com."}],"key":"dns.answer.mx"}}`
	if string(b) != want {
		t.Fatalf("JSON\n%s\nwant\n%s", b, want)
	}
}

func TestNewResolver(t *testing.T) {
	_, err := NewResolver(mustLecture(t), mustZone(t, "copy.zone", "example.com. A 192.0.2.1\n"))
	if err == nil || !strings.Contains(err.Error(), "zones/example.com.zone and copy.zone") {
		t.Fatalf("err = %v, want both files named", err)
	}
	// A delegated child zone answers for its names instead of the parent.
	child := mustZone(t, "child.zone", "sub.example.com. A 192.0.2.9\n")
	r, err := NewResolver(mustLecture(t), child)
	if err != nil {
		t.Fatal(err)
	}
	if a := r.Resolve(Query{Name: "sub.example.com", Type: TypeA}); a.Zone != "sub.example.com" || a.Rcode != NoError {
		t.Fatalf("child answer %+v", a)
	}
}

func TestQueryKey(t *testing.T) {
	for q, want := range map[Query]string{
		{"example.com", TypeMX}: "dns.query.mx",
		{"example.com", "any"}:  "dns.query.any",
		{"example.com", "TXT"}:  "dns.query",
	} {
		if got := q.Key(); got != want {
			t.Errorf("%v.Key() = %q, want %q", q, got, want)
		}
	}
}
