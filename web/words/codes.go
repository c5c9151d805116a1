package words

import "mailsim/lang"

// uiCodes is the words of the reply-code page (/codes), of the places where
// the lecture differs from the RFCs (on that page and on the APOP page), and
// of the nslookup console's invitation to replay the lecture's session.
var uiCodes = lang.Catalog{
	"nslookup.lecture": {RO: "Sesiunea din curs, linie cu linie:", EN: "The lecture's session, line by line:"},

	"nav.codes":   {RO: "Coduri", EN: "Codes"},
	"codes.title": {RO: "Codurile de răspuns SMTP", EN: "SMTP reply codes"},
	"codes.lede": {
		RO: "Fiecare cod din tabelul cursului, plus 252 și 555 din RFC 5321: clasa lui, textul din curs și cel din RFC, ce înseamnă și unde îl vezi, într-un pas de scenariu sau cu comenzile pe care le scrii în consolă.",
		EN: "Every code of the lecture's table, plus 252 and 555 from RFC 5321: its class, the lecture's wording and the RFC's, what it means and where you see it, at a scenario step or with the commands you type in the console.",
	},
	"codes.class.c2": {RO: "2xx: răspuns pozitiv de finalizare (Positive Completion Reply)", EN: "2xx: Positive Completion Reply"},
	"codes.class.c3": {RO: "3xx: răspuns pozitiv intermediar (Positive Intermediate Reply)", EN: "3xx: Positive Intermediate Reply"},
	"codes.class.c4": {RO: "4xx: răspuns negativ temporar (Transient Negative Completion Reply)", EN: "4xx: Transient Negative Completion Reply"},
	"codes.class.c5": {RO: "5xx: răspuns negativ permanent (Permanent Negative Completion Reply)", EN: "5xx: Permanent Negative Completion Reply"},
	"codes.lecture":  {RO: "Cursul", EN: "In the lecture"},
	"codes.rfc":      {RO: "În RFC 5321", EN: "In RFC 5321"},
	"codes.meaning":  {RO: "Ce înseamnă", EN: "What it means"},
	"codes.where":    {RO: "Unde îl vezi", EN: "Where you see it"},
	"codes.step":     {RO: "pasul", EN: "step"},
	"codes.recipe":   {RO: "În consolă, conectează-te la SMTP și, după salut, scrie:", EN: "In the console, connect to SMTP and, after the greeting, type:"},
	"codes.times":    {RO: "(de {n} ori: un destinatar peste limita serverului)", EN: "({n} times: one recipient over the server's limit)"},
	"codes.console":  {RO: "Deschide consola", EN: "Open the console"},
	"codes.absent":   {RO: "Lipsește din tabelul cursului; RFC 5321 îl adaugă.", EN: "Not in the lecture's table; RFC 5321 adds it."},
	"codes.differs":  {RO: "Cursul îl descrie altfel: vezi mai jos.", EN: "The lecture describes it differently: see below."},

	"codes.enhanced.title": {RO: "Codurile de stare extinse (RFC 3463)", EN: "Enhanced status codes (RFC 3463)"},
	"codes.enhanced.lede": {
		RO: "După cele trei cifre, majoritatea răspunsurilor poartă un al doilea cod, de forma clasă.subiect.detaliu, pe care serverul îl anunță în EHLO cu ENHANCEDSTATUSCODES (RFC 2034). Codul de răspuns spune ce face clientul mai departe; codul extins spune mai precis ce s-a întâmplat, pentru un program care îl citește.",
		EN: "After the three digits most replies carry a second code, shaped class.subject.detail, which the server announces in EHLO with ENHANCEDSTATUSCODES (RFC 2034). The reply code says what the client does next; the enhanced code says more precisely what happened, for a program that reads it.",
	},
	"codes.enhanced.class":   {RO: "Clasa", EN: "Class"},
	"codes.enhanced.subject": {RO: "Subiectul", EN: "Subject"},
	"codes.enhanced.detail":  {RO: "Detaliul", EN: "Detail"},
	"codes.enhanced.class.what": {
		RO: "Prima cifră, ca la codul de răspuns: 2 succes, 4 eșec temporar, 5 eșec permanent.",
		EN: "The first digit, as in the reply code: 2 success, 4 transient failure, 5 permanent failure.",
	},
	"codes.enhanced.subject.what": {
		RO: "Despre ce e vorba: 0 altceva, 1 adresare, 2 căsuța poștală, 3 sistemul de mail, 4 rețea și rutare, 5 protocolul de livrare, 6 conținutul mesajului, 7 securitate sau politică.",
		EN: "What it is about: 0 other, 1 addressing, 2 mailbox, 3 mail system, 4 network and routing, 5 mail delivery protocol, 6 message content, 7 security or policy.",
	},
	"codes.enhanced.detail.what": {
		RO: "Numărul cazului exact în cadrul subiectului, din lista RFC 3463.",
		EN: "The number of the exact case within the subject, from RFC 3463's list.",
	},
	"codes.enhanced.e215": {
		RO: "2.1.5: succes, adresare, adresa destinatarului e validă (răspunsul la RCPT TO).",
		EN: "2.1.5: success, addressing, destination address valid (the reply to RCPT TO).",
	},
	"codes.enhanced.e571": {
		RO: "5.7.1: eșec permanent, securitate sau politică, livrarea nu e autorizată (serverul nu face releu pentru alt domeniu).",
		EN: "5.7.1: permanent failure, security or policy, delivery not authorized (the server does not relay to another domain).",
	},
	"codes.lecture.title": {RO: "Unde cursul diferă", EN: "Where the lecture differs"},
	"codes.lecture.lede": {
		RO: "Exemplele din curs care nu se pot reproduce așa cum sunt tipărite. mailsim urmează RFC-urile; fiecare caz arată textul din curs, pe cel corect și de ce.",
		EN: "The lecture's examples that cannot be reproduced as printed. mailsim follows the RFCs; each case shows the lecture's text, the correct one, and why.",
	},
	"lecture.said":   {RO: "Cursul", EN: "The lecture"},
	"lecture.right":  {RO: "Corect", EN: "Correct"},
	"lecture.source": {RO: "Sursa", EN: "Source"},
	"lecture.why":    {RO: "De ce", EN: "Why"},
	"lecture.all":    {RO: "Toate locurile unde cursul diferă", EN: "Every place where the lecture differs"},

	"lecture.keywords.title": {RO: "Cuvinte-cheie scrise greșit: VERFY, SMOL, SMAL", EN: "Misspelt keywords: VERFY, SMOL, SMAL"},
	"lecture.keywords.why": {
		RO: "Comenzile se numesc VRFY (verify), SOML (Send Or MaiL) și SAML (Send And MaiL). Un server nu le recunoaște scrise ca în curs: „VERFY” primește 500, comandă necunoscută.",
		EN: "The commands are VRFY (verify), SOML (Send Or MaiL) and SAML (Send And MaiL). A server does not recognise them spelt as in the lecture: \"VERFY\" gets 500, unknown command.",
	},
	"lecture.send-args.title": {RO: "SEND, SOML și SAML FROM poartă expeditorul, nu destinatarul", EN: "SEND, SOML and SAML FROM carry the sender, not the recipient"},
	"lecture.send-args.why": {
		RO: "Ca MAIL FROM, aceste comenzi încep o tranzacție și dau calea de întoarcere (reverse-path), adică expeditorul; destinatarii urmează în RCPT TO. Coloana de argumente a cursului spune „Intended recipient”, ca la RCPT TO. RFC 5321 le declară învechite (clienții nu ar trebui să le folosească), iar serverul din mailsim le răspunde cu 502.",
		EN: "Like MAIL FROM, these commands start a transaction and give the reverse-path, that is the sender; the recipients follow in RCPT TO. The lecture's argument column says \"Intended recipient\", as for RCPT TO. RFC 5321 declares them obsolete (clients should not use them), and mailsim's server answers them with 502.",
	},
	"lecture.reply-504.title": {RO: "504 nu înseamnă „temporar”", EN: "504 does not mean \"temporarily\""},
	"lecture.reply-504.why": {
		RO: "504 privește un parametru pe care serverul nu îl implementează (de exemplu un subiect HELP necunoscut sau un mecanism AUTH). Prima cifră, 5, spune că eroarea e permanentă: o problemă temporară ar avea un cod 4xx. Comanda „HELP VERFY” din consolă îți arată un 504 adevărat.",
		EN: "504 is about a parameter the server does not implement (an unknown HELP topic or an AUTH mechanism, say). Its first digit, 5, says the failure is permanent: a temporary problem would have a 4xx code. \"HELP VERFY\" in the console shows you a real 504.",
	},
	"lecture.esmtd.title": {RO: "Salutul lui Postfix: ESMTP, nu ESMTD", EN: "Postfix's greeting: ESMTP, not ESMTD"},
	"lecture.esmtd.why": {
		RO: "ESMTP înseamnă Extended SMTP: serverul anunță că înțelege EHLO și extensiile. Bannerul implicit al lui Postfix este „$myhostname ESMTP $mail_name”; „ESMTD” e o greșeală de tipar. Serverul din mailsim salută cu „220 mailsim.test ESMTP mailsim”.",
		EN: "ESMTP stands for Extended SMTP: the server announces that it understands EHLO and the extensions. Postfix's default banner is \"$myhostname ESMTP $mail_name\"; \"ESMTD\" is a typo. mailsim's server greets with \"220 mailsim.test ESMTP mailsim\".",
	},
	"lecture.pop3-sequence.title": {RO: "Secvența POP3: fiecare comandă are un răspuns", EN: "The POP3 sequence: every command gets a reply"},
	"lecture.pop3-sequence.why": {
		RO: "În POP3 serverul răspunde la fiecare comandă cu o linie care începe cu +OK sau -ERR. În exemplul din curs lipsesc răspunsurile +OK după „dele”, ca și linia +OK cu care încep răspunsurile la „list” și „retr”, iar „retr 2” primește conținutul mesajului 1: ar trebui să vină mesajul 2. Alături, ce răspunde serverul POP3 din mailsim la aceleași comenzi. Ștergerea se face abia după QUIT, în starea UPDATE.",
		EN: "In POP3 the server answers every command with a line that starts with +OK or -ERR. The lecture's example lacks the +OK replies after \"dele\", as well as the +OK line that starts the answers to \"list\" and \"retr\", and \"retr 2\" gets message 1's contents: message 2 should come. Beside it, what mailsim's POP3 server answers to the same commands. The deletion happens only after QUIT, in the UPDATE state.",
	},
	"lecture.apop.title": {RO: "Parola din exemplul APOP: cfugDemo123, nu mypass", EN: "The password of the APOP example: cfugDemo123, not mypass"},
	"lecture.apop.why": {
		RO: "Cursul spune că parola comună este mypass, dar rezumatul pe care îl tipărește, 786b5c12203b391c9a903b515ce65a12, este MD5 al mărcii de timp urmate de cfugDemo123, parola aceluiași cont (cfugDemo@evoch.com) de pe diapozitivul USER/PASS. Cu mypass rezumatul iese altul, deci serverul ar refuza autentificarea. Mai jos, ambele calcule, făcute acum.",
		EN: "The lecture says the shared password is mypass, but the digest it prints, 786b5c12203b391c9a903b515ce65a12, is MD5 of the timestamp followed by cfugDemo123, the password of the same account (cfugDemo@evoch.com) on the USER/PASS slide. With mypass the digest comes out different, so the server would refuse the login. Below, both computations, done now.",
	},
	"lecture.apop.right": {
		RO: "Adică: parametrul „digest” se obține aplicând algoritmul MD5 [RFC1321] unui șir format din marca de timp (cu tot cu parantezele unghiulare) urmată de un secret comun.",
		EN: "That is: the digest is MD5 [RFC1321] of the timestamp, angle brackets included, followed by the shared secret.",
	},
	"lecture.pop3-sequence.source": {RO: "serverul POP3 din mailsim, rulat cu aceleași comenzi", EN: "mailsim's POP3 server, run on the same commands"},
	"lecture.apop.input":           {RO: "Șirul dat lui MD5", EN: "The string given to MD5"},
	"lecture.apop.same":            {RO: "= rezumatul din curs", EN: "= the lecture's digest"},
	"lecture.apop.other":           {RO: "≠ rezumatul din curs", EN: "≠ the lecture's digest"},
	"lecture.apop.example":         {RO: "Exemplul din curs", EN: "The lecture's example"},
	"lecture.apop.run":             {RO: "Calculează-l pas cu pas, cu parola cfugDemo123", EN: "Compute it step by step, with the password cfugDemo123"},
	"lecture.esmttp.title":         {RO: "Antetul Received: „with ESMTP”, nu „ESMTTP”", EN: "The Received header: \"with ESMTP\", not \"ESMTTP\""},
	"lecture.esmttp.why": {
		RO: "În demonstrația POP3, antetul Received spune „with ESMTTP”. Clauza „with” numește protocolul prin care a sosit mesajul, dintr-o listă înregistrată: SMTP, ESMTP și variantele lui (ESMTPA, ESMTPS, RFC 3848). „ESMTTP” nu există; e o greșeală de tipar pentru ESMTP.",
		EN: "In the POP3 demonstration, the Received header says \"with ESMTTP\". The \"with\" clause names the protocol the message arrived by, from a registered list: SMTP, ESMTP and its variants (ESMTPA, ESMTPS, RFC 3848). \"ESMTTP\" does not exist; it is a typo for ESMTP.",
	},
}
