package pop3

import "time"

// Output is what the server machine answers to one event.
type Output struct {
	// Lines are the wire lines to send, without CRLF. A multi-line answer is
	// already byte-stuffed and ends with the line ".".
	Lines []string
	// OK is true for "+OK" and for a "+ " continuation, false for "-ERR".
	OK bool
	// Command is the recognised verb of the input line in upper case, or ""
	// when there was none (an unknown verb, a SASL response line, the
	// greeting). Its explanation key is "pop3.cmd."+Command.
	Command string
	// Key is the explanation key of the response, such as "pop3.ok.stat".
	Key string
	// Close asks the owner to close the connection after sending Lines and
	// then to call Drop.
	Close bool
	// StartTLS asks the owner to start TLS once Lines are sent
	// (machine.Output.StartTLS).
	StartTLS bool
	// Delay asks the owner to wait this long before sending Lines.
	Delay time.Duration
}

// okLine builds a one-line positive response; text may be empty, giving the
// bare "+OK" the lecture shows for NOOP and RSET.
func okLine(cmd, key, text string) Output {
	line := "+OK"
	if text != "" {
		line += " " + text
	}
	return Output{Lines: []string{line}, OK: true, Command: cmd, Key: key}
}

// errLine builds a negative response. Every -ERR is one line (RFC 1939 §3).
func errLine(cmd, key, text string) Output {
	return Output{Lines: []string{"-ERR " + text}, Command: cmd, Key: key}
}

// multiLine builds a positive multi-line response: the status line, the
// body lines (which the caller has byte-stuffed) and the terminating ".".
func multiLine(cmd, key, text string, body []string) Output {
	out := okLine(cmd, key, text)
	out.Lines = append(make([]string, 0, len(body)+2), out.Lines[0])
	out.Lines = append(out.Lines, body...)
	out.Lines = append(out.Lines, ".")
	return out
}
