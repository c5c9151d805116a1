package dns

import (
	"net/netip"
	"strings"
)

// Console is an nslookup-like session without I/O: the caller shows the
// "> " prompt, passes each typed line to Feed and prints the lines it gets
// back. Like nslookup in interactive mode it remembers the query type and
// the default server between lines.
type Console struct {
	res    *Resolver
	server string // the default server as the user named it
	addr   string // its address, shown as ADDR#53
	qtype  Type
	done   bool
	start  [2]string // the server and address NewConsole was given, for "nslookup"
}

// Output is what one console line produced. Query and Answer are set when
// the line asked the resolver something, so the simulation can put the
// exchange on its timeline; Key is the explanation of the line.
type Output struct {
	Lines  []string `json:"lines"`
	Key    string   `json:"key,omitempty"`
	Query  *Query   `json:"query,omitempty"`
	Answer *Answer  `json:"answer,omitempty"`
}

// NewConsole starts a session asking res through server, an address such
// as "10.0.0.53" or a host name the zones give an address (a name they do
// not know is shown as its own address). The query type starts as A, as in
// nslookup.
func NewConsole(res *Resolver, server string) *Console {
	c := &Console{res: res, qtype: TypeA}
	c.server, c.addr = server, server
	if addr, ok := c.serverAddr(server); ok {
		c.addr = addr
	}
	c.start = [2]string{c.server, c.addr}
	return c
}

// Feed handles one typed line and returns the lines nslookup would print.
func (c *Console) Feed(line string) []string { return c.Do(line).Lines }

// Done reports whether the user typed exit; later lines produce nothing.
func (c *Console) Done() bool { return c.done }

// QueryType is the type that the next name query asks for.
func (c *Console) QueryType() Type { return c.qtype }

// Do handles one typed line: a command (set, server, help, exit), a name to
// look up, or a name followed by the server to ask just this once.
//
// A student who copies the lecture's session types its first line,
// "nslookup", too. Alone it starts the session afresh (type A, the first
// server), as running nslookup again would; "nslookup NAME [SERVER]" asks
// once, as nslookup does when given a name on the shell's command line.
func (c *Console) Do(line string) Output {
	f := strings.Fields(line)
	if c.done || len(f) == 0 {
		return Output{}
	}
	if strings.EqualFold(f[0], "nslookup") {
		if len(f) == 1 {
			c.qtype, c.server, c.addr = TypeA, c.start[0], c.start[1]
			return Output{Key: "dns.console.start"}
		}
		f = f[1:]
	}
	switch strings.ToLower(f[0]) {
	case "exit":
		c.done = true
		return Output{Key: "dns.console.exit"}
	case "help", "?":
		return Output{Lines: helpLines, Key: "dns.console.help"}
	case "set":
		return c.set(f[1:])
	case "server", "lserver":
		return c.setServer(f[1:])
	}
	switch len(f) {
	case 1:
		return c.lookup(f[0], c.server, c.addr)
	case 2:
		addr, ok := c.serverAddr(f[1])
		if !ok {
			return Output{Lines: []string{"*** Can't find address for server " + f[1]}, Key: "dns.console.bad-server"}
		}
		return c.lookup(f[0], f[1], addr)
	}
	return Output{Lines: []string{"*** Invalid command: " + strings.Join(f, " ")}, Key: "dns.console.bad-command"}
}

var helpLines = []string{
	"Commands:",
	"NAME            - look up NAME with the default server",
	"NAME SERVER     - look up NAME asking SERVER this once",
	"server NAME     - make NAME (a host or an address) the default server",
	"set type=T      - ask for records of type T: A, AAAA, MX, NS, CNAME or ANY",
	"set all         - show the default server and the options",
	"exit            - leave nslookup",
}

// set handles "set type=T" (also querytype= and q=) and "set all".
func (c *Console) set(args []string) Output {
	if len(args) != 1 {
		return Output{Lines: []string{"*** Invalid option: " + strings.Join(args, " ")}, Key: "dns.console.bad-option"}
	}
	opt, val, hasVal := strings.Cut(args[0], "=")
	switch strings.ToLower(opt) {
	case "all":
		if !hasVal {
			return Output{Lines: []string{
				"Default server: " + c.server,
				"Address: " + c.addr + "#53",
				"",
				"Set options:",
				"  querytype = " + string(c.qtype) + "\tclass = IN\tport = 53",
			}, Key: "dns.console.set-all"}
		}
	case "type", "querytype", "q":
		t, ok := parseType(val, true)
		if !ok {
			return Output{Lines: []string{"unknown query type: " + val}, Key: "dns.console.bad-type"}
		}
		c.qtype = t
		return Output{Key: "dns.console.set-type"}
	}
	return Output{Lines: []string{"*** Invalid option: " + args[0]}, Key: "dns.console.bad-option"}
}

// setServer handles "server NAME".
func (c *Console) setServer(args []string) Output {
	if len(args) != 1 {
		return Output{Lines: []string{"*** server needs one host name or address"}, Key: "dns.console.bad-command"}
	}
	addr, ok := c.serverAddr(args[0])
	if !ok {
		return Output{Lines: []string{"*** Can't find address for server " + args[0]}, Key: "dns.console.bad-server"}
	}
	c.server, c.addr = args[0], addr
	return Output{Lines: []string{"Default server: " + c.server, "Address: " + c.addr + "#53", ""}, Key: "dns.console.server"}
}

// serverAddr finds the address of a server given as an address or a name.
// nslookup does this quietly before the real question, so it is not traced.
func (c *Console) serverAddr(server string) (string, bool) {
	if ip, err := netip.ParseAddr(server); err == nil {
		return ip.String(), true
	}
	a := c.res.resolve(Query{Name: server, Type: TypeA})
	for _, rec := range a.Records {
		if rec.Type == TypeA {
			return rec.Addr.String(), true
		}
	}
	return "", false
}

// lookup asks the current query type for name through the given server.
func (c *Console) lookup(name, server, addr string) Output {
	if why := checkName(canonical(name)); why != "" {
		return Output{Lines: []string{"*** '" + name + "' is not a legal name (" + why + ")"}, Key: "dns.console.bad-name"}
	}
	q := Query{Name: canonical(name), Type: c.qtype}
	a := c.res.Resolve(q)
	a.Authoritative = c.res.serves(a.Zone, server, addr)
	return Output{Lines: nslookupLines(q, a, server, addr), Key: a.Key, Query: &q, Answer: &a}
}

// serves reports whether the server (by name or address) is one of the
// name servers of the zone with the given origin, so its answers are
// authoritative.
func (r *Resolver) serves(origin, server, addr string) bool {
	z := r.zoneFor(origin)
	if z == nil {
		return false
	}
	server = canonical(server)
	for _, ns := range z.at(z.origin) {
		if ns.Type != TypeNS {
			continue
		}
		if ns.Target == server {
			return true
		}
		for _, a := range r.addresses(ns.Target) {
			if a.Addr.String() == addr {
				return true
			}
		}
	}
	return false
}
