package imap

import "time"

// Config sets up one server session. Everything that would otherwise come
// from a clock is a field, so the caller (the simulation, with its virtual
// clock, or the socket adapter) decides it.
type Config struct {
	// Hostname names the server in the greeting
	// ("* OK [CAPABILITY ...] imap.example.com mailsim IMAP4rev1 ready").
	Hostname string
	// Store holds the users, their folders and their mail. Nil means an
	// empty store.Store, where every login fails.
	Store Store
	// MaxLiteral bounds every literal and the total of one command's
	// literals, in octets; 0 means DefaultMaxLiteral.
	MaxLiteral int
	// Now gives the internal date of a message appended without one. Nil
	// means the Unix epoch, so that a session without a clock stays
	// deterministic.
	Now func() time.Time
	// TLS says the adapter can start TLS: STARTTLS is offered until it has.
	TLS bool
}

// now returns the caller's time, or the epoch when there is no clock.
func (c Config) now() time.Time {
	if c.Now == nil {
		return time.Unix(0, 0).UTC()
	}
	return c.Now()
}

// maxLiteral returns the literal bound in force.
func (c Config) maxLiteral() int {
	if c.MaxLiteral <= 0 {
		return DefaultMaxLiteral
	}
	return c.MaxLiteral
}
