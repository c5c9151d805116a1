// Package smtp owns the SMTP server and client machines of mailsim (RFC 5321
// plus the lecture's full keyword list). The machines are sans-I/O: they take
// one line and return the lines to send and their new state, so the same code
// runs in the discrete-event simulation, behind a TCP port and in the browser
// console.
package smtp
