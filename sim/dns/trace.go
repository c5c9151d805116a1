package dns

import "strings"

// Query is one DNS question, in the form the simulation puts on its
// timeline as a dns-query event.
type Query struct {
	Name string `json:"name"`
	Type Type   `json:"type"`
}

// Key is the explanation key of the question: what is being asked and why.
func (q Query) Key() string {
	if _, ok := parseType(string(q.Type), true); ok {
		return "dns.query." + strings.ToLower(string(q.Type))
	}
	return "dns.query"
}

// Rcode is the response code of an answer (RFC 1035 §4.1.1), by its name.
type Rcode string

// The response codes the simulator gives.
const (
	NoError  Rcode = "NOERROR"  // the name exists; Records may still be empty (no data)
	FormErr  Rcode = "FORMERR"  // the question was not a legal name or type
	ServFail Rcode = "SERVFAIL" // the resolver gave up (a CNAME loop)
	NXDomain Rcode = "NXDOMAIN" // the name does not exist
)

// Answer is the reply to one Query, in the form the simulation puts on its
// timeline as a dns-answer event. Records is the answer section: any CNAME
// records followed, then the records asked for (MX sorted by preference).
// Authority holds the name servers of the zone that answered and Additional
// the addresses of the hosts named in both, as a real server sends them.
type Answer struct {
	Rcode Rcode `json:"rcode"`
	// Authoritative is the AA flag: the answer comes from a name server of
	// the zone rather than a resolver's cache. The resolver itself is
	// recursive, so only a Console talking to a zone's name server sets it.
	Authoritative bool     `json:"aa"`
	Zone          string   `json:"zone,omitempty"` // origin of the zone that answered
	Records       []Record `json:"records"`
	Authority     []Record `json:"authority,omitempty"`
	Additional    []Record `json:"additional,omitempty"`
	Key           string   `json:"key"` // explanation key of the situation
}

// has reports whether the answer section holds a record of type t (any
// record for TypeANY), as opposed to only CNAMEs leading nowhere.
func (a Answer) has(t Type) bool {
	for _, r := range a.Records {
		if r.Type == t || t == TypeANY {
			return true
		}
	}
	return false
}

// err turns an unsuccessful answer to q into a *LookupError, or returns nil.
func (a Answer) err(q Query) error {
	var why error
	switch {
	case a.Rcode == NXDomain:
		why = ErrNXDomain
	case a.Rcode == FormErr:
		why = ErrBadName
	case a.Rcode == ServFail:
		why = ErrCNAMELoop
	case !a.has(q.Type):
		why = ErrNoData
	default:
		return nil
	}
	return &LookupError{Name: canonical(q.Name), Type: q.Type, Err: why}
}
