package imap

import (
	"strings"
	"time"
)

// Output is what the server machine answers to one event.
type Output struct {
	// Lines are the wire lines to send, without CRLF. Joined with CRLF,
	// and with a final CRLF, they are exactly the octets to send, literals
	// included: a literal's octets appear as the lines after the one that
	// announces "{n}".
	Lines []string
	// Command is the recognised verb of the command in upper case ("UID"
	// for UID FETCH and its kin), or "" when there was none (an unknown
	// verb, literal octets, a SASL response line, the greeting). Its
	// explanation key is "imap.cmd."+Command.
	Command string
	// Key is the explanation key of the response, such as "imap.ok.select".
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

// splitLines turns whole responses, which may hold literals with CRLF
// inside, into wire lines. Only CRLF ends a line: a bare LF inside a
// literal stays in its line, so joining the lines gives the octets back.
func splitLines(responses []string) []string {
	lines := make([]string, 0, len(responses))
	for _, r := range responses {
		start := 0
		for from := 0; ; {
			i := strings.IndexByte(r[from:], '\n')
			if i < 0 {
				lines = append(lines, r[start:])
				break
			}
			end := from + i
			from = end + 1
			if end > start && r[end-1] == '\r' {
				lines = append(lines, r[start:end-1])
				start = from
			}
		}
	}
	return lines
}

// untagged builds an Output of one untagged line, for answers that belong
// to no command (the greeting, input that has no tag, BYE).
func untagged(key, line string) Output {
	return Output{Lines: []string{"* " + line}, Key: key}
}

// command is one command being answered: its tag and verb, the parser
// positioned after the verb, and the untagged responses gathered so far.
type command struct {
	s    *Server
	tag  string
	verb string
	p    *parser
	data []string
}

// reply queues an untagged response ("* " is added).
func (c *command) reply(line string) { c.data = append(c.data, "* "+line) }

// finish builds the Output: the untagged responses, then the tagged status
// line. In the Selected state news from other sessions on the same folder
// is reported first, as RFC 3501 §7 allows at the end of any command.
func (c *command) finish(status, key, text string) Output {
	if c.s.state == Selected && status != "BAD" {
		c.s.sync(c)
	}
	lines := splitLines(append(c.data, c.tag+" "+status+" "+text))
	return Output{Lines: lines, Command: c.verb, Key: key}
}

// ok, no and bad end the command with the given status.
func (c *command) ok(key, text string) Output  { return c.finish("OK", key, text) }
func (c *command) no(key, text string) Output  { return c.finish("NO", key, text) }
func (c *command) bad(key, text string) Output { return c.finish("BAD", key, text) }

// syntax answers a command whose arguments do not parse, with its usage.
func (c *command) syntax(usage string) Output {
	return c.bad(KeySyntax, "Syntax error, usage: "+usage)
}
