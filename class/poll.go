package class

import (
	"cmp"
	"errors"
	"slices"
	"strings"
)

// Poll is a question to the room: a choice among options (one or several
// right) or a short answer (a reply code, a Base64 character). The right
// answer and its explanation reach the students only with the reveal.
type Poll struct {
	Kind     string `json:"kind"` // "single", "multi" or "short"
	Question Text   `json:"question"`
	Options  []Text `json:"options,omitempty"`
	Right    []int  `json:"-"` // the right options' indexes, for a choice
	Answer   string `json:"-"` // the right short answer
	Exact    bool   `json:"-"` // a short answer keeps its case (Base64 does); otherwise case is folded
	Why      Text   `json:"-"`

	id       int
	answers  map[*Member]string // each student's latest answer, as a key of the tally
	revealed bool
}

// Text is a sentence in each language a screen may show, by language code
// ("ro", "en"): students in one room read different languages.
type Text map[string]string

// size is the longest of the text's languages.
func (t Text) size() int {
	n := 0
	for _, s := range t {
		n = max(n, len(s))
	}
	return n
}

// The poll's bounds: what an instructor's page may ask, and what a
// student may answer.
const maxOptions, maxText, maxShown = 10, 300, 8

// ErrNotStudent: the instructor asks, students answer.
var (
	ErrNotStudent = errors.New("only students answer")
	ErrRevealed   = errors.New("the answer was revealed: the question is closed")
	ErrBadAnswer  = errors.New("that is not one of the question's options")
)

func (p *Poll) check() error {
	switch {
	case p.Question.size() == 0 || p.Question.size() > maxText || p.Why.size() > maxText:
		return errors.New("a question has text, at most 300 bytes")
	case p.Kind == "short":
		if p.Answer == "" || len(p.Answer) > maxText {
			return errors.New("a short question has its answer")
		}
	case p.Kind == "single" || p.Kind == "multi":
		if len(p.Options) < 2 || len(p.Options) > maxOptions || len(p.Right) == 0 || (p.Kind == "single" && len(p.Right) != 1) {
			return errors.New("a choice has 2 to 10 options and its right one(s)")
		}
		for _, r := range p.Right {
			if r < 0 || r >= len(p.Options) {
				return errors.New("a right option is out of range")
			}
		}
		for _, o := range p.Options {
			if o.size() == 0 || o.size() > maxText {
				return errors.New("an option has text, at most 300 bytes")
			}
		}
	default:
		return errors.New(`a question's kind is "single", "multi" or "short"`)
	}
	return nil
}

// key is an answer as the tally counts it: the chosen options' indexes in
// order ("0,2"), or the short answer without spaces and, unless Exact, in
// one case.
func (p *Poll) key(picks []int, text string) (string, error) {
	if p.Kind == "short" {
		t := strings.Join(strings.Fields(text), "")
		if !p.Exact {
			t = strings.ToUpper(t)
		}
		if t == "" || len(t) > maxText {
			return "", ErrBadAnswer
		}
		return t, nil
	}
	picks = slices.Clone(picks)
	slices.Sort(picks)
	picks = slices.Compact(picks)
	if len(picks) == 0 || (p.Kind == "single" && len(picks) > 1) {
		return "", ErrBadAnswer
	}
	parts := make([]string, len(picks))
	for i, n := range picks {
		if n < 0 || n >= len(p.Options) {
			return "", ErrBadAnswer
		}
		parts[i] = string(rune('0' + n))
	}
	return strings.Join(parts, ","), nil
}

// Bar is one bar of the chart: an option (its index) or a short answer
// (its text), and how many chose it.
type Bar struct {
	Option int    `json:"option"` // -1 for a short answer
	Text   string `json:"text,omitempty"`
	Count  int    `json:"count"`
	Right  bool   `json:"right,omitempty"` // only once revealed
}

// bars is the tally: for a choice one bar per option, counting each
// student who picked it; for a short answer the most given answers.
func (p *Poll) bars() []Bar {
	if p.Kind != "short" {
		bars := make([]Bar, len(p.Options))
		for i := range p.Options {
			bars[i] = Bar{Option: i, Right: p.revealed && slices.Contains(p.Right, i)}
		}
		for _, k := range p.answers {
			for n := range strings.SplitSeq(k, ",") {
				bars[n[0]-'0'].Count++
			}
		}
		return bars
	}
	counts := map[string]int{}
	for _, k := range p.answers {
		counts[k]++
	}
	bars := make([]Bar, 0, len(counts))
	for k, n := range counts {
		bars = append(bars, Bar{Option: -1, Text: k, Count: n})
	}
	slices.SortFunc(bars, func(a, b Bar) int { return cmp.Or(b.Count-a.Count, strings.Compare(a.Text, b.Text)) })
	if len(bars) > maxShown {
		bars = bars[:maxShown]
	}
	if p.revealed {
		right, _ := p.key(nil, p.Answer)
		for i := range bars {
			bars[i].Right = bars[i].Text == right
		}
	}
	return bars
}

func (p *Poll) forget(m *Member) { delete(p.answers, m) }

// pollFrame is the question as a screen shows it: to students without the
// tally until the reveal, to the instructor with it all along.
type pollFrame struct {
	Op       string `json:"op"` // "poll", "tally" or "reveal"
	ID       int    `json:"id"`
	Poll     *Poll  `json:"poll"`
	Bars     []Bar  `json:"bars,omitempty"`
	Answered int    `json:"answered"`
	Right    []int  `json:"right,omitempty"`  // the right options, once revealed
	Answer   string `json:"answer,omitempty"` // the right short answer, once revealed
	Why      Text   `json:"why,omitempty"`
}

func (p *Poll) frame(r Role) *Message {
	f := pollFrame{Op: "poll", ID: p.id, Poll: p, Answered: len(p.answers)}
	if p.revealed {
		f.Op, f.Why, f.Right, f.Answer = "reveal", p.Why, p.Right, p.Answer
	}
	if p.revealed || r == Instructor {
		f.Bars = p.bars()
	}
	return encode(f)
}

// Ask opens a question to the room, closing the one before.
func (c *Class) Ask(m *Member, p Poll) error {
	if m.Role != Instructor {
		return ErrNotInstructor
	}
	if err := p.check(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nextPoll++
	p.id, p.answers = c.nextPoll, map[*Member]string{}
	c.poll = &p
	c.broadcast(Student, p.frame(Student))
	c.broadcast(Instructor, p.frame(Instructor))
	return nil
}

// Answer records a student's answer to question id, replacing the one the
// student gave before: each counts once. The instructor's screens get the
// new tally, at most every RefreshEvery.
func (c *Class) Answer(m *Member, id int, picks []int, text string) error {
	if m.Role != Student {
		return ErrNotStudent
	}
	if !m.answers.Allow() {
		return ErrTooFast
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	p := c.poll
	if p == nil || p.id != id {
		return ErrNoPoll
	}
	if p.revealed {
		return ErrRevealed
	}
	k, err := p.key(picks, text)
	if err != nil {
		return err
	}
	p.answers[m] = k
	c.refresh()
	return nil
}

// Reveal shows every screen the right answer, its explanation and the
// chart; the question is then closed.
func (c *Class) Reveal(m *Member) error {
	if m.Role != Instructor {
		return ErrNotInstructor
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.poll == nil {
		return ErrNoPoll
	}
	c.poll.revealed = true
	c.broadcast(Everyone, c.poll.frame(Student))
	return nil
}
