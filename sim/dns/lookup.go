package dns

import (
	"errors"
	"net/netip"
)

// LookupMX returns the mail exchangers of domain, lowest preference first and
// equal preferences by host name. A null MX comes back as the single MX
// {0, "."}; MailHosts is what turns it into a refusal.
func (r *Resolver) LookupMX(domain string) ([]MX, error) {
	q := Query{Name: domain, Type: TypeMX}
	a := r.Resolve(q)
	if err := a.err(q); err != nil {
		return nil, err
	}
	var mx []MX
	for _, rec := range a.Records {
		if rec.Type == TypeMX {
			mx = append(mx, MX{Pref: rec.Pref, Host: rec.Target})
		}
	}
	return mx, nil
}

// LookupA returns the IPv4 addresses of name in zone order, following CNAMEs.
func (r *Resolver) LookupA(name string) ([]netip.Addr, error) {
	q := Query{Name: name, Type: TypeA}
	a := r.Resolve(q)
	if err := a.err(q); err != nil {
		return nil, err
	}
	var addrs []netip.Addr
	for _, rec := range a.Records {
		if rec.Type == TypeA {
			addrs = append(addrs, rec.Addr)
		}
	}
	return addrs, nil
}

// Target is one host an MTA should try when delivering mail for a domain.
type Target struct {
	Host  string       `json:"host"`
	Pref  uint16       `json:"pref"`
	Addrs []netip.Addr `json:"addrs"`
	// Implicit marks the RFC 5321 §5.1 fallback: the domain has no MX, so
	// its own address is used as if it had "MX 0 domain".
	Implicit bool   `json:"implicit,omitempty"`
	Key      string `json:"key"` // explanation key: dns.mail.mx or dns.mail.implicit
}

// MailHosts returns, in order, the hosts an MTA should try for mail to
// domain, following RFC 5321 §5.1: the MX exchanges by preference, skipping
// any without an address; with no MX at all, the domain's own A record. A
// null MX (RFC 7505) fails with ErrNullMX, a missing domain with
// ErrNXDomain, and MX records whose hosts all lack addresses with
// ErrNoUsableHost. Every question asked on the way goes to Trace.
func (r *Resolver) MailHosts(domain string) ([]Target, error) {
	mx, err := r.LookupMX(domain)
	if errors.Is(err, ErrNoData) {
		return r.implicitHost(domain)
	}
	if err != nil {
		return nil, err
	}
	if mx[0].Null() {
		return nil, &LookupError{Name: canonical(domain), Type: TypeMX, Err: ErrNullMX}
	}
	var hosts []Target
	for _, m := range mx {
		addrs, err := r.LookupA(m.Host)
		if err != nil {
			continue // RFC 5321 §5.1: an exchange that cannot be resolved is skipped
		}
		hosts = append(hosts, Target{Host: m.Host, Pref: m.Pref, Addrs: addrs, Key: "dns.mail.mx"})
	}
	if len(hosts) == 0 {
		return nil, &LookupError{Name: canonical(domain), Type: TypeMX, Err: ErrNoUsableHost}
	}
	return hosts, nil
}

// implicitHost is the implicit MX of a domain without MX records.
func (r *Resolver) implicitHost(domain string) ([]Target, error) {
	addrs, err := r.LookupA(domain)
	if err != nil {
		return nil, err
	}
	return []Target{{Host: canonical(domain), Addrs: addrs, Implicit: true, Key: "dns.mail.implicit"}}, nil
}
