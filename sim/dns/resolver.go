package dns

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// maxCNAME bounds how many aliases one lookup follows before it gives up
// with SERVFAIL, so that a looping pair of CNAMEs cannot hang the world.
const maxCNAME = 8

// Resolver answers questions from a fixed set of zones, like a recursive
// resolver that can reach every simulated name server. It holds no cache and
// no clock: the same question always gets the same answer.
type Resolver struct {
	zones []*Zone

	// Trace, when set, is called with every question the resolver answers,
	// including those MailHosts and the Console ask on a caller's behalf,
	// so that the simulation can put them on its timeline in order.
	Trace func(Query, Answer)
}

// NewResolver makes a resolver over zones. Two zones with the same origin
// are an error, since it would be unclear which one answers.
func NewResolver(zones ...*Zone) (*Resolver, error) {
	for i, z := range zones {
		for _, other := range zones[:i] {
			if other.origin == z.origin {
				return nil, fmt.Errorf("dns: %s and %s both hold the zone %s", other.file, z.file, z.origin)
			}
		}
	}
	return &Resolver{zones: slices.Clone(zones)}, nil
}

// zoneFor returns the zone with the longest origin that contains name, as
// delegation would lead a real resolver to it; nil when no zone does.
func (r *Resolver) zoneFor(name string) *Zone {
	var best *Zone
	for _, z := range r.zones {
		if under(name, z.origin) && (best == nil || len(z.origin) > len(best.origin)) {
			best = z
		}
	}
	return best
}

// Resolve answers one question and reports it to Trace.
func (r *Resolver) Resolve(q Query) Answer {
	a := r.resolve(q)
	if r.Trace != nil {
		r.Trace(q, a)
	}
	return a
}

// resolve answers q without reporting it, for look-ups that are not part of
// the story, such as finding the console's own server address.
func (r *Resolver) resolve(q Query) Answer {
	name := canonical(q.Name)
	a := Answer{Rcode: NoError}
	t, ok := parseType(string(q.Type), true)
	if !ok || checkName(name) != "" {
		a.Rcode = FormErr
		a.Key = answerKey(t, a)
		return a
	}
	for hops := 0; ; hops++ {
		z := r.zoneFor(name)
		if z == nil || !z.exists(name) {
			a.Rcode = NXDomain
			break
		}
		a.Zone = z.origin
		var match []Record
		var alias *Record
		for _, rec := range z.at(name) {
			switch {
			case rec.Type == t || t == TypeANY:
				match = append(match, rec)
			case rec.Type == TypeCNAME && t != TypeCNAME:
				alias = &rec
			}
		}
		if alias != nil {
			if hops == maxCNAME {
				a.Rcode, a.Records = ServFail, nil
				break
			}
			a.Records = append(a.Records, *alias)
			name = alias.Target
			continue
		}
		if t == TypeMX {
			slices.SortStableFunc(match, byPreference)
		}
		a.Records = append(a.Records, match...)
		break
	}
	if a.Rcode == NoError {
		a.Authority, a.Additional = r.extra(a)
	}
	a.Key = answerKey(t, a)
	return a
}

// byPreference orders MX records the way an MTA tries them. RFC 5321 §5.1
// asks senders to shuffle exchanges of equal preference; the simulator takes
// them by name instead so that every run gives the same trace.
func byPreference(x, y Record) int {
	return cmp.Or(cmp.Compare(x.Pref, y.Pref), strings.Compare(x.Target, y.Target))
}

// extra builds the authority section (the answering zone's name servers,
// unless the answer already lists them) and the additional section: the
// A and AAAA addresses of those name servers, by host name, each host's in
// zone order. nslookup prints both under "Authoritative answers can be
// found from:", so the additional section holds only where the name servers
// are, as in the lecture's yahoo.com answer; the addresses of MX hosts are
// separate questions, as an MTA asks them.
func (r *Resolver) extra(a Answer) (authority, additional []Record) {
	if z := r.zoneFor(a.Zone); z != nil && !a.has(TypeNS) {
		for _, rec := range z.at(z.origin) {
			if rec.Type == TypeNS {
				authority = append(authority, rec)
			}
		}
	}
	var hosts []string
	for _, rec := range slices.Concat(a.Records, authority) {
		if rec.Type == TypeNS && !slices.Contains(hosts, rec.Target) {
			hosts = append(hosts, rec.Target)
		}
	}
	slices.Sort(hosts)
	for _, h := range hosts {
		additional = append(additional, r.addresses(h)...)
	}
	return authority, additional
}

// addresses returns the A and AAAA records owned by host itself, without
// following aliases, as glue in the additional section is given.
func (r *Resolver) addresses(host string) []Record {
	z := r.zoneFor(host)
	if z == nil {
		return nil
	}
	var out []Record
	for _, rec := range z.at(host) {
		if rec.Type == TypeA || rec.Type == TypeAAAA {
			out = append(out, rec)
		}
	}
	return out
}

// answerKey names the situation an answer to a question of type t shows.
func answerKey(t Type, a Answer) string {
	switch {
	case a.Rcode == FormErr:
		return "dns.answer.formerr"
	case a.Rcode == NXDomain:
		return "dns.answer.nxdomain"
	case a.Rcode == ServFail:
		return "dns.answer.servfail"
	case !a.has(t):
		return "dns.answer.nodata"
	case t == TypeMX && a.Records[len(a.Records)-1].Target == Root:
		return "dns.answer.nullmx"
	case a.Records[0].Type == TypeCNAME && t != TypeCNAME:
		return "dns.answer.alias"
	}
	return "dns.answer." + strings.ToLower(string(t))
}
