// Package dns owns the simulated Domain Name System of mailsim: zones read
// from master-file text, a resolver that answers A, AAAA, MX, NS and CNAME questions
// and picks the hosts an MTA should try for a domain, and an nslookup-style
// console so students can ask the same questions the lecture asks.
//
// Everything here is pure: no sockets, no clock and no randomness, so the
// same zones and questions always give the same answers and traces.
package dns
