package pop3

// Line limits, in octets including the CRLF, for the socket adapter that
// reads lines for these machines and for the machines' own checks.
const (
	// MaxCommandLine is the longest client line a server accepts
	// (RFC 2449 §4: 255 octets including CRLF). It applies to SASL response
	// lines too, which keeps the adapter's read bound a single number.
	MaxCommandLine = 255
	// MaxResponseLine bounds every status line the server sends
	// (RFC 1939 §3: 512 octets including CRLF). Message text lines inside
	// a multi-line body are the mail's own and are not bound by it.
	MaxResponseLine = 512
)
