package dns

import "strings"

// Table is a zone laid out as the lecture's slide shows it (NAME, TTL, IN,
// TYPE, ADR), for a UI table beside the console.
type Table struct {
	Origin string `json:"origin"`
	File   string `json:"file"`
	Rows   []Row  `json:"rows"`
}

// Row is one record of a Table. Key explains the record's type.
type Row struct {
	Name  string `json:"name"` // absolute, with the trailing dot
	TTL   uint32 `json:"ttl"`
	Class string `json:"class"`
	Type  Type   `json:"type"`
	Data  string `json:"data"`
	Key   string `json:"key"`
}

// Table returns the zone's records as table rows in file order.
func (z *Zone) Table() Table {
	t := Table{Origin: z.origin, File: z.file, Rows: make([]Row, len(z.records))}
	for i, r := range z.records {
		t.Rows[i] = Row{Name: fqdn(r.Name), TTL: r.TTL, Class: "IN", Type: r.Type, Data: r.Data(),
			Key: "dns.type." + strings.ToLower(string(r.Type))}
	}
	return t
}

// Table returns the tables of every zone the console's resolver knows, in
// the order the zones were given.
func (c *Console) Table() []Table {
	tables := make([]Table, len(c.res.zones))
	for i, z := range c.res.zones {
		tables[i] = z.Table()
	}
	return tables
}
