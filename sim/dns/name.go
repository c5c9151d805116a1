package dns

import (
	"fmt"
	"strings"
)

// Root is the name of the DNS root. It is legal only as the exchange of a
// null MX (RFC 7505), where it means "no host at all".
const Root = "."

// Longest name and label in octets (RFC 1035 §2.3.4, without the final dot).
const (
	maxName  = 253
	maxLabel = 63
)

// canonical lower-cases a domain name and drops one trailing dot, so that
// "Example.COM." and "example.com" are the same key. DNS compares names
// without regard to case; the simulator simply stores them in lower case.
func canonical(s string) string {
	s = strings.ToLower(s)
	if s == Root {
		return Root
	}
	return strings.TrimSuffix(s, ".")
}

// fqdn writes a canonical name the way zone files and nslookup show targets:
// with the trailing dot that marks it as absolute.
func fqdn(name string) string {
	if name == Root {
		return Root
	}
	return name + "."
}

// checkName says why a canonical name is not a legal host name, or returns
// "" when it is. Host names are letters, digits, hyphens and (for service
// names) underscores; wildcards are not simulated.
func checkName(name string) string {
	switch {
	case name == "":
		return "empty name"
	case name == Root:
		return "the root is not a host name"
	case len(name) > maxName:
		return fmt.Sprintf("longer than %d characters", maxName)
	}
	for label := range strings.SplitSeq(name, ".") {
		if label == "" {
			return "empty label"
		}
		if len(label) > maxLabel {
			return fmt.Sprintf("label longer than %d characters", maxLabel)
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
				return fmt.Sprintf("bad character %q", r)
			}
		}
	}
	return ""
}

// under reports whether name is origin itself or a name inside it.
func under(name, origin string) bool {
	return name == origin || strings.HasSuffix(name, "."+origin)
}
