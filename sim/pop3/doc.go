// Package pop3 owns the POP3 server and client machines (RFC 1939 with the
// CAPA extension of RFC 2449, SASL AUTH of RFC 1734/5034, CRAM-MD5 of RFC 2195
// and the response codes of RFC 2449/3206), and the explanation texts for
// every line they produce.
//
// The machines are sans-I/O: they take one line and return the lines to send
// and their new state, and never touch a socket, goroutine, clock or random
// source. Whatever must vary between sessions (the APOP timestamp, the
// CRAM-MD5 challenge, the mail itself) is supplied by the caller, so the same
// input always gives the same output, byte for byte.
//
// Where the lecture shows a response text, the server uses that text:
//
//	+OK POP3 server ready
//	+OK cfugDemo@evoch.com                  (USER)
//	+OK 2 messages 2068 octets              (PASS, APOP, LIST)
//	-ERR Unknown user or incorrect password
//	+OK 2 2068                              (STAT)
//	+OK 2 1053                              (LIST 2)
//	+OK 1015 octets                         (RETR 1, and TOP with the whole message's size)
//	-ERR No such message
//	+OK Message deleted                     (DELE)
//	+OK                                     (NOOP, RSET, UIDL)
//	+OK POP3 server closing connection      (QUIT)
//
// "messages" stays plural for one message, as in the lecture's
// "+OK 1 messages 458 octets".
package pop3
