package imap

import (
	"maps"
	"strings"

	"mailsim/lang"
)

// KeyEnable answers ENABLE.
const KeyEnable = "imap.ok.enable"

// enable answers "ENABLE capability ..." (RFC 5161). Of the capabilities a
// client may enable the server knows one, UTF8=ACCEPT (RFC 6855): the
// client takes UTF-8 in quoted strings, so headers and addresses with
// diacritics may come as they are. The server already reads UTF-8 in a
// client's quoted strings, and sends 8-bit text as literals, which every
// client reads, so enabling changes what it may send, not what it must. An
// unknown capability is left out of the ENABLED answer, as §3.1 asks.
func (s *Server) enable(c *command) Output {
	var names []string
	for c.p.sp() {
		name, ok := c.p.atom()
		if !ok {
			return c.syntax("ENABLE capability ...")
		}
		names = append(names, name)
	}
	if !c.end() || len(names) == 0 {
		return c.syntax("ENABLE capability ...")
	}
	var enabled []string
	for _, name := range names {
		if strings.EqualFold(name, "UTF8=ACCEPT") && !s.utf8 {
			s.utf8 = true
			enabled = append(enabled, "UTF8=ACCEPT")
		}
	}
	c.reply(strings.TrimSpace("ENABLED " + strings.Join(enabled, " ")))
	return c.ok(KeyEnable, "ENABLE completed")
}

// loginExplanations explain ENABLE and the end of too many failed logins;
// they join Explanations from here, beside the code that produces them.
var loginExplanations = lang.Catalog{
	"imap.cmd.ENABLE": {
		RO: "ENABLE: clientul pornește o extensie pe care serverul a anunțat-o, de exemplu UTF8=ACCEPT, ca să primească UTF-8 în răspunsuri (RFC 5161, RFC 6855).",
		EN: "ENABLE: the client turns on an extension the server announced, UTF8=ACCEPT, say, to get UTF-8 in answers (RFC 5161, RFC 6855).",
	},
	KeyEnable: {
		RO: "Răspunsul * ENABLED numește extensiile pornite acum; cu UTF8=ACCEPT, adresele și antetele cu diacritice pot veni așa cum sunt.",
		EN: "The * ENABLED answer names the extensions now turned on; with UTF8=ACCEPT, addresses and headers with diacritics may come as they are.",
	},
	KeyTooManyFailures: {
		RO: "A treia autentificare eșuată din aceeași sesiune: serverul răspunde NO, apoi * BYE, și închide conexiunea. După fiecare eșec a așteptat tot mai mult (1 s, 2 s, 4 s), ca ghicirea parolelor să fie lentă.",
		EN: "The third failed login of the same session: the server answers NO, then * BYE, and closes the connection. After each failure it waited longer (1 s, 2 s, 4 s), so that guessing passwords is slow.",
	},
}

func init() { maps.Copy(Explanations, loginExplanations) }
