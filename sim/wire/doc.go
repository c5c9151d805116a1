// Package wire serves mailsim's server machines (any machine.Server: SMTP,
// POP3 and IMAP, on one path) on real TCP sockets: it owns everything a
// machine must not touch, namely the socket, the goroutine, the clock and
// the limits that keep a real peer from exhausting the process.
//
// # Lines
//
// A line ends with CRLF. Outside SMTP's DATA a bare LF ends a line too and a
// CR before it is dropped, because telnet and nc users send such lines and
// Postfix accepts them as well. Inside DATA only CRLF ends a line: a bare LF
// is message text (RFC 5321 §2.3.8), so "\n.\n" can never end a message,
// which is the hole that SMTP smuggling uses. A client that sends bare LFs in
// DATA (nc without -C) therefore cannot end its message; telnet, curl and
// every mail client send CRLF.
//
// Line length is bounded while reading: SMTP command lines at 512 octets and
// text lines at 1000 (RFC 5321 §4.5.3.1, plus one for a dot added by
// dot-stuffing), POP3 lines at 255 (RFC 2449 §4), IMAP command lines at
// 8192 (RFC 7162 §4), the ending counted as two octets. A longer line is
// read to its end but only its first limit-1 octets are kept and fed to the
// machine, which answers with its own "line too long" reply: SMTP says
// 500 5.5.0 at once for a command and 552 5.6.0 at the final dot for a text
// line; POP3 says -ERR; IMAP says BAD. The connection stays open.
// Per connection the reader holds one 4 KiB buffer and one line, never more.
//
// # Literals
//
// When a machine's Output asks for a literal (IMAP's "{n}"), the next n
// octets are read as they are, CRLFs and NULs included, never split into
// lines, and fed in pieces of at most the read buffer; then line reading
// resumes with the rest of the command. The machine bounds n before it asks
// (IMAP refuses a literal over its limit with NO [TOOBIG], or ends the
// session for a LITERAL+ one), so the limit on literals is the machine's,
// the same on the wire as in the console.
//
// # News while waiting
//
// A machine.Waiter (IMAP in IDLE, RFC 2177) hands out a channel that closes
// when there may be news. While the connection waits for input it also
// waits on that channel; when it closes, the read is interrupted, the news
// (such as "* 3 EXISTS") is sent at once, and the read resumes with the
// part of a line that had already arrived kept.
//
// # TLS
//
// When a machine's Output sets StartTLS (SMTP's STARTTLS, POP3's STLS,
// IMAP's STARTTLS), its reply goes out in clear, every octet the client
// sent after the command is discarded unread (the injection of
// CVE-2011-0411 cannot reach the machine), and the server's side of the
// handshake runs with Options.TLS, TLS 1.2 at least, within 15 seconds.
// The same machine then goes on over TLS; a failed handshake closes the
// connection. From then on every Observation has TLS set, so that a view
// can mark what the wire carried encrypted.
//
// # Time and connections
//
// Each line must arrive within the idle timeout (SMTP 5 minutes, RFC 5321
// §4.5.3.2.7; POP3 10 minutes, RFC 1939 §3; IMAP 30 minutes, RFC 3501
// §5.4), counted from when the server starts waiting on the socket for it,
// so a client trickling one octet at a time cannot hold a connection
// forever. When it expires an SMTP client gets the machine's 421 and an
// IMAP client its BYE, and the connection closes; a POP3 connection closes
// without a reply and without entering UPDATE, as RFC 1939 §3 asks, so
// nothing is deleted. Every write has its own deadline. Replies are flushed
// whenever the server is about to wait for input, so pipelined commands are
// answered in one write. Beyond MaxConns open connections a new one gets the
// protocol's refusal line and is closed without running a machine.
package wire
