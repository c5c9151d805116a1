package class

import (
	"errors"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxNick is a nickname's length in characters: enough for a first name,
// short enough for a list on the projector.
const MaxNick = 24

// maxNicks is how many nicknames the instructor's count lists: a
// projector shows a classroom's, not a lecture hall's.
const maxNicks = 200

// ErrBadNick is a nickname that is too long or not plain text.
var ErrBadNick = errors.New("a nickname is up to 24 letters, digits, spaces or punctuation")

// Nick gives student m a nickname, or takes it away with "". A nickname is
// optional and only the instructor's screens see it, in the list of who
// follows: answers stay anonymous, since no frame ties one to its screen.
func (c *Class) Nick(m *Member, nick string) error {
	if m.Role != Student {
		return ErrNotStudent
	}
	nick = strings.Join(strings.Fields(nick), " ")
	if utf8.RuneCountInString(nick) > MaxNick || strings.ContainsFunc(nick, func(r rune) bool {
		return !unicode.IsPrint(r) || unicode.Is(unicode.Bidi_Control, r)
	}) {
		return ErrBadNick
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.members[m]; !ok {
		return nil
	}
	m.nick = nick
	c.refresh()
	return nil
}

// nicks are the students' nicknames, sorted, at most maxNicks; under mu.
func (c *Class) nicks() []string {
	var out []string
	for m := range c.members {
		if m.Role == Student && m.nick != "" {
			out = append(out, m.nick)
		}
	}
	slices.Sort(out)
	if len(out) > maxNicks {
		out = out[:maxNicks]
	}
	return out
}
