package dns

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// Type is a DNS record type, spelled as in zone files and nslookup.
type Type string

// The record types the simulator knows. TypeANY exists only in questions: it
// asks for every record a name has.
const (
	TypeA     Type = "A"
	TypeAAAA  Type = "AAAA"
	TypeNS    Type = "NS"
	TypeCNAME Type = "CNAME"
	TypeMX    Type = "MX"
	TypeANY   Type = "ANY"
)

// recordTypes lists the types a zone can hold, in the order help texts show them.
var recordTypes = []Type{TypeA, TypeAAAA, TypeMX, TypeNS, TypeCNAME}

// parseType maps a type name in any case to a Type; ok is false for a type the
// simulator does not know. TypeANY is accepted only when query is true.
func parseType(s string, query bool) (t Type, ok bool) {
	t = Type(strings.ToUpper(s))
	if query && t == TypeANY {
		return t, true
	}
	for _, known := range recordTypes {
		if t == known {
			return t, true
		}
	}
	return "", false
}

// MX is one mail exchanger of a domain: the host that accepts the domain's
// mail and its preference (lower is tried first).
type MX struct {
	Pref uint16 `json:"pref"`
	Host string `json:"host"` // canonical name; Root for a null MX
}

// Null reports whether this is a null MX (RFC 7505): the domain accepts no mail.
func (m MX) Null() bool { return m.Host == Root }

// Record is one resource record. Names are canonical: lower case, without
// the trailing dot. Which data fields are used depends on Type.
type Record struct {
	Name   string
	TTL    uint32 // seconds
	Type   Type
	Pref   uint16     // MX: preference
	Target string     // MX: exchange; NS: name server; CNAME: canonical name
	Addr   netip.Addr // A: IPv4 address; AAAA: IPv6 address
}

// Data is the record's RDATA as a zone file writes it ("69.9.64.11",
// "30 server1.example.com.").
func (r Record) Data() string {
	switch r.Type {
	case TypeA, TypeAAAA:
		return r.Addr.String()
	case TypeMX:
		return strconv.Itoa(int(r.Pref)) + " " + fqdn(r.Target)
	default:
		return fqdn(r.Target)
	}
}

// String is the record as one zone-file line with every field explicit, so
// that a zone written out with it reads back to the same records.
func (r Record) String() string {
	return fmt.Sprintf("%s\t%d\tIN\t%s\t%s", fqdn(r.Name), r.TTL, r.Type, r.Data())
}

// MarshalJSON gives the stable trace form {name, ttl, type, data}: one shape
// for every type, which the browser shows as a zone-table row.
func (r Record) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Name string `json:"name"`
		TTL  uint32 `json:"ttl"`
		Type Type   `json:"type"`
		Data string `json:"data"`
	}{r.Name, r.TTL, r.Type, r.Data()})
}
