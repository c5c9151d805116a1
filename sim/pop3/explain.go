package pop3

import "mailsim/lang"

// Explanations holds the sentence shown beside every line this package can
// produce: each command ("pop3.cmd.<VERB>"), each response key (Key...
// constants) and each server and client state ("pop3.state.<State>").
var Explanations = lang.Catalog{
	// Commands.
	"pop3.cmd.USER": {
		RO: "USER dă numele utilizatorului; parola urmează separat, cu PASS.",
		EN: "USER gives the user name; the password follows separately, with PASS.",
	},
	"pop3.cmd.PASS": {
		RO: "PASS trimite parola în clar: oricine ascultă pe rețea o poate citi.",
		EN: "PASS sends the password in clear text: anyone listening on the network can read it.",
	},
	"pop3.cmd.APOP": {
		RO: "APOP trimite numele și MD5(timestamp din salut + parolă): parola nu trece prin rețea.",
		EN: "APOP sends the name and MD5(greeting timestamp + password): the password never crosses the network.",
	},
	"pop3.cmd.AUTH": {
		RO: "AUTH alege un mecanism SASL de autentificare (RFC 1734/5034), de exemplu PLAIN sau CRAM-MD5.",
		EN: "AUTH picks a SASL authentication mechanism (RFC 1734/5034), such as PLAIN or CRAM-MD5.",
	},
	"pop3.cmd.STLS": {
		RO: "STLS cere ca restul conexiunii să fie criptat cu TLS (RFC 2595); e permisă doar înainte de autentificare.",
		EN: "STLS asks for the rest of the connection to be encrypted with TLS (RFC 2595); it is allowed only before logging in.",
	},
	KeyTLSReady: {
		RO: "Serverul acceptă STLS. Răspunsul acesta mai trece în clar; imediat după el începe negocierea TLS, iar clientul trebuie să ceară din nou CAPA, fiindcă ce a aflat înainte putea fi modificat pe drum.",
		EN: "The server accepts STLS. This answer still travels in clear; right after it the TLS handshake begins, and the client must ask CAPA again, because what it learned before could have been altered on the way.",
	},
	KeyTLSActive: {
		RO: "Sesiunea e deja în TLS; un al doilea STLS nu are sens.",
		EN: "The session is already inside TLS; a second STLS makes no sense.",
	},
	KeyTLSMissing: {
		RO: "STLS există în POP3 (RFC 2595 §4), dar serverul acesta nu îl oferă aici: nu apare în CAPA. Consola din browser nu are o conexiune de criptat; portul real al laboratorului, 1110, îl oferă.",
		EN: "STLS exists in POP3 (RFC 2595 §4), but this server does not offer it here: it is not in CAPA. The browser console has no connection to encrypt; the lab's real port, 1110, does offer it.",
	},
	"pop3.cmd.CAPA": {
		RO: "CAPA cere lista extensiilor pe care le suportă serverul (RFC 2449).",
		EN: "CAPA asks for the list of extensions the server supports (RFC 2449).",
	},
	"pop3.cmd.STAT": {
		RO: "STAT cere numărul de mesaje și dimensiunea totală a căsuței, în octeți.",
		EN: "STAT asks for the number of messages and the maildrop's total size in octets.",
	},
	"pop3.cmd.LIST": {
		RO: "LIST cere numărul și dimensiunea fiecărui mesaj, sau doar a mesajului dat.",
		EN: "LIST asks for the number and size of every message, or of the one given.",
	},
	"pop3.cmd.RETR": {
		RO: "RETR cere transmiterea întregului mesaj cu numărul dat.",
		EN: "RETR asks for the whole message with the given number.",
	},
	"pop3.cmd.DELE": {
		RO: "DELE marchează mesajul pentru ștergere; ștergerea are loc abia după QUIT.",
		EN: "DELE marks the message for deletion; it is only removed after QUIT.",
	},
	"pop3.cmd.NOOP": {
		RO: "NOOP nu face nimic: ține conexiunea deschisă (keep-alive).",
		EN: "NOOP does nothing: it keeps the connection alive.",
	},
	"pop3.cmd.RSET": {
		RO: "RSET anulează toate marcajele DELE din această sesiune.",
		EN: "RSET cancels every DELE mark of this session.",
	},
	"pop3.cmd.TOP": {
		RO: "TOP cere antetul mesajului și primele n linii din corp.",
		EN: "TOP asks for the message's header and the first n lines of its body.",
	},
	"pop3.cmd.UIDL": {
		RO: "UIDL cere identificatorul unic al fiecărui mesaj, care nu se schimbă de la o sesiune la alta.",
		EN: "UIDL asks for each message's unique id, which stays the same from one session to the next.",
	},
	"pop3.cmd.QUIT": {
		RO: "QUIT încheie sesiunea; dacă vine din TRANSACTION, serverul trece în UPDATE și șterge mesajele marcate.",
		EN: "QUIT ends the session; from TRANSACTION the server enters UPDATE and removes the marked messages.",
	},

	// Positive responses.
	KeyGreeting: {
		RO: "Salutul serverului: începe faza de autorizare. Un timestamp <...> înseamnă că serverul acceptă APOP.",
		EN: "The server's greeting: the authorization phase begins. A <...> timestamp means the server accepts APOP.",
	},
	KeyUser: {
		RO: "Serverul a reținut numele și așteaptă parola; nu spune încă dacă utilizatorul există.",
		EN: "The server noted the name and waits for the password; it does not yet say whether the user exists.",
	},
	KeyLogin: {
		RO: "Autentificare reușită: căsuța este blocată pentru această sesiune și începe faza de tranzacție.",
		EN: "Login succeeded: the maildrop is locked for this session and the transaction phase begins.",
	},
	KeyChallenge: {
		RO: "Linie de continuare „+ ”: serverul așteaptă răspunsul SASL al clientului, codat Base64.",
		EN: "A \"+ \" continuation line: the server waits for the client's Base64-encoded SASL response.",
	},
	KeyAuthList: {
		RO: "Lista mecanismelor SASL acceptate de AUTH, terminată cu o linie „.”.",
		EN: "The SASL mechanisms AUTH accepts, ended by a \".\" line.",
	},
	KeyCapa: {
		RO: "Lista de capabilități, o extensie pe linie, terminată cu o linie „.”.",
		EN: "The capability list, one extension per line, ended by a \".\" line.",
	},
	KeyStat: {
		RO: "Drop listing: numărul de mesaje și dimensiunea lor totală în octeți, fără cele marcate DELE.",
		EN: "Drop listing: the number of messages and their total size in octets, leaving out those marked by DELE.",
	},
	KeyList: {
		RO: "Scan listing: câte o linie „număr dimensiune” pentru fiecare mesaj, terminată cu „.”.",
		EN: "Scan listing: one \"number size\" line per message, ended by \".\".",
	},
	KeyListOne: {
		RO: "Numărul mesajului și dimensiunea lui în octeți, pe o singură linie.",
		EN: "The message number and its size in octets, on one line.",
	},
	KeyRetr: {
		RO: "Urmează mesajul întreg; liniile care încep cu „.” primesc încă un „.”, iar „.” singur încheie mesajul.",
		EN: "The whole message follows; lines starting with \".\" get another \".\", and a lone \".\" ends it.",
	},
	KeyTop: {
		RO: "Urmează antetul, o linie goală și primele n linii din corpul mesajului.",
		EN: "The header follows, then an empty line and the first n lines of the body.",
	},
	KeyUIDL: {
		RO: "Unique-id listing: câte o linie „număr identificator” pentru fiecare mesaj, terminată cu „.”.",
		EN: "Unique-id listing: one \"number id\" line per message, ended by \".\".",
	},
	KeyUIDLOne: {
		RO: "Numărul mesajului și identificatorul lui unic.",
		EN: "The message number and its unique id.",
	},
	KeyDele: {
		RO: "Mesajul este doar marcat pentru ștergere; RSET sau o conexiune pierdută îl păstrează.",
		EN: "The message is only marked for deletion; RSET or a lost connection keeps it.",
	},
	KeyNoop: {
		RO: "Serverul confirmă că sesiunea este activă.",
		EN: "The server confirms the session is alive.",
	},
	KeyRset: {
		RO: "Toate marcajele de ștergere au fost anulate.",
		EN: "Every deletion mark has been cancelled.",
	},
	KeyQuit: {
		RO: "QUIT în faza de autorizare: serverul închide conexiunea fără să schimbe ceva în căsuță.",
		EN: "QUIT in the authorization phase: the server closes the connection without changing the maildrop.",
	},
	KeyQuitUpdate: {
		RO: "Faza UPDATE: serverul a șters mesajele marcate, a deblocat căsuța și închide conexiunea.",
		EN: "UPDATE phase: the server removed the marked messages, unlocked the maildrop and closes the connection.",
	},
	KeyQuitKept: {
		RO: "Faza UPDATE: nimic nu a fost marcat cu DELE, deci căsuța poștală rămâne cum era; serverul o deblochează și închide conexiunea.",
		EN: "UPDATE phase: nothing was marked with DELE, so the maildrop stays as it was; the server unlocks it and closes the connection.",
	},

	// Negative responses.
	KeyNoGreeting: {
		RO: "Clientul a trimis o comandă înainte de salut; trebuie să aștepte linia „+OK” a serverului.",
		EN: "The client sent a command before the greeting; it must wait for the server's \"+OK\" line.",
	},
	KeyClosed: {
		RO: "Sesiunea s-a încheiat; serverul nu mai acceptă comenzi.",
		EN: "The session has ended; the server accepts no more commands.",
	},
	KeyLineTooLong: {
		RO: "Linia depășește 255 de octeți cu tot cu CRLF, limita comenzilor POP3 (RFC 2449).",
		EN: "The line exceeds 255 octets including CRLF, the limit for POP3 commands (RFC 2449).",
	},
	KeyControlChars: {
		RO: "Linia conține CR, LF sau NUL în interior, caractere interzise într-o comandă.",
		EN: "The line contains CR, LF or NUL inside it, characters not allowed in a command.",
	},
	KeyUnknownCommand: {
		RO: "POP3 nu are o astfel de comandă.",
		EN: "POP3 has no such command.",
	},
	KeyWrongState: {
		RO: "Comanda există, dar nu este permisă în starea curentă a sesiunii.",
		EN: "The command exists but is not allowed in the session's current state.",
	},
	KeySyntax: {
		RO: "Argumentele lipsesc, sunt în plus sau nu au forma cerută de comandă.",
		EN: "Arguments are missing, extra, or not in the form the command requires.",
	},
	KeyUserFirst: {
		RO: "PASS are sens doar imediat după un USER acceptat.",
		EN: "PASS only makes sense right after an accepted USER.",
	},
	KeyAuthFailed: {
		RO: "Autentificare eșuată; serverul nu spune dacă numele sau parola a fost greșit. Clientul poate reîncerca sau trimite QUIT.",
		EN: "Login failed; the server does not say whether the name or the password was wrong. The client may retry or send QUIT.",
	},
	KeyInUse: {
		RO: "Codul [IN-USE]: altă sesiune ține căsuța blocată, deci aceasta nu o poate deschide acum.",
		EN: "The [IN-USE] code: another session holds the maildrop's lock, so this one cannot open it now.",
	},
	KeyNoAPOP: {
		RO: "Salutul nu a conținut un timestamp, deci serverul nu acceptă APOP.",
		EN: "The greeting carried no timestamp, so the server does not accept APOP.",
	},
	KeyMechanism: {
		RO: "Serverul nu suportă acest mecanism SASL; AUTH fără argument le listează pe cele suportate.",
		EN: "The server does not support this SASL mechanism; AUTH without an argument lists those it does.",
	},
	KeyAuthCancelled: {
		RO: "Clientul a răspuns „*” și a renunțat la autentificarea SASL.",
		EN: "The client answered \"*\" and abandoned the SASL authentication.",
	},
	KeyAuthMalformed: {
		RO: "Răspunsul SASL nu este Base64 valid sau nu are forma cerută de mecanism.",
		EN: "The SASL response is not valid Base64 or not in the form the mechanism requires.",
	},
	KeyNoSuchMessage: {
		RO: "Nu există niciun mesaj cu acest număr în căsuță.",
		EN: "There is no message with this number in the maildrop.",
	},
	KeyDeleted: {
		RO: "Mesajul este marcat pentru ștergere și nu mai poate fi folosit; RSET anulează marcajul.",
		EN: "The message is marked for deletion and cannot be used; RSET cancels the mark.",
	},
	KeyUpdateFailed: {
		RO: "Codul [SYS/TEMP]: în UPDATE serverul nu a putut șterge toate mesajele marcate; o problemă temporară a serverului.",
		EN: "The [SYS/TEMP] code: in UPDATE the server could not remove every marked message; a temporary server problem.",
	},

	// Server states.
	"pop3.state.Connected": {
		RO: "Conexiunea TCP este deschisă; serverul nu a trimis încă salutul.",
		EN: "The TCP connection is open; the server has not sent its greeting yet.",
	},
	"pop3.state.Authorization": {
		RO: "Faza de autorizare: clientul trebuie să se autentifice cu USER/PASS, APOP sau AUTH.",
		EN: "Authorization phase: the client must log in with USER/PASS, APOP or AUTH.",
	},
	"pop3.state.Transaction": {
		RO: "Faza de tranzacție: căsuța este blocată, iar clientul listează, citește și marchează mesaje.",
		EN: "Transaction phase: the maildrop is locked and the client lists, reads and marks messages.",
	},
	"pop3.state.Update": {
		RO: "Faza UPDATE: după QUIT, serverul șterge mesajele marcate și eliberează căsuța.",
		EN: "UPDATE phase: after QUIT the server removes the marked messages and releases the maildrop.",
	},
	"pop3.state.Closed": {
		RO: "Conexiunea este închisă; mesajele nemarcate rămân pe server.",
		EN: "The connection is closed; unmarked messages stay on the server.",
	},

	// Client states.
	"pop3.state.AwaitGreeting": {
		RO: "Clientul s-a conectat și așteaptă salutul serverului.",
		EN: "The client has connected and waits for the server's greeting.",
	},
	"pop3.state.AwaitUser": {
		RO: "Clientul a trimis USER și așteaptă răspunsul.",
		EN: "The client sent USER and waits for the answer.",
	},
	"pop3.state.AwaitPass": {
		RO: "Clientul a trimis parola cu PASS și așteaptă verdictul.",
		EN: "The client sent the password with PASS and waits for the verdict.",
	},
	"pop3.state.AwaitAPOP": {
		RO: "Clientul a trimis digestul APOP și așteaptă verdictul.",
		EN: "The client sent the APOP digest and waits for the verdict.",
	},
	"pop3.state.AwaitStat": {
		RO: "Clientul a cerut STAT ca să afle câte mesaje are.",
		EN: "The client asked STAT to learn how many messages there are.",
	},
	"pop3.state.AwaitList": {
		RO: "Clientul citește lista LIST: numărul și dimensiunea fiecărui mesaj.",
		EN: "The client reads the LIST answer: each message's number and size.",
	},
	"pop3.state.AwaitRetr": {
		RO: "Clientul primește mesajul cerut cu RETR, linie cu linie, până la „.”.",
		EN: "The client receives the message requested with RETR, line by line, up to \".\".",
	},
	"pop3.state.AwaitDele": {
		RO: "Clientul a marcat mesajul citit pentru ștergere cu DELE.",
		EN: "The client marked the message it read for deletion with DELE.",
	},
	"pop3.state.AwaitQuit": {
		RO: "Clientul a trimis QUIT și așteaptă ultimul răspuns al serverului.",
		EN: "The client sent QUIT and waits for the server's last answer.",
	},
	"pop3.state.Done": {
		RO: "Clientul a terminat: mesajele sunt pe calculatorul local.",
		EN: "The client has finished: the messages are on the local computer.",
	},
	"pop3.state.Failed": {
		RO: "Sesiunea clientului s-a încheiat cu o eroare, de exemplu o autentificare eșuată.",
		EN: "The client's session ended with an error, for example a failed login.",
	},
}
