package pop3

import "bytes"

// message is one session's view of a maildrop message: its lines as they go
// on the wire, its size and whether DELE has marked it. The lines are
// prepared once at login, so that RETR and TOP only hand them out.
type message struct {
	uid string
	// lines are the message's lines without line ends, already byte-stuffed.
	lines []string
	// header is the index of the empty line that ends the header, or
	// len(lines) for a message without a body; TOP counts body lines from it.
	header int
	// size is the message's size in octets with every line ending in CRLF,
	// before byte-stuffing: the size the client will have once it has
	// received and unstuffed the message.
	size    int
	deleted bool
}

// newMessage splits m into lines on LF, dropping a CR before it, so that
// messages stored with LF and with CRLF line ends are counted alike.
func newMessage(m Message) message {
	msg := message{uid: m.UID, header: -1}
	data := m.Data
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimSuffix(line, []byte{'\r'})
		if len(line) == 0 && msg.header < 0 {
			msg.header = len(msg.lines)
		}
		msg.size += len(line) + 2
		msg.lines = append(msg.lines, stuff(string(line)))
	}
	if msg.header < 0 {
		msg.header = len(msg.lines)
	}
	return msg
}

// top returns the header, the empty line and the first n body lines, which
// is what TOP sends (RFC 1939 §7).
func (m *message) top(n int) []string {
	end := len(m.lines)
	if m.header < end && n < end-m.header-1 {
		end = m.header + 1 + n
	}
	return m.lines[:end]
}
