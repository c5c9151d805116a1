package web

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"slices"
	"strings"

	"mailsim/class"
	"mailsim/lang"
	"mailsim/lessons"
)

// Options are the choices of the command line that shape the app.
type Options struct {
	// Addr is the address the app listens on (-addr). Its host, unless it
	// is a wildcard such as 0.0.0.0, is a name the app answers to.
	Addr string
	// AllowHosts are further names the app answers to (-allow-host), for a
	// teacher who serves the lab to a classroom under a name of its own.
	AllowHosts Hosts
	// Lessons are the lessons served (-lessons); nil: the built-in ones.
	Lessons *lessons.Set
	// Classes shares the classes with the app's other instances (-nats);
	// nil: this instance holds its classes alone.
	Classes class.Net
}

// Hosts is a list of host names that a repeated command-line flag fills: it
// implements flag.Value.
type Hosts []string

// String lists the names, for the flag package's help.
func (h *Hosts) String() string { return strings.Join(*h, ",") }

// Set adds one name; a port written with it is dropped, since the check is
// on the name only.
func (h *Hosts) Set(name string) error {
	n := hostName(name)
	if !validHostName(n) {
		return fmt.Errorf("%q is not a host name or IP address", name)
	}
	if ip, err := netip.ParseAddr(n); err == nil && ip.IsUnspecified() {
		return fmt.Errorf("%q is where to listen (-addr), not a name to be reached by; give the machine's name or address", name)
	}
	*h = append(*h, n)
	return nil
}

// validHostName reports a name made of DNS labels (letters, digits, '_',
// and '-' inside) or an IP address, so that a mistyped flag fails at start-up.
func validHostName(n string) bool {
	if _, err := netip.ParseAddr(n); err == nil {
		return true
	}
	if n == "" || len(n) > 253 {
		return false
	}
	for label := range strings.SplitSeq(n, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, c := range label {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
				return false
			}
		}
	}
	return true
}

// hostName is the name part of a Host header or -addr value, in lower case,
// without its port, brackets or final dot: "[::1]:8080" is "::1",
// "LocalHost.:8080" is "localhost".
func hostName(hostport string) string {
	h := hostport
	if host, _, err := net.SplitHostPort(hostport); err == nil {
		h = host
	}
	if len(h) > 1 && h[0] == '[' && h[len(h)-1] == ']' {
		h = h[1 : len(h)-1]
	}
	return strings.TrimSuffix(strings.ToLower(h), ".")
}

// hostGuard answers only requests whose Host header names this machine as
// the reader meant to reach it. That is the defence against DNS rebinding: a
// page on attacker.example can make its own name resolve to 127.0.0.1, and
// the browser then treats the lab as that page's origin, able to read every
// page and, with a matching Origin, to open the websockets. Only the Host
// header still says attacker.example, so it is refused here, before any
// route. The websocket's same-origin check stays behind it.
type hostGuard struct {
	names []string // exact names besides the loopback ones
}

// newHostGuard allows the names of o besides loopback. A wildcard -addr
// host (0.0.0.0, ::, none) adds no name: it says where to listen, not by
// what name the lab is reached.
func newHostGuard(o Options) *hostGuard {
	g := &hostGuard{}
	names := o.AllowHosts
	if o.Addr != "" {
		names = append([]string{o.Addr}, names...)
	}
	for _, n := range names {
		n = hostName(n)
		if ip, err := netip.ParseAddr(n); n == "" || err == nil && ip.IsUnspecified() || g.allows(n) {
			continue
		}
		g.names = append(g.names, n)
	}
	return g
}

// allows reports whether the Host header host is loopback (localhost,
// *.localhost, 127.0.0.0/8, ::1), which a rebinding page cannot name, or one
// of the guard's names.
func (g *hostGuard) allows(host string) bool {
	n := hostName(host)
	if n == "localhost" || strings.HasSuffix(n, ".localhost") {
		return true
	}
	if ip, err := netip.ParseAddr(n); err == nil && ip.Unmap().IsLoopback() {
		return true
	}
	return n != "" && slices.Contains(g.names, n)
}

// wrap refuses a request for a name the app does not answer to with 421
// Misdirected Request (RFC 9110 §15.5.20: this server is not the one for
// that name). The answer is plain text in both languages, since the page's
// styles would be refused too, and it names what is allowed and how to add
// a name, so that a teacher who reached the lab by a name of their own knows
// what to do.
func (g *hostGuard) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if g.allows(r.Host) {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusMisdirectedRequest)
		if r.Method != http.MethodHead {
			fmt.Fprint(w, g.refusal(r.Host))
		}
	})
}

// refusal is the 421 text: Romanian, then English.
func (g *hostGuard) refusal(host string) string {
	allowed := strings.Join(append([]string{"localhost", "*.localhost", "127.0.0.0/8", "[::1]"}, g.names...), ", ")
	if host == "" {
		host = "-"
	}
	var b strings.Builder
	for _, l := range []lang.Lang{lang.RO, lang.EN} {
		fmt.Fprintf(&b, "%s\n%s %q.\n%s %s.\n%s\n\n", tr(l, "host.title"), tr(l, "host.asked"), host,
			tr(l, "host.allowed"), allowed, tr(l, "host.add"))
	}
	return b.String()
}
