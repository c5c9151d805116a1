package lessons

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Quiz is a question graded on the server: Options carry which are right,
// so only the web section's grader reads them, never the page.
type Quiz struct {
	ID, Kind string // kind: single, multi or short
	Question string
	Options  []Option
	Answers  []string // a short quiz's accepted answers
	Why      string   // the explanation shown after any answer
	// Exact is match=exact: a short answer must have the answer's case, as
	// a Base64 string or quoted-printable's upper-case hex digits must;
	// otherwise case is ignored, as it is in SMTP's keywords and host names.
	Exact bool
}

// Option is one choice of a single or multiple choice quiz.
type Option struct {
	Text  string
	Right bool
}

// parseQuiz reads a quiz block's body: the question, then options or
// answer: lines, then why:.
func parseQuiz(id, kind string, body []string) (*Quiz, error) {
	q := &Quiz{ID: id, Kind: kind}
	for _, l := range body {
		l = strings.TrimSpace(l)
		switch {
		case l == "":
		case q.Question == "":
			q.Question = l
		case strings.HasPrefix(l, "- [x] ") || strings.HasPrefix(l, "- [X] "):
			q.Options = append(q.Options, Option{strings.TrimSpace(l[6:]), true})
		case strings.HasPrefix(l, "- [ ] "):
			q.Options = append(q.Options, Option{strings.TrimSpace(l[6:]), false})
		case strings.HasPrefix(l, "answer:"):
			q.Answers = append(q.Answers, strings.TrimSpace(strings.TrimPrefix(l, "answer:")))
		case strings.HasPrefix(l, "why:"):
			if q.Why != "" {
				return nil, fmt.Errorf("quiz %s has two why: lines", id)
			}
			q.Why = strings.TrimSpace(strings.TrimPrefix(l, "why:"))
		default:
			return nil, fmt.Errorf("quiz %s: line %q is not an option (- [x] / - [ ]), answer: or why:", id, l)
		}
	}
	right := slices.ContainsFunc(q.Options, func(o Option) bool { return o.Right })
	switch {
	case q.Question == "":
		return nil, fmt.Errorf("quiz %s has no question", id)
	case q.Why == "":
		return nil, fmt.Errorf("quiz %s has no why: line explaining the right answer", id)
	case kind == "short" && len(q.Options) > 0:
		return nil, fmt.Errorf("quiz %s is kind=short: it takes answer: lines, not options", id)
	case kind == "short" && (len(q.Answers) == 0 || slices.Contains(q.Answers, "")):
		return nil, fmt.Errorf("quiz %s is kind=short and needs an answer: line", id)
	case kind != "short" && len(q.Answers) > 0:
		return nil, fmt.Errorf("quiz %s is kind=%s: it takes options, not answer: lines", id, kind)
	case kind != "short" && len(q.Options) < 2:
		return nil, fmt.Errorf("quiz %s needs at least two options", id)
	case kind != "short" && !right:
		return nil, fmt.Errorf("quiz %s has no right option (- [x])", id)
	case kind == "single" && q.rights() > 1:
		return nil, fmt.Errorf("quiz %s is kind=single but marks %d options right", id, q.rights())
	}
	return q, nil
}

func (q *Quiz) rights() int {
	n := 0
	for _, o := range q.Options {
		if o.Right {
			n++
		}
	}
	return n
}

// same is whether o, the quiz in the other language, asks the same: its
// kind, its right options by position, or its accepted answers.
func (q *Quiz) same(o *Quiz) error {
	if q.Kind != o.Kind || len(q.Options) != len(o.Options) {
		return fmt.Errorf("quiz %s differs between the languages in its kind or number of options", q.ID)
	}
	for i := range q.Options {
		if q.Options[i].Right != o.Options[i].Right {
			return fmt.Errorf("quiz %s: option %d is right in one language only", q.ID, i+1)
		}
	}
	norm := func(a []string) []string {
		out := make([]string, len(a))
		for i, s := range a {
			out[i] = strings.ToLower(s)
		}
		slices.Sort(out)
		return out
	}
	if !slices.Equal(norm(q.Answers), norm(o.Answers)) {
		return fmt.Errorf("quiz %s accepts other answers in the other language", q.ID)
	}
	return nil
}

// ErrAnswer is a submitted answer that does not fit the quiz: an option
// number out of range, several options for a single choice, or nothing.
var ErrAnswer = errors.New("the answer does not fit the quiz")

// Grade says whether the answer is right. For choices, picked holds the
// option indexes chosen (0-based); for short, text is the answer typed.
func (q *Quiz) Grade(picked []int, text string) (bool, error) {
	if q.Kind == "short" {
		text = strings.TrimSpace(text)
		if text == "" {
			return false, ErrAnswer
		}
		return slices.ContainsFunc(q.Answers, func(a string) bool { return a == text || !q.Exact && strings.EqualFold(a, text) }), nil
	}
	if len(picked) == 0 || (q.Kind == "single" && len(picked) > 1) {
		return false, ErrAnswer
	}
	chosen := make([]bool, len(q.Options))
	for _, i := range picked {
		if i < 0 || i >= len(q.Options) || chosen[i] {
			return false, ErrAnswer
		}
		chosen[i] = true
	}
	for i, o := range q.Options {
		if o.Right != chosen[i] {
			return false, nil
		}
	}
	return true, nil
}
