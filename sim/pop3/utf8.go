package pop3

import (
	"maps"

	"mailsim/lang"
)

// KeyUTF8 is the answer to the UTF8 command.
const KeyUTF8 = "pop3.ok.utf8"

// utf8Cmd answers UTF8 (RFC 6856 §3): from now on the client accepts UTF-8
// in answers and messages. The lab sends every message as it was stored
// either way, and takes UTF-8 in USER and PASS at any time, which the
// capability "UTF8 USER" promises.
func (s *Server) utf8Cmd(arg string) Output {
	if arg != "" {
		return errLine("UTF8", KeySyntax, "Usage: UTF8")
	}
	return okLine("UTF8", KeyUTF8, "UTF8 enabled")
}

// loginExplanations explain UTF8 and the end of too many failed logins;
// they join Explanations from here, beside the code that produces them.
var loginExplanations = lang.Catalog{
	"pop3.cmd.UTF8": {
		RO: "UTF8: clientul anunță că primește UTF-8 în răspunsuri și în mesaje, de exemplu adrese cu diacritice (RFC 6856).",
		EN: "UTF8: the client announces that it takes UTF-8 in answers and messages, addresses with diacritics, say (RFC 6856).",
	},
	KeyUTF8: {
		RO: "Serverul a trecut sesiunea pe UTF-8; numele de utilizator și parola pot avea diacritice.",
		EN: "The server has switched the session to UTF-8; the user name and the password may hold diacritics.",
	},
	KeyTooManyFailures: {
		RO: "A treia autentificare eșuată din aceeași sesiune: serverul închide conexiunea. După fiecare eșec a așteptat tot mai mult (1 s, 2 s, 4 s), ca ghicirea parolelor să fie lentă; codul [AUTH] (RFC 3206) spune că vina e a datelor de autentificare, nu a serverului.",
		EN: "The third failed login of the same session: the server closes the connection. After each failure it waited longer (1 s, 2 s, 4 s), so that guessing passwords is slow; the [AUTH] code (RFC 3206) says the credentials are at fault, not the server.",
	},
}

func init() { maps.Copy(Explanations, loginExplanations) }
