package imap

import (
	"fmt"
	"strconv"
	"strings"
)

// ClientConfig says who the client logs in as and what it does with the
// mail.
type ClientConfig struct {
	User, Password string
	// Folder is the folder to read; "" means INBOX.
	Folder string
	// Partial, when above 0, fetches only the header and the first Partial
	// octets of each message's text (BODY.PEEK[TEXT]<0.Partial>), the
	// lecture's partial transfer; such a preview leaves the message
	// unread. Otherwise each whole message is fetched with BODY[], which
	// marks it \Seen on the server.
	Partial int
	// Delete flags each fetched message \Deleted and expunges them at the
	// end; otherwise the mail stays on the server, as IMAP intends.
	Delete bool
}

// ClientOutput is what the client machine does after one server line.
type ClientOutput struct {
	// Lines are the commands to send, without CRLF.
	Lines []string
	// Done says the session is over and the connection can be closed.
	Done bool
}

// maxClientLiteral bounds the literals the client accepts from a server.
const maxClientLiteral = 4 * DefaultMaxLiteral

// Client is an IMAP client that pulls the unread mail of one folder the
// way a simple mail reader does: LOGIN, SELECT, UID SEARCH UNSEEN, then
// UID FETCH (and, with Delete, UID STORE \Deleted) for each message,
// EXPUNGE, LOGOUT. It sends one command at a time, tagged a001, a002, ...
type Client struct {
	cfg   ClientConfig
	state ClientState
	err   error
	// j re-joins responses whose literals span lines.
	j joiner
	// n numbers the tags; tag is the tag of the command awaiting its answer.
	n   int
	tag string
	// todo holds the UIDs SEARCH found and not yet fetched; cur is the
	// one being fetched or flagged.
	todo []uint32
	cur  uint32
	// sections collects the body sections of the message being fetched.
	sections map[string][]byte
	msgs     [][]byte
	fetched  int
}

// NewClient returns a client waiting for the server's greeting.
func NewClient(cfg ClientConfig) *Client {
	if cfg.Folder == "" {
		cfg.Folder = Inbox
	}
	return &Client{cfg: cfg}
}

// State returns what the client is waiting for.
func (c *Client) State() ClientState { return c.state }

// Err says why the session Failed; nil otherwise.
func (c *Client) Err() error { return c.err }

// Messages returns what was fetched, in UID order: whole messages, or
// with Partial the header followed by the start of the text. The caller
// must not modify them.
func (c *Client) Messages() [][]byte { return c.msgs }

// Feed handles one server line, given without its CRLF.
func (c *Client) Feed(line string) ClientOutput {
	if c.state == Done || c.state == Failed {
		return ClientOutput{Done: true}
	}
	frag, isFrag, ok := c.j.push([]byte(line))
	if !ok {
		return c.fail("server literal ends between CR and LF", line)
	}
	if !isFrag {
		return ClientOutput{}
	}
	if n, _, ok := literalMarker(frag); ok {
		if n < 0 || n > maxClientLiteral {
			return c.fail("server literal too big", line)
		}
		c.j.open(n)
		return ClientOutput{}
	}
	return c.response(c.j.take())
}

// response handles one complete server response.
func (c *Client) response(r string) ClientOutput {
	if rest, ok := strings.CutPrefix(r, "* "); ok {
		return c.untagged(rest)
	}
	if strings.HasPrefix(r, "+") {
		return c.fail("unexpected continuation request", r)
	}
	tag, rest, _ := strings.Cut(r, " ")
	if tag != c.tag {
		return c.fail("answer with an unknown tag", r)
	}
	status, _, _ := strings.Cut(rest, " ")
	if c.state == AwaitLogout {
		c.state = Done
		if c.err != nil {
			c.state = Failed
		}
		return ClientOutput{Done: true}
	}
	if !strings.EqualFold(status, "OK") {
		return c.fail(c.state.String()+" got "+status, r)
	}
	switch c.state {
	case AwaitLogin:
		return c.send(AwaitSelect, "SELECT "+astring(c.cfg.Folder))
	case AwaitSelect:
		return c.send(AwaitSearch, "UID SEARCH UNSEEN")
	case AwaitFetch:
		whole, ok := c.sections["BODY[]"]
		if c.cfg.Partial > 0 {
			whole = append(c.sections["BODY[HEADER]"], c.sections["BODY[TEXT]<0>"]...)
			_, ok = c.sections["BODY[HEADER]"]
		}
		if !ok {
			return c.fail("the FETCH answer has no message", r)
		}
		c.msgs = append(c.msgs, whole)
		c.fetched++
		if c.cfg.Delete {
			return c.send(AwaitStore, "UID STORE "+uidString(c.cur)+` +FLAGS.SILENT (\Deleted)`)
		}
	case AwaitExpunge:
		return c.send(AwaitLogout, "LOGOUT")
	}
	return c.next()
}

// untagged handles a "* " response: the greeting, SEARCH results and the
// FETCH data; everything else (EXISTS, FLAGS, BYE after LOGOUT) needs no
// action from this client.
func (c *Client) untagged(r string) ClientOutput {
	word, rest, _ := strings.Cut(r, " ")
	switch {
	case c.state == AwaitGreeting && strings.EqualFold(word, "OK"):
		return c.send(AwaitLogin, "LOGIN "+clientQuote(c.cfg.User)+" "+clientQuote(c.cfg.Password))
	case c.state == AwaitGreeting:
		c.err = fmt.Errorf("imap: server refused the connection: * %s", r)
		c.state = Failed
		return ClientOutput{Done: true}
	case c.state == AwaitSearch && strings.EqualFold(word, "SEARCH"):
		for _, f := range strings.Fields(rest) {
			uid, err := strconv.ParseUint(f, 10, 32)
			if err != nil {
				return c.fail("SEARCH result is not a number", r)
			}
			c.todo = append(c.todo, uint32(uid))
		}
	case c.state == AwaitFetch && strings.HasPrefix(strings.ToUpper(rest), "FETCH ("):
		if !c.fetchData(rest[len("FETCH "):]) {
			return c.fail("cannot read the FETCH answer", r)
		}
	}
	return ClientOutput{}
}

// fetchData reads the items of a FETCH response and keeps its body
// sections, by their names ("BODY[]", "BODY[TEXT]<0>").
func (c *Client) fetchData(list string) bool {
	p := &parser{s: list}
	return p.list(func() bool {
		name := strings.ToUpper(p.span(func(b byte) bool { return isAtomChar(b) && b != '[' }))
		if p.byte('[') {
			label := p.span(func(b byte) bool { return b != ']' })
			if !p.byte(']') {
				return false
			}
			name += "[" + strings.ToUpper(label) + "]" + p.span(func(b byte) bool { return b != ' ' })
			if !p.sp() {
				return false
			}
			if p.peek() != '"' && p.peek() != '{' {
				_, ok := p.atom() // NIL: the server has no such section
				return ok
			}
			data, ok := p.str()
			c.sections[name] = []byte(data)
			return ok
		}
		return name != "" && p.sp() && p.skipValue(0)
	})
}

// skipValue reads past one value of any kind: an atom or number, a
// string, or a parenthesised list (as in FLAGS or ENVELOPE).
func (p *parser) skipValue(depth int) bool {
	switch p.peek() {
	case '"', '{':
		_, ok := p.str()
		return ok
	case '(':
		return depth < maxDepth && p.list(func() bool { return p.skipValue(depth + 1) })
	}
	return p.span(func(b byte) bool { return b != ' ' && b != '(' && b != ')' }) != ""
}

// next fetches the next message SEARCH found, or finishes: EXPUNGE when
// messages were flagged \Deleted, then LOGOUT.
func (c *Client) next() ClientOutput {
	if len(c.todo) == 0 {
		if c.cfg.Delete && c.fetched > 0 {
			return c.send(AwaitExpunge, "EXPUNGE")
		}
		return c.send(AwaitLogout, "LOGOUT")
	}
	c.cur, c.todo = c.todo[0], c.todo[1:]
	c.sections = map[string][]byte{}
	items := "BODY[]"
	if c.cfg.Partial > 0 {
		items = "(BODY.PEEK[HEADER] BODY.PEEK[TEXT]<0." + strconv.Itoa(c.cfg.Partial) + ">)"
	}
	return c.send(AwaitFetch, "UID FETCH "+uidString(c.cur)+" "+items)
}

// send moves to state and sends one command under the next tag.
func (c *Client) send(state ClientState, cmd string) ClientOutput {
	c.n++
	c.tag = fmt.Sprintf("a%03d", c.n)
	c.state = state
	return ClientOutput{Lines: []string{c.tag + " " + cmd}}
}

// fail records why the session cannot go on and leaves politely with
// LOGOUT, which expunges nothing.
func (c *Client) fail(why, line string) ClientOutput {
	if c.err == nil {
		c.err = fmt.Errorf("imap: %s: %s", why, line)
	}
	if c.state == AwaitLogout || c.state == AwaitGreeting {
		c.state = Failed
		return ClientOutput{Done: true}
	}
	c.j.reset()
	return c.send(AwaitLogout, "LOGOUT")
}

// clientQuote writes s as a quoted string. The client never sends
// literals, which would cost a round trip for the "+" each.
func clientQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func uidString(uid uint32) string { return strconv.FormatUint(uint64(uid), 10) }
