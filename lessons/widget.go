package lessons

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Widget is one "mailsim" fenced block: its kind, its attributes, the lines
// of its body, and the file line of its opening fence.
type Widget struct {
	Kind  string
	Attrs map[string]string
	Body  []string
	Line  int
	Quiz  *Quiz // set for kind "quiz"
	Index int   // its position among the document's widgets
}

// Int is the attribute key as a number, and whether it was given.
func (w *Widget) Int(key string) (int, bool) {
	n, err := strconv.Atoi(w.Attrs[key])
	return n, err == nil
}

// kind is what one widget kind accepts: its keys, which of them are
// required, the values a key may take (none listed: any), and whether it has a body.
type kind struct {
	keys     []string
	required []string
	values   map[string][]string
	body     bool
}

// TableNames are the tables a "table" widget draws from the code's own data.
var TableNames = []string{"reply-codes", "smtp-commands", "pop3-commands", "mime-types", "encodings", "base64-index"}

var kinds = map[string]kind{
	"player":   {keys: []string{"scenario", "step", "from", "to"}, required: []string{"scenario"}},
	"base64":   {keys: []string{"input", "mode"}, required: []string{"input"}, values: map[string][]string{"mode": {"encode", "decode"}}},
	"console":  {keys: []string{"proto"}, required: []string{"proto"}, values: map[string][]string{"proto": {"smtp", "pop3", "imap"}}, body: true},
	"nslookup": {body: true},
	"states":   {keys: []string{"proto"}, required: []string{"proto"}, values: map[string][]string{"proto": {"smtp", "pop3", "imap"}}},
	"table":    {keys: []string{"name"}, required: []string{"name"}, values: map[string][]string{"name": TableNames}},
	"quiz":     {keys: []string{"id", "kind", "match"}, required: []string{"id", "kind"}, values: map[string][]string{"kind": {"single", "multi", "short"}, "match": {"exact", "fold"}}, body: true},
	"notes":    {body: true},
}

// parseInfo splits a fence's info string after "mailsim": the kind, then
// key=value pairs, a value in double quotes when it holds spaces.
func parseInfo(info string) (string, map[string]string, error) {
	kindName, rest, _ := strings.Cut(strings.TrimSpace(info), " ")
	if kindName == "" {
		return "", nil, errors.New(`a "mailsim" block names its widget: mailsim player, states, table, quiz …`)
	}
	attrs := map[string]string{}
	for rest = strings.TrimSpace(rest); rest != ""; rest = strings.TrimSpace(rest) {
		key, after, ok := strings.Cut(rest, "=")
		if !ok || key == "" || strings.ContainsAny(key, " \"") {
			return "", nil, fmt.Errorf("attribute %q is not key=value", firstWord(rest))
		}
		var val string
		if strings.HasPrefix(after, `"`) {
			end := strings.IndexByte(after[1:], '"')
			if end < 0 {
				return "", nil, fmt.Errorf("attribute %s: the quoted value has no closing quote", key)
			}
			val, rest = after[1:end+1], after[end+2:]
			if rest != "" && rest[0] != ' ' {
				return "", nil, fmt.Errorf("attribute %s: a space must follow the closing quote", key)
			}
		} else {
			val, rest, _ = strings.Cut(after, " ")
		}
		if _, dup := attrs[key]; dup {
			return "", nil, fmt.Errorf("attribute %s is given twice", key)
		}
		attrs[key] = val
	}
	return kindName, attrs, nil
}

func firstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return w
}

// check is the widget's own validity, before any scenario is looked at.
func (w *Widget) check() error {
	k, ok := kinds[w.Kind]
	if !ok {
		names := make([]string, 0, len(kinds))
		for n := range kinds {
			names = append(names, n)
		}
		slices.Sort(names)
		return fmt.Errorf("unknown widget %q (known: %s)", w.Kind, strings.Join(names, ", "))
	}
	for key, val := range w.Attrs {
		if !slices.Contains(k.keys, key) {
			return fmt.Errorf("widget %s has no attribute %q (it takes: %s)", w.Kind, key, strings.Join(k.keys, ", "))
		}
		if vals := k.values[key]; vals != nil && !slices.Contains(vals, val) {
			return fmt.Errorf("widget %s: %s=%q is not one of %s", w.Kind, key, val, strings.Join(vals, ", "))
		}
	}
	for _, key := range k.required {
		if _, ok := w.Attrs[key]; !ok {
			return fmt.Errorf("widget %s needs %s=…", w.Kind, key)
		}
	}
	if !k.body && len(w.Body) > 0 {
		return fmt.Errorf("widget %s takes no body", w.Kind)
	}
	for _, key := range []string{"step", "from", "to"} {
		if v, ok := w.Attrs[key]; ok {
			if n, err := strconv.Atoi(v); err != nil || n < 0 {
				return fmt.Errorf("widget %s: %s=%q is not a step number", w.Kind, key, v)
			}
		}
	}
	if w.Kind == "player" {
		_, step := w.Attrs["step"]
		from, hasFrom := w.Int("from")
		to, hasTo := w.Int("to")
		switch {
		case step && (hasFrom || hasTo):
			return errors.New("widget player takes step= or from= and to=, not both")
		case hasFrom != hasTo:
			return errors.New("widget player takes from= and to= together")
		case hasFrom && from >= to:
			return fmt.Errorf("widget player: from=%d is not before to=%d", from, to)
		}
	}
	if w.Kind == "quiz" {
		q, err := parseQuiz(w.Attrs["id"], w.Attrs["kind"], w.Body)
		if err != nil {
			return err
		}
		if _, ok := w.Attrs["match"]; ok && q.Kind != "short" {
			return fmt.Errorf("quiz %s: match= is for kind=short", q.ID)
		}
		q.Exact = w.Attrs["match"] == "exact"
		w.Quiz = q
	}
	return nil
}

// same is whether the widget, in another language, is this one: the same
// kind and attributes (a base64 input may be translated; nothing else is),
// and for a quiz the same right answers.
func (w *Widget) same(o *Widget) error {
	if w.Kind != o.Kind {
		return fmt.Errorf("widget %d is %s here and %s in the other language", w.Index+1, w.Kind, o.Kind)
	}
	for _, key := range kinds[w.Kind].keys {
		if key != "input" && w.Attrs[key] != o.Attrs[key] {
			return fmt.Errorf("widget %d (%s): %s=%q here and %q in the other language", w.Index+1, w.Kind, key, w.Attrs[key], o.Attrs[key])
		}
	}
	if w.Quiz != nil {
		return w.Quiz.same(o.Quiz)
	}
	return nil
}
