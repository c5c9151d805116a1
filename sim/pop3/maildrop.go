package pop3

// Message is one message in a maildrop as the backend stores it.
type Message struct {
	// UID is the message's unique id for UIDL: 1 to 70 characters in the
	// range 0x21 to 0x7E, never reused for another message in the same
	// maildrop (RFC 1939 §7).
	UID string
	// Data is the message text. Line ends may be LF or CRLF; the server sends
	// and counts every line with CRLF, as the wire carries it. The server
	// never modifies Data.
	Data []byte
}

// Maildrop is the mail store a server session works on. The simulated world
// and the live lab wrap the one store (see StoreDrop); it is the only way a session
// changes anything outside itself, which is what lets the world turn a
// deletion into an event.
type Maildrop interface {
	// Secret returns the user's shared secret, or ok false for an unknown
	// user. USER/PASS compares the password with it; APOP and CRAM-MD5 need
	// the secret itself, because the client proves that it knows the secret
	// without sending it.
	Secret(user string) (secret string, ok bool)
	// Lock takes the user's maildrop for exclusive use by one session and
	// reports whether it got it (RFC 1939 §8: a second session is refused).
	Lock(user string) bool
	// Unlock releases the lock taken by Lock.
	Unlock(user string)
	// Messages lists the maildrop's messages in the order the session
	// numbers them from 1. It is called once, right after Lock: the
	// numbering then stays fixed for the whole session.
	Messages(user string) []Message
	// Delete removes the messages with the given unique ids. It is called
	// only in the UPDATE state, after QUIT from TRANSACTION.
	Delete(user string, uids []string) error
}

// Marker is a Maildrop that shows a session's marks. The server tells it
// when DELE marks a message, and when RSET, or a session that ends without
// UPDATE, unmarks it again, so that a mailbox view can show the message on
// its way out until UPDATE removes it (RFC 1939 §6).
type Marker interface {
	Mark(user, uid string, on bool)
}
