package pop3

import (
	"fmt"
	"strconv"
	"strings"
)

// ClientConfig says who the client logs in as and what it does with the mail.
type ClientConfig struct {
	User, Password string
	// APOP logs in with APOP, using the greeting's timestamp, so that the
	// password never crosses the wire; otherwise USER and PASS.
	APOP bool
	// Keep leaves the messages on the server; otherwise each is deleted
	// with DELE once it has been retrieved.
	Keep bool
}

// ClientOutput is what the client machine does after one server line.
type ClientOutput struct {
	// Lines are the commands to send, without CRLF.
	Lines []string
	// Done says the session is over and the connection can be closed.
	Done bool
}

// Client is a POP3 client that fetches a whole maildrop the way a simple
// mail reader does: log in, STAT, LIST, then RETR (and DELE unless Keep)
// each message, and QUIT. It sends one command at a time and waits for the
// answer, so its state always names the answer it awaits.
type Client struct {
	cfg   ClientConfig
	state ClientState
	err   error
	// inBody is true while the lines of a multi-line answer arrive.
	inBody bool
	// todo holds the LIST entries not yet retrieved; cur is the one being
	// retrieved or deleted.
	todo []listEntry
	cur  listEntry
	// body collects the message being retrieved.
	body []byte
	msgs [][]byte
}

// listEntry is one line of a LIST answer.
type listEntry struct{ num, size int }

// NewClient returns a client waiting for the server's greeting.
func NewClient(cfg ClientConfig) *Client {
	return &Client{cfg: cfg}
}

// State returns what the client is waiting for.
func (c *Client) State() ClientState { return c.state }

// Err says why the session Failed; nil otherwise.
func (c *Client) Err() error { return c.err }

// Messages returns the retrieved messages in order, byte-unstuffed and with
// CRLF line ends, as they were in the maildrop. The caller must not modify them.
func (c *Client) Messages() [][]byte { return c.msgs }

// Feed handles one server line, given without its CRLF.
func (c *Client) Feed(line string) ClientOutput {
	if c.state == Done || c.state == Failed {
		return ClientOutput{Done: true}
	}
	if c.inBody {
		return c.bodyLine(line)
	}
	ok := line == "+OK" || strings.HasPrefix(line, "+OK ")
	switch c.state {
	case AwaitGreeting:
		if !ok {
			c.err = fmt.Errorf("pop3: server refused the connection: %s", line)
			c.state = Failed
			return ClientOutput{Done: true}
		}
		if !c.cfg.APOP {
			return c.send(AwaitUser, "USER "+c.cfg.User)
		}
		ts := apopTimestamp(line)
		if ts == "" {
			return c.fail("the greeting has no APOP timestamp", line)
		}
		return c.send(AwaitAPOP, "APOP "+c.cfg.User+" "+APOPDigest(ts, c.cfg.Password))
	case AwaitQuit:
		c.state = Done
		if c.err != nil {
			c.state = Failed
		}
		return ClientOutput{Done: true}
	}
	if !ok {
		return c.fail(c.state.String()+" got an error", line)
	}
	switch c.state {
	case AwaitUser:
		return c.send(AwaitPass, "PASS "+c.cfg.Password)
	case AwaitPass, AwaitAPOP:
		return c.send(AwaitStat, "STAT")
	case AwaitStat:
		f := strings.Fields(line)
		if len(f) < 3 {
			return c.fail("STAT answer is not +OK count size", line)
		}
		if f[1] == "0" {
			return c.send(AwaitQuit, "QUIT")
		}
		return c.send(AwaitList, "LIST")
	case AwaitList:
		c.inBody = true
	case AwaitRetr:
		c.inBody = true
		// LIST's size is a hint from the server, so it is bounded.
		c.body = make([]byte, 0, min(c.cur.size, 1<<20))
	case AwaitDele:
		return c.next()
	}
	return ClientOutput{}
}

// bodyLine handles one line of a multi-line answer to LIST or RETR.
func (c *Client) bodyLine(line string) ClientOutput {
	if line != "." {
		line = unstuff(line)
		if c.state == AwaitRetr {
			c.body = append(c.body, line...)
			c.body = append(c.body, '\r', '\n')
			return ClientOutput{}
		}
		f := strings.Fields(line)
		var e listEntry
		var err error
		if len(f) == 2 {
			e.num, err = strconv.Atoi(f[0])
			if err == nil {
				e.size, err = strconv.Atoi(f[1])
			}
		}
		if len(f) != 2 || err != nil {
			c.err = fmt.Errorf("pop3: LIST line is not number size: %q", line)
		}
		c.todo = append(c.todo, e)
		return ClientOutput{}
	}
	c.inBody = false
	if c.err != nil {
		return c.send(AwaitQuit, "QUIT")
	}
	if c.state == AwaitRetr {
		c.msgs = append(c.msgs, c.body)
		c.body = nil
		if !c.cfg.Keep {
			return c.send(AwaitDele, "DELE "+strconv.Itoa(c.cur.num))
		}
	}
	return c.next()
}

// next retrieves the next listed message, or ends the session.
func (c *Client) next() ClientOutput {
	if len(c.todo) == 0 {
		return c.send(AwaitQuit, "QUIT")
	}
	c.cur, c.todo = c.todo[0], c.todo[1:]
	return c.send(AwaitRetr, "RETR "+strconv.Itoa(c.cur.num))
}

// send moves to state and sends one command.
func (c *Client) send(state ClientState, cmd string) ClientOutput {
	c.state = state
	return ClientOutput{Lines: []string{cmd}}
}

// fail records why the session cannot go on and leaves politely with QUIT,
// which deletes nothing that was not already marked.
func (c *Client) fail(why, line string) ClientOutput {
	c.err = fmt.Errorf("pop3: %s: %s", why, line)
	return c.send(AwaitQuit, "QUIT")
}

// apopTimestamp returns the "<...>" timestamp of a greeting, or "".
func apopTimestamp(greeting string) string {
	i := strings.IndexByte(greeting, '<')
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(greeting[i:], '>')
	if j < 0 {
		return ""
	}
	return greeting[i : i+j+1]
}
