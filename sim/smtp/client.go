package smtp

import (
	"slices"
	"strconv"
	"strings"
)

// ClientConfig sets up one client machine.
type ClientConfig struct {
	Hello string // name sent in HELO/EHLO; "localhost" when empty
	EHLO  bool   // send EHLO (falls back to HELO on 500/502) instead of HELO
}

// ClientOutput is what the client sends in answer to one reply line.
type ClientOutput struct {
	Lines []string // lines to send (no CRLF): one command, or after 354 every message line dot-stuffed followed by "."
	Data  bool     // Lines are the message text + "." (not a command)
	Done  bool     // QUIT acknowledged or connection should be closed
}

// Result is the outcome of one transaction, what a queue needs to decide
// what to retry and what to bounce.
type Result struct {
	Accepted  []string         // recipients whose RCPT got 2xx
	Rejected  map[string]Reply // recipient -> its RCPT reply (4xx or 5xx)
	Final     *Reply           // reply to the final dot, nil if DATA never completed
	Temporary bool             // a 4xx means: keep the message queued and retry those recipients later
	// Abort is the reply that ended the transaction before the final dot:
	// a refused greeting, HELO, MAIL or DATA. nil when none did.
	Abort *Reply
}

// Client is the client side of one SMTP connection carrying one message. It
// talks in lock-step, one command per reply, so that every line of a
// transcript has the answer right after it.
type Client struct {
	cfg     ClientConfig
	env     Envelope
	lines   []string // the message's text lines, not yet stuffed
	eightOK bool     // the message holds 8-bit octets
	state   ClientState
	pending Reply // the reply being read; its Lines reuse one buffer
	helo    bool  // fell back from EHLO to HELO
	size    bool  // the server advertised SIZE
	eight   bool  // the server advertised 8BITMIME
	next    int   // index in env.To of the RCPT awaiting its reply
	res     Result
}

// NewClient returns a client in state WaitGreeting: the server speaks first.
func NewClient(cfg ClientConfig, env Envelope, msg []byte) *Client {
	if cfg.Hello == "" {
		cfg.Hello = "localhost"
	}
	text := string(msg) // a copy: the caller may reuse msg
	return &Client{
		cfg:     cfg,
		env:     env,
		lines:   messageLines(text),
		eightOK: has8bit(msg),
		res:     Result{Rejected: map[string]Reply{}},
	}
}

// State returns the current state.
func (c *Client) State() ClientState { return c.state }

// Result returns the transaction's outcome so far.
func (c *Client) Result() Result { return c.res }

// Feed takes one server reply line without its CRLF. The lines of a
// multi-line reply ("250-") produce no output until the last one. A line
// that is not a reply at all is a protocol error and ends the session as a
// temporary failure, as a real MTA would defer the message.
func (c *Client) Feed(line string) ClientOutput {
	if c.state == Done {
		return ClientOutput{Done: true}
	}
	l, good := parseReplyLine(line)
	if !good {
		c.pending = Reply{Lines: c.pending.Lines[:0]}
		return c.abort(Reply{Code: 0, Lines: []string{line}})
	}
	c.pending.Code = l.code
	if c.pending.Enhanced == "" {
		c.pending.Enhanced = l.enhanced
	}
	c.pending.Lines = append(c.pending.Lines, l.text)
	if l.more {
		return ClientOutput{}
	}
	r := c.pending
	c.pending = Reply{Lines: c.pending.Lines[:0]}
	return c.handle(r)
}

// keep returns r with Lines of its own, for a reply that goes into the
// Result: handle gets replies whose Lines share the reading buffer.
func keep(r Reply) *Reply {
	r.Lines = slices.Clone(r.Lines)
	return &r
}

// handle acts on one complete reply according to the state.
func (c *Client) handle(r Reply) ClientOutput {
	if r.Code == 421 && c.state != WaitQuit {
		// The server is closing the channel (RFC 5321 §3.8): no QUIT.
		c.note(r)
		c.state = Done
		return ClientOutput{Done: true}
	}
	switch c.state {
	case WaitGreeting:
		if r.Code != 220 {
			return c.abort(r)
		}
		return c.hello()
	case WaitHelo:
		switch {
		case r.Positive():
			c.extensions(r)
			return c.mail()
		case (r.Code == 500 || r.Code == 502) && c.cfg.EHLO && !c.helo:
			c.helo = true
			return c.hello()
		}
		return c.abort(r)
	case WaitMail:
		if !r.Positive() {
			return c.abort(r)
		}
		return c.rcpt()
	case WaitRcpt:
		to := c.env.To[c.next]
		if r.Positive() {
			c.res.Accepted = append(c.res.Accepted, to)
		} else {
			c.res.Rejected[to] = *keep(r)
			c.res.Temporary = c.res.Temporary || r.Transient()
		}
		c.next++
		return c.rcpt()
	case WaitData:
		if r.Code != 354 {
			return c.abort(r)
		}
		return c.data()
	case WaitDataEnd:
		c.res.Final = keep(r)
		c.res.Temporary = c.res.Temporary || r.Transient()
		return c.quit()
	}
	// WaitQuit: whatever the answer, the session is over.
	c.state = Done
	return ClientOutput{Done: true}
}

// note records a reply that ended the transaction early.
func (c *Client) note(r Reply) {
	if c.state == WaitDataEnd {
		c.res.Final = keep(r)
	} else if c.res.Abort == nil {
		c.res.Abort = keep(r)
	}
	c.res.Temporary = c.res.Temporary || !(r.Code >= 500 && r.Code < 600)
}

// abort gives up the transaction after r and says QUIT.
func (c *Client) abort(r Reply) ClientOutput {
	c.note(r)
	return c.quit()
}

func (c *Client) send(next ClientState, line string) ClientOutput {
	c.state = next
	return ClientOutput{Lines: []string{line}}
}

func (c *Client) hello() ClientOutput {
	if c.cfg.EHLO && !c.helo {
		return c.send(WaitHelo, "EHLO "+c.cfg.Hello)
	}
	return c.send(WaitHelo, "HELO "+c.cfg.Hello)
}

// extensions reads the keywords of an EHLO reply (every line after the
// first) so that MAIL can declare what the server understands.
func (c *Client) extensions(r Reply) {
	for _, l := range r.Lines[1:] {
		kw, _, _ := strings.Cut(strings.ToUpper(l), " ")
		switch kw {
		case "SIZE":
			c.size = true
		case "8BITMIME":
			c.eight = true
		}
	}
}

// mail sends MAIL FROM, declaring SIZE (RFC 1870) and BODY=8BITMIME
// (RFC 6152) when the server advertised them and the message needs it.
func (c *Client) mail() ClientOutput {
	line := "MAIL FROM:<" + c.env.From + ">"
	if c.size {
		line += " SIZE=" + strconv.FormatInt(wireSize(c.lines), 10)
	}
	if c.eight && c.eightOK {
		line += " BODY=8BITMIME"
	}
	return c.send(WaitMail, line)
}

// rcpt sends the next RCPT TO, or after the last one DATA when a recipient
// was accepted and QUIT when none was.
func (c *Client) rcpt() ClientOutput {
	if c.next < len(c.env.To) {
		return c.send(WaitRcpt, "RCPT TO:<"+c.env.To[c.next]+">")
	}
	if len(c.res.Accepted) == 0 {
		return c.quit()
	}
	return c.send(WaitData, "DATA")
}

// data sends the whole message after 354: every line dot-stuffed, then ".".
// The message is sent once per client, so the lines are stuffed in place.
func (c *Client) data() ClientOutput {
	out := c.lines
	c.lines = nil
	for i, l := range out {
		out[i] = stuff(l)
	}
	out = append(out, ".")
	c.state = WaitDataEnd
	return ClientOutput{Lines: out, Data: true}
}

func (c *Client) quit() ClientOutput { return c.send(WaitQuit, "QUIT") }
