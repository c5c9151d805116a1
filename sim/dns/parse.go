package dns

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"strconv"
	"strings"
	"unicode"
)

// DefaultTTL is the TTL of a record that gives none when no $TTL line came
// before it. It is the 14400 seconds (4 hours) of the lecture's MX records,
// so the lecture's A records, written without a TTL, match them.
const DefaultTTL = 14400

// maxTTL is the largest TTL RFC 2181 §8 allows.
const maxTTL = 1<<31 - 1

// maxLineBytes bounds one zone-file line; no legal record comes close.
const maxLineBytes = 4096

// ParseError is a mistake in a zone file, located so that an instructor can
// go straight to it.
type ParseError struct {
	File string
	Line int // 1-based; 0 when the error is about the file as a whole
	Msg  string
}

func (e *ParseError) Error() string {
	if e.Line == 0 {
		return e.File + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// ParseZone reads a zone in the master-file syntax the lecture shows:
//
//	#NAME               TTL    IN  TYPE  DATA
//	example.com.               IN  A     69.9.64.11
//	example.com.        14400  IN  MX    0 example.com.
//
// One record per line: NAME [TTL] [IN] TYPE RDATA, with TTL and class in
// either order. "#" and ";" start comments. A line starting with blanks
// reuses the previous owner name. "$ORIGIN name." sets the zone apex and the
// base of relative names (and "@"); "$TTL n" sets the default TTL. Without
// $ORIGIN the first owner name is the apex and names without a trailing dot
// are taken as absolute, which is how students usually write them.
//
// name is the file name used in errors. The first mistake stops parsing and
// is returned as a *ParseError.
func ParseZone(name string, r io.Reader) (*Zone, error) {
	p := parser{zone: &Zone{file: name}, ttl: DefaultTTL}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, maxLineBytes)
	line := 0
	for sc.Scan() {
		line++
		if err := p.line(sc.Text()); err != nil {
			return nil, &ParseError{File: name, Line: line, Msg: err.Error()}
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, &ParseError{File: name, Line: line + 1, Msg: fmt.Sprintf("line longer than %d bytes", maxLineBytes)}
		}
		return nil, &ParseError{File: name, Msg: err.Error()}
	}
	if len(p.zone.records) == 0 {
		return nil, &ParseError{File: name, Msg: "the zone has no records"}
	}
	return p.zone, nil
}

// parser holds what one line of a zone file may depend on from earlier ones.
type parser struct {
	zone   *Zone
	origin string // base for relative names, from $ORIGIN; "" if none
	ttl    uint32 // default TTL
	owner  string // owner of the previous record
}

func (p *parser) line(text string) error {
	if i := strings.IndexAny(text, "#;"); i >= 0 {
		text = text[:i]
	}
	fields := strings.Fields(text)
	if len(fields) == 0 {
		return nil
	}
	if strings.HasPrefix(fields[0], "$") {
		return p.directive(fields)
	}
	owner := p.owner
	if startsBlank(text) {
		if owner == "" {
			return errors.New("the line starts with blanks but no earlier record gives the owner name")
		}
	} else {
		var err error
		if owner, err = p.name(fields[0]); err != nil {
			return err
		}
		fields = fields[1:]
	}
	rec := Record{Name: owner, TTL: p.ttl}
	seenTTL, seenClass := false, false
	for len(fields) > 0 {
		f := fields[0]
		if f[0] >= '0' && f[0] <= '9' {
			if seenTTL {
				return fmt.Errorf("two TTLs (%q)", f)
			}
			ttl, err := parseTTL(f)
			if err != nil {
				return err
			}
			rec.TTL, seenTTL = ttl, true
		} else if strings.EqualFold(f, "IN") {
			if seenClass {
				return errors.New("class IN given twice")
			}
			seenClass = true
		} else {
			break
		}
		fields = fields[1:]
	}
	if len(fields) == 0 {
		return errors.New("missing record type (A, AAAA, MX, NS or CNAME)")
	}
	switch strings.ToUpper(fields[0]) {
	case "CH", "HS", "CS":
		return fmt.Errorf("class %s is not supported; only IN", fields[0])
	}
	t, ok := parseType(fields[0], false)
	if !ok {
		return fmt.Errorf("unknown record type %q; known: A, AAAA, MX, NS, CNAME", fields[0])
	}
	rec.Type = t
	if err := p.rdata(&rec, fields[1:]); err != nil {
		return err
	}
	if err := p.zone.add(rec); err != nil {
		return err
	}
	p.owner = owner
	return nil
}

// rdata fills the type-specific fields of rec from the fields after TYPE.
func (p *parser) rdata(rec *Record, f []string) error {
	var err error
	switch rec.Type {
	case TypeA:
		if len(f) != 1 {
			return fmt.Errorf("A needs exactly one IPv4 address, got %d fields", len(f))
		}
		addr, perr := netip.ParseAddr(f[0])
		if perr != nil || !addr.Is4() {
			return fmt.Errorf("bad IPv4 address %q", f[0])
		}
		rec.Addr = addr
	case TypeAAAA:
		if len(f) != 1 {
			return fmt.Errorf("AAAA needs exactly one IPv6 address, got %d fields", len(f))
		}
		addr, perr := netip.ParseAddr(f[0])
		if perr != nil || !addr.Is6() || addr.Is4In6() || addr.Zone() != "" {
			return fmt.Errorf("bad IPv6 address %q", f[0])
		}
		rec.Addr = addr
	case TypeMX:
		switch {
		case len(f) == 0:
			return errors.New("MX is missing its preference and exchange (want: MX PREF HOST)")
		case len(f) == 1 && isDigits(f[0]):
			return errors.New("MX is missing its exchange host (want: MX PREF HOST)")
		case len(f) == 1:
			return fmt.Errorf("MX is missing its preference before %q (want: MX PREF HOST)", f[0])
		case len(f) > 2:
			return fmt.Errorf("unexpected %q after the MX exchange", f[2])
		}
		pref, perr := strconv.ParseUint(f[0], 10, 16)
		if perr != nil {
			return fmt.Errorf("bad MX preference %q: want a number from 0 to 65535", f[0])
		}
		rec.Pref = uint16(pref)
		if f[1] == Root {
			if pref != 0 {
				return errors.New("a null MX (host \".\") must have preference 0 (RFC 7505)")
			}
			rec.Target = Root
			return nil
		}
		rec.Target, err = p.name(f[1])
	default: // NS, CNAME
		if len(f) != 1 {
			return fmt.Errorf("%s needs exactly one host name, got %d fields", rec.Type, len(f))
		}
		rec.Target, err = p.name(f[0])
	}
	return err
}

// directive handles $ORIGIN and $TTL.
func (p *parser) directive(f []string) error {
	if len(f) != 2 {
		return fmt.Errorf("%s needs exactly one argument", f[0])
	}
	switch strings.ToUpper(f[0]) {
	case "$ORIGIN":
		if !strings.HasSuffix(f[1], ".") || f[1] == Root {
			return fmt.Errorf("$ORIGIN needs an absolute domain name ending in a dot, got %q", f[1])
		}
		origin := canonical(f[1])
		if why := checkName(origin); why != "" {
			return fmt.Errorf("bad name %q: %s", f[1], why)
		}
		p.origin = origin
		if p.zone.origin == "" {
			p.zone.origin = origin
		}
	case "$TTL":
		ttl, err := parseTTL(f[1])
		if err != nil {
			return err
		}
		p.ttl = ttl
	default:
		return fmt.Errorf("unsupported directive %s; known: $ORIGIN, $TTL", f[0])
	}
	return nil
}

// name turns a name as written into a canonical absolute name.
func (p *parser) name(s string) (string, error) {
	var name string
	switch {
	case s == "@":
		if p.origin == "" {
			return "", errors.New("\"@\" used before any $ORIGIN line")
		}
		return p.origin, nil
	case strings.HasSuffix(s, ".") || p.origin == "":
		name = canonical(s)
	default:
		name = canonical(s) + "." + p.origin
	}
	if why := checkName(name); why != "" {
		return "", fmt.Errorf("bad name %q: %s", s, why)
	}
	return name, nil
}

func parseTTL(s string) (uint32, error) {
	n, err := strconv.ParseUint(s, 10, 32)
	if err != nil || n > maxTTL {
		return 0, fmt.Errorf("bad TTL %q: want seconds from 0 to %d", s, maxTTL)
	}
	return uint32(n), nil
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

func startsBlank(s string) bool {
	return s != "" && unicode.IsSpace(rune(s[0]))
}
