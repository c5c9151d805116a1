// Package imap owns the IMAP4rev1 (RFC 3501) server and client machines of
// mailsim, the explanation texts for every line they produce, and the Store
// interface through which a server session reaches the user's folders.
//
// The machines are sans-I/O: they take one line and return the lines to
// send and their new state, and never touch a socket, goroutine, clock or
// random source. Whatever must vary (the mail, the internal date of an
// APPEND) comes from the caller, so the same input always gives the same
// output, byte for byte.
//
// IMAP is the lecture's contrast to POP3: the messages stay on the server,
// in folders the user creates there; flags such as \Seen live on the server
// too, so every computer sees the same state; and a client may fetch part
// of a message (only the header, one MIME part, the first N octets) instead
// of the whole of it.
//
// # Literals
//
// A string that cannot be quoted travels as a literal: "{n}", CRLF, then n
// octets. The server machine is fed lines, so the octets of a literal arrive
// as the following lines, which the machine re-joins with CRLF until it has
// n octets; the text after them continues the command. Pending says how many
// octets are still expected, so that an adapter can read them raw. In
// responses a literal is written the same way: Output.Lines joined with CRLF
// (and a final CRLF) are exactly the octets on the wire.
package imap
