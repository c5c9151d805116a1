package dns

import (
	"fmt"
	"slices"
	"strings"
)

// Zone is the data of one domain as its master file describes it: an origin
// and the records at or below it. A Zone never changes after parsing, so a
// Resolver may share it freely.
type Zone struct {
	file    string
	origin  string
	records []Record         // in file order, which answers keep
	byName  map[string][]int // owner name -> indexes into records, for lookup only
}

// Origin is the zone's apex, such as "example.com".
func (z *Zone) Origin() string { return z.origin }

// File is the name the zone was parsed under, for messages.
func (z *Zone) File() string { return z.file }

// Records returns a copy of the zone's records in file order.
func (z *Zone) Records() []Record { return slices.Clone(z.records) }

// String writes the zone back as master-file text: an $ORIGIN line and one
// fully explicit line per record. ParseZone reads it back to the same zone.
func (z *Zone) String() string {
	var b strings.Builder
	b.WriteString("$ORIGIN " + fqdn(z.origin) + "\n")
	for _, r := range z.records {
		b.WriteString(r.String() + "\n")
	}
	return b.String()
}

// at returns the records owned by name, in file order.
func (z *Zone) at(name string) []Record {
	idx := z.byName[name]
	out := make([]Record, len(idx))
	for i, j := range idx {
		out[i] = z.records[j]
	}
	return out
}

// exists reports whether name has records or names below it. A name with
// neither does not exist (NXDOMAIN); an "empty non-terminal" such as
// "example.com" when only "www.example.com" has records exists but holds no
// data (RFC 8020).
func (z *Zone) exists(name string) bool {
	if len(z.byName[name]) > 0 {
		return true
	}
	for _, r := range z.records {
		if strings.HasSuffix(r.Name, "."+name) {
			return true
		}
	}
	return false
}

// add appends r after checking the rules a real name server would enforce
// on loading, so a student sees the mistake with its line number instead of
// a confusing answer later.
func (z *Zone) add(r Record) error {
	if z.origin == "" {
		z.origin = r.Name
	}
	if !under(r.Name, z.origin) {
		return fmt.Errorf("%s is outside the zone %s", r.Name, z.origin)
	}
	for _, old := range z.at(r.Name) {
		switch {
		case old.Type == r.Type && old.Data() == r.Data():
			return fmt.Errorf("duplicate record %s %s", r.Type, r.Data())
		case old.Type == TypeCNAME || r.Type == TypeCNAME:
			return fmt.Errorf("%s has a CNAME and other records; a CNAME must stand alone (RFC 1034 §3.6.2)", r.Name)
		case old.Type == TypeMX && r.Type == TypeMX && (old.Target == Root || r.Target == Root):
			return fmt.Errorf("%s has a null MX and other MX records; a null MX must be the only one (RFC 7505)", r.Name)
		}
	}
	if z.byName == nil {
		z.byName = make(map[string][]int)
	}
	z.byName[r.Name] = append(z.byName[r.Name], len(z.records))
	z.records = append(z.records, r)
	return nil
}
