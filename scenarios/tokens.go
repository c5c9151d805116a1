package scenarios

import (
	"errors"
	"strings"

	"mailsim/lang"
)

// directive is one line of a scenario file: a verb, positional arguments and
// key=value options. Values may be "quoted" with \" and \\ escapes inside.
type directive struct {
	line int
	verb string
	args []string
	opts map[string]string
	seen map[string]bool // options read by the parser, to report unknown ones
	body []string        // "| " continuation lines that follow the directive
	at   []int           // the file's line number of each body line
	// bodyLang is each body line's language: "" for a "|" line, which every
	// language shares, "ro" or "en" for a "ro|" or "en|" line.
	bodyLang []lang.Lang
}

// tokenize splits one line into words, honouring double quotes. A word of the
// form key=value (or key="a value") becomes an option.
func tokenize(line string) (words []string, err error) {
	var b strings.Builder
	inWord, quoted := false, false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quoted && c == '\\' && i+1 < len(line) && (line[i+1] == '"' || line[i+1] == '\\'):
			i++
			b.WriteByte(line[i])
		case c == '"':
			quoted = !quoted
			inWord = true
		case !quoted && (c == ' ' || c == '\t'):
			if inWord {
				words = append(words, b.String())
				b.Reset()
				inWord = false
			}
		default:
			b.WriteByte(c)
			inWord = true
		}
	}
	if quoted {
		return nil, errors.New("a quoted value is not closed")
	}
	if inWord {
		words = append(words, b.String())
	}
	return words, nil
}

// parseDirective builds a directive from a non-blank, non-comment line.
func parseDirective(n int, line string) (*directive, error) {
	words, err := tokenize(line)
	if err != nil {
		return nil, err
	}
	d := &directive{line: n, verb: words[0], opts: map[string]string{}, seen: map[string]bool{}}
	for _, w := range words[1:] {
		k, v, isOpt := strings.Cut(w, "=")
		switch {
		case !isOpt:
			d.args = append(d.args, w)
		case k == "":
			return nil, errors.New("an option has no name before '='")
		default:
			if _, dup := d.opts[k]; dup {
				return nil, errors.New("option " + k + " given twice")
			}
			d.opts[k] = v
		}
	}
	return d, nil
}

// opt returns an option's value and marks it as known.
func (d *directive) opt(key string) (string, bool) {
	d.seen[key] = true
	v, ok := d.opts[key]
	return v, ok
}
