package lessons

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// frontMatter reads the "---" block at the top of a lesson: one "key: value"
// a line. It returns the values, the number of lines the block takes (so that
// the body's line numbers stay the file's), or an error with the line it
// concerns. A lesson without the block is an error, since topics are required.
func frontMatter(src string) (meta map[string]string, lines int, line int, err error) {
	rest, ok := strings.CutPrefix(src, "---\n")
	if !ok {
		return nil, 0, 1, errors.New(`a lesson starts with a "---" line, its front matter (topics: …), and another "---"`)
	}
	meta = map[string]string{}
	for n := 2; ; n++ {
		l, after, found := strings.Cut(rest, "\n")
		if !found && l != "---" {
			return nil, 0, 1, errors.New(`the front matter has no closing "---" line`)
		}
		rest = after
		if l == "---" {
			return meta, n, 0, nil
		}
		k, v, ok := strings.Cut(l, ":")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		switch {
		case strings.TrimSpace(l) == "":
			continue
		case !ok || k == "":
			return nil, 0, n, fmt.Errorf("front matter line %q is not \"key: value\"", l)
		case !slices.Contains(metaKeys, k):
			return nil, 0, n, fmt.Errorf("unknown front matter key %q (known: %s)", k, strings.Join(metaKeys, ", "))
		case meta[k] != "":
			return nil, 0, n, fmt.Errorf("front matter key %q is given twice", k)
		}
		meta[k] = v
	}
}

// metaKeys are the front matter's keys.
var metaKeys = []string{"topics", "scenario"}
