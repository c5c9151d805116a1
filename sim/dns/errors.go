package dns

import "errors"

// The reasons a lookup fails. They are sentinels so that a caller can tell
// them apart with errors.Is: an MTA bounces mail at once on ErrNXDomain or
// ErrNullMX but may retry later when no host was usable.
var (
	ErrNXDomain     = errors.New("no such domain (NXDOMAIN)")
	ErrNoData       = errors.New("the name exists but has no record of that type")
	ErrNullMX       = errors.New("the domain accepts no mail (null MX, RFC 7505)")
	ErrNoUsableHost = errors.New("no mail exchanger of the domain has an address")
	ErrBadName      = errors.New("not a legal domain name")
	ErrCNAMELoop    = errors.New("CNAME chain too long or looping (SERVFAIL)")
)

// LookupError is the error of every failed lookup: what was asked and why it
// failed. Err is one of the sentinels above.
type LookupError struct {
	Name string
	Type Type
	Err  error
}

func (e *LookupError) Error() string {
	return "dns: " + string(e.Type) + " " + e.Name + ": " + e.Err.Error()
}

func (e *LookupError) Unwrap() error { return e.Err }

// Key is the explanation key of the failure, for the timeline.
func (e *LookupError) Key() string {
	switch e.Err {
	case ErrNXDomain:
		return "dns.answer.nxdomain"
	case ErrNoData:
		return "dns.answer.nodata"
	case ErrNullMX:
		return "dns.mail.nullmx"
	case ErrNoUsableHost:
		return "dns.mail.nohost"
	case ErrBadName:
		return "dns.answer.formerr"
	default:
		return "dns.answer.servfail"
	}
}
