package classroom

import (
	"cmp"
	"errors"
	"strconv"
	"strings"

	"mailsim/class"
	"mailsim/lang"
	"mailsim/lessons"
	"mailsim/sim/mime"
	"mailsim/web/words"
)

// errNoQuestion: the class's view has nothing to ask about.
var errNoQuestion = errors.New("no question at this view")

// both is a sentence in every language, from a function of the language.
func both(f func(l lang.Lang) string) class.Text {
	t := class.Text{}
	for _, l := range lang.All {
		t[string(l)] = f(l)
	}
	return t
}

// question is the poll for the class's view v: on a scenario's player,
// predict mode's question about the next server reply; on the Base64 lab,
// the characters of the group on screen; on a lesson, its quiz id (the
// page names the one in view). The words come from the same
// catalogs as the player's and the lesson's own, in every language, since
// a room reads more than one.
func (a *Section) question(v class.View, quiz string) (class.Poll, error) {
	if name, ok := strings.CutPrefix(v.Path, "/play/"); ok {
		return a.predict(name, v.Step)
	}
	if v.Path == "/lab" && v.Input != "" {
		return base64Group(v.Input, v.Step)
	}
	if slug, ok := strings.CutPrefix(v.Path, "/lessons/"); ok && a.lessons != nil {
		if ls, ok := a.lessons.Get(slug); ok {
			return lessonQuiz(ls, quiz)
		}
	}
	return class.Poll{}, errNoQuestion
}

func (a *Section) predict(name string, step int) (class.Poll, error) {
	spec, ok := a.lib.Get(name)
	if !ok {
		return class.Poll{}, errNoQuestion
	}
	q, ok := a.play.Question(spec, step)
	if !ok {
		return class.Poll{}, errNoQuestion
	}
	p := class.Poll{Kind: "single", Right: []int{q.Right}}
	p.Question = both(func(l lang.Lang) string {
		switch {
		case q.Request == "":
			return tr(l, "predict.question") + " " + tr(l, "predict.greeting") + "?"
		case q.Request == ".":
			return tr(l, "predict.question") + " " + tr(l, "predict.dataend") + "?"
		case q.Proto == "imap":
			return tr(l, "predict.question.imap") + " " + q.Request + "?"
		}
		return tr(l, "predict.question") + " " + q.Request + "?"
	})
	for _, c := range q.Choices {
		p.Options = append(p.Options, both(func(lang.Lang) string { return c }))
	}
	p.Why = both(func(l lang.Lang) string { return words.Explain(l, q.Key) })
	return p, nil
}

// base64Group asks the room for the four characters that encode group g
// of input, as the lab's tracer shows them: its "out" cells. The
// explanation is the group's own working: each sextet's bits, its index
// and its character.
func base64Group(input string, g int) (class.Poll, error) {
	t := mime.TraceEncode([]byte(input))
	if t.Error != nil || g < 0 || g >= len(t.Groups) {
		return class.Poll{}, errNoQuestion
	}
	grp := t.Groups[g]
	var chars, work []string
	for _, b := range grp.Bytes {
		chars = append(chars, cmp.Or(b.Char, "0x"+b.Hex)) // a byte with no printable character shows as hex
	}
	for _, x := range grp.Sextets {
		if x.Pad {
			work = append(work, "=")
			continue
		}
		work = append(work, x.Bits+" = "+strconv.Itoa(x.Index)+" → "+x.Char)
	}
	n := strconv.Itoa(g + 1)
	return class.Poll{
		Kind: "short",
		Question: both(func(l lang.Lang) string {
			return strings.NewReplacer("{n}", n, "{bytes}", strings.Join(chars, " ")).Replace(tr(l, "class.b64.question"))
		}),
		Answer: grp.Output,
		Exact:  true, // "eq==" is not "eQ==": Base64 tells the cases apart
		Why:    both(func(lang.Lang) string { return strings.Join(work, ", ") }),
	}, nil
}

// lessonQuiz is quiz id of lesson ls, or its first when id is "".
func lessonQuiz(ls *lessons.Lesson, id string) (class.Poll, error) {
	in := func(l lang.Lang) (*lessons.Quiz, bool) {
		d := ls.In(l)
		if id == "" {
			for _, w := range d.Widgets {
				if w.Quiz != nil {
					return w.Quiz, true
				}
			}
			return nil, false
		}
		return d.Quiz(id)
	}
	first, ok := in(lang.All[0])
	if !ok {
		return class.Poll{}, errNoQuestion
	}
	quizzes := map[lang.Lang]*lessons.Quiz{}
	for _, l := range lang.All {
		if quizzes[l], ok = in(l); !ok {
			return class.Poll{}, errNoQuestion
		}
	}
	p := class.Poll{Kind: first.Kind}
	p.Question = both(func(l lang.Lang) string { return quizzes[l].Question })
	p.Why = both(func(l lang.Lang) string { return quizzes[l].Why })
	if first.Kind == "short" {
		p.Answer, p.Exact = first.Answers[0], first.Exact
		return p, nil
	}
	for i, o := range first.Options {
		p.Options = append(p.Options, both(func(l lang.Lang) string { return quizzes[l].Options[i].Text }))
		if o.Right {
			p.Right = append(p.Right, i)
		}
	}
	return p, nil
}
