package smtp

import (
	"maps"

	"mailsim/lang"
)

// needsSMTPUTF8 refuses a non-ASCII address in a transaction whose MAIL
// FROM did not carry SMTPUTF8, in Postfix's words: the client must declare
// it (RFC 6531 §3.4), and 5.6.7 is "non-ASCII addresses not permitted for
// that sender/recipient" (RFC 6531 §3.7.4.1). The address is not echoed: a
// client that did not ask for UTF-8 is not sent any.
func needsSMTPUTF8(who string) Reply {
	return because("needs-smtputf8", 553, "5.6.7", who+" address rejected: Must declare SMTPUTF8 to send unicode address")
}

// utf8Explanations explain SMTPUTF8's situations, and the early talker's;
// they join Explanations from here so that their words stay with this
// branch's code.
var utf8Explanations = lang.Catalog{
	"smtp.why.needs-smtputf8": {
		RO: "Adresa conține caractere din afara ASCII (de ex. ș sau ț), iar clientul nu a cerut SMTPUTF8. Serverul anunță extensia în răspunsul la EHLO; clientul o cere scriind parametrul în comanda MAIL: MAIL FROM:<ștefan@mailsim.test> SMTPUTF8 (RFC 6531). Fără el, serverul nu are voie să primească adresa, ca să nu ajungă la un server care nu o înțelege.",
		EN: "The address holds characters outside ASCII (ș or ț, say), and the client did not ask for SMTPUTF8. The server announces the extension in its EHLO reply; the client asks for it with the parameter in its MAIL command: MAIL FROM:<ștefan@mailsim.test> SMTPUTF8 (RFC 6531). Without it the server must not take the address, so that it never reaches a server that cannot read it.",
	},
	"smtp.why.early-talker": {
		RO: "Clientul a trimis comenzi înainte de salutul 220. RFC 5321 §3.1 cere clientului să aștepte salutul; un program care nu așteaptă de obicei nu citește nici celelalte răspunsuri, cum fac programele de spam. Serverul ascultă o clipă înainte de salut (ca testul pregreet al lui Postfix postscreen), răspunde 554 și închide conexiunea.",
		EN: "The client sent commands before the 220 greeting. RFC 5321 §3.1 has the client wait for the greeting; a program that does not wait usually reads no other reply either, as spam software does. The server listens for a moment before it greets (as Postfix postscreen's pregreet test does), answers 554 and closes the connection.",
	},
	"smtp.why.smtputf8": {
		RO: "MAIL FROM cu parametrul SMTPUTF8: clientul anunță că expeditorul, destinatarii și antetul mesajului pot conține UTF-8, de exemplu diacritice în adrese (RFC 6531).",
		EN: "MAIL FROM with the SMTPUTF8 parameter: the client announces that the sender, the recipients and the message header may hold UTF-8, diacritics in addresses, say (RFC 6531).",
	},
}

func init() { maps.Copy(Explanations, utf8Explanations) }
