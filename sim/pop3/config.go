package pop3

// Config sets up one server session. Everything that would otherwise come
// from a clock or a random source is a field, so the caller (the simulation,
// with its seeded generator, or the socket adapter) decides it.
type Config struct {
	// Hostname names the server in the default greeting
	// ("+OK pop.example.com POP3 server ready"). Leave it empty for the
	// lecture's bare "+OK POP3 server ready".
	Hostname string
	// Greeting replaces the greeting text after "+OK ", Hostname included.
	Greeting string
	// Timestamp is the APOP timestamp appended to the greeting, a msg-id
	// such as "<1896.697170952@dbc.mtview.ca.us>" that must differ for every
	// session (RFC 1939 §7). Empty disables APOP.
	Timestamp string
	// Challenge is the CRAM-MD5 challenge, in the same msg-id form and with
	// the same uniqueness requirement (RFC 2195 §2). Empty disables CRAM-MD5.
	Challenge string
	// Maildrop holds the users and their mail. Nil means a store without
	// users, where every login fails.
	Maildrop Maildrop
	// TLS says the adapter can start TLS: STLS is offered until it has.
	TLS bool
}

// greeting returns the greeting's text after "+OK ".
func (c Config) greeting() string {
	text := c.Greeting
	if text == "" {
		text = "POP3 server ready"
		if c.Hostname != "" {
			text = c.Hostname + " " + text
		}
	}
	if c.Timestamp != "" {
		text += " " + c.Timestamp
	}
	return text
}
