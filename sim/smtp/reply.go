package smtp

import (
	"strconv"
	"strings"
)

// Reply is one SMTP reply. It also implements error so that a rejection can
// travel as a single error type, as in go-smtp.
type Reply struct {
	Code     int      // 250
	Enhanced string   // "2.1.0" (RFC 3463) or ""
	Lines    []string // text lines, at least one ("Ok")
	// Situation is the explanation key of why this reply was given
	// ("smtp.why.relay-denied"), set where the reply is decided, because
	// one code covers many situations: 554 is a relay refused, a message
	// with no recipient and a mail loop. "" leaves the code to explain it.
	Situation string
}

// Error returns the reply on one line, e.g. "550 5.1.1 User unknown".
func (r Reply) Error() string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(r.Code))
	if r.Enhanced != "" {
		b.WriteByte(' ')
		b.WriteString(r.Enhanced)
	}
	for _, l := range r.Lines {
		b.WriteByte(' ')
		b.WriteString(l)
	}
	return b.String()
}

// Wire returns the reply as it travels, one string per line without CRLF:
// "250-" on every line but the last, "250 " on the last, and the enhanced
// code repeated on every line as RFC 2034 asks. CR and LF inside a text line
// become spaces so that a reply can never inject a line of its own, and any
// other control character (a NUL, an escape) becomes '?', so that a reply
// that quotes a client's address never carries one back: RFC 5321's reply
// text is only tab and printable characters.
func (r Reply) Wire() []string {
	lines := r.Lines
	if len(lines) == 0 {
		lines = []string{""}
	}
	code := strconv.Itoa(r.Code)
	out := make([]string, len(lines))
	for i, text := range lines {
		sep := " "
		if i < len(lines)-1 {
			sep = "-"
		}
		if strings.ContainsFunc(text, isControl) {
			text = strings.Map(printable, text)
		}
		switch {
		case r.Enhanced != "" && text != "":
			out[i] = code + sep + r.Enhanced + " " + text
		case r.Enhanced != "":
			out[i] = code + sep + r.Enhanced
		case text != "" || sep == "-" || r.Code == 334:
			// RFC 4954 §4 puts a space after 334 even before an empty
			// challenge, and clients such as Go's net/smtp need it.
			out[i] = code + sep + text
		default:
			out[i] = code
		}
	}
	return out
}

// isControl reports an ASCII control character other than tab.
func isControl(r rune) bool { return r < ' ' && r != '\t' || r == 0x7f }

// printable turns CR and LF into spaces and other control characters into
// '?', for a reply text line.
func printable(r rune) rune {
	switch {
	case r == '\r' || r == '\n':
		return ' '
	case isControl(r):
		return '?'
	}
	return r
}

// Key returns the explanation key of the reply: its Situation when the
// catalog explains it, else the code's, "smtp.reply.250". A code the catalog
// does not explain (a backend may answer 455, say) falls back to its class,
// "smtp.reply.4xx", so that every reply has a sentence.
func (r Reply) Key() string {
	if _, ok := Explanations[r.Situation]; ok && r.Situation != "" {
		return r.Situation
	}
	k := "smtp.reply." + strconv.Itoa(r.Code)
	if _, ok := Explanations[k]; ok {
		return k
	}
	return "smtp.reply." + strconv.Itoa(r.Code/100) + "xx"
}

// Positive reports a 2xx reply, the only class that means "done".
func (r Reply) Positive() bool { return r.Code >= 200 && r.Code < 300 }

// Transient reports a 4xx reply: the same request may succeed later.
func (r Reply) Transient() bool { return r.Code >= 400 && r.Code < 500 }

// reply builds a one-line reply.
func reply(code int, enhanced, text string) Reply {
	return Reply{Code: code, Enhanced: enhanced, Lines: []string{text}}
}

// because gives a one-line reply the key of its situation, "smtp.why."+why.
func because(why string, code int, enhanced, text string) Reply {
	return Reply{Code: code, Enhanced: enhanced, Lines: []string{text}, Situation: "smtp.why." + why}
}

// replyLine is one parsed line of a reply as a client reads it.
type replyLine struct {
	code     int
	more     bool   // "250-": further lines follow
	enhanced string // "2.1.0" when the text starts with one
	text     string
}

// parseReplyLine reads "250-text", "250 text" or "250". ok is false for
// anything else, which a client must treat as a protocol error.
func parseReplyLine(line string) (l replyLine, ok bool) {
	if len(line) < 3 || line[0] < '2' || line[0] > '5' || !isDigit(line[1]) || !isDigit(line[2]) {
		return l, false
	}
	l.code = int(line[0]-'0')*100 + int(line[1]-'0')*10 + int(line[2]-'0')
	if len(line) == 3 {
		return l, true
	}
	switch line[3] {
	case '-':
		l.more = true
	case ' ':
	default:
		return l, false
	}
	l.text = line[4:]
	if n := enhancedLen(l.text, line[0]); n > 0 {
		l.enhanced = l.text[:n]
		l.text = strings.TrimPrefix(l.text[n:], " ")
	}
	return l, true
}

// enhancedLen returns the length of an RFC 3463 code "c.sss.ddd" at the start
// of text whose class digit is class and which ends the text or is followed
// by a space; 0 when there is none.
func enhancedLen(text string, class byte) int {
	if len(text) < 5 || text[0] != class || text[1] != '.' {
		return 0
	}
	i := 2
	for part := 0; part < 2; part++ {
		start := i
		for i < len(text) && isDigit(text[i]) && i-start < 3 {
			i++
		}
		if i == start {
			return 0
		}
		if part == 0 {
			if i >= len(text) || text[i] != '.' {
				return 0
			}
			i++
		}
	}
	if i < len(text) && text[i] != ' ' {
		return 0
	}
	return i
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
