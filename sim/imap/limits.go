package imap

// Limits on what a client may send, so that bad input gets a clear answer
// and never an unbounded buffer.
const (
	// MaxCommandLine is the longest command line the server accepts, in
	// octets including the CRLF. RFC 3501 sets no limit; RFC 7162 §4
	// recommends that servers accept at least 8192 octets, which is what
	// common servers use. Literal octets do not count against it.
	MaxCommandLine = 8192
	// DefaultMaxLiteral is the largest literal, and the largest total of
	// the literals of one command, when Config.MaxLiteral is 0: 10 MiB.
	DefaultMaxLiteral = 10 << 20
)
