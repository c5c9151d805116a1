package smtp

import "mailsim/lang"

// Explanations holds the sentence a lecturer says while pointing at a line:
// "smtp.cmd.<VERB>" for every command the server recognises and for the
// pseudo-commands DATA-LINE (a text line), DATA-END (the final dot), UNKNOWN
// and TOO-LONG; "smtp.reply.<code>" for every code the server produces plus
// one fallback per class ("smtp.reply.4xx"); "smtp.why.<situation>" for
// the situations a code alone explains wrongly (Reply.Situation);
// "smtp.state.<State>" for every server and client state.
var Explanations = lang.Catalog{
	// Commands.
	"smtp.cmd.HELO": {
		RO: "HELO: clientul se prezintă cu numele său și deschide sesiunea SMTP.",
		EN: "HELO: the client introduces itself by name and opens the SMTP session.",
	},
	"smtp.cmd.EHLO": {
		RO: "EHLO: ca HELO, dar clientul cere și lista extensiilor ESMTP ale serverului.",
		EN: "EHLO: like HELO, but the client also asks for the server's ESMTP extensions.",
	},
	"smtp.cmd.MAIL": {
		RO: "MAIL FROM: începe o tranzacție și dă adresa expeditorului, unde se întorc erorile.",
		EN: "MAIL FROM: starts a transaction and gives the sender's address, where bounces go.",
	},
	"smtp.cmd.RCPT": {
		RO: "RCPT TO: adaugă un destinatar; se repetă pentru fiecare destinatar.",
		EN: "RCPT TO: adds one recipient; it is repeated for each recipient.",
	},
	"smtp.cmd.DATA": {
		RO: "DATA: clientul anunță că urmează textul mesajului, antete și corp.",
		EN: "DATA: the client announces that the message text, headers and body, follows.",
	},
	"smtp.cmd.DATA-LINE": {
		RO: "O linie din textul mesajului; serverul o păstrează și nu răspunde.",
		EN: "A line of the message text; the server keeps it and does not answer.",
	},
	"smtp.cmd.DATA-END": {
		RO: "Linia cu un singur punct încheie mesajul; acum serverul dă verdictul.",
		EN: "The line with a single dot ends the message; now the server gives its verdict.",
	},
	"smtp.cmd.RSET": {
		RO: "RSET: anulează tranzacția curentă; expeditorul și destinatarii sunt uitați.",
		EN: "RSET: abandons the current transaction; sender and recipients are forgotten.",
	},
	"smtp.cmd.NOOP": {
		RO: "NOOP: nu face nimic; verifică doar că serverul încă răspunde.",
		EN: "NOOP: does nothing; it only checks that the server still answers.",
	},
	"smtp.cmd.QUIT": {
		RO: "QUIT: clientul cere închiderea conexiunii.",
		EN: "QUIT: the client asks to close the connection.",
	},
	"smtp.cmd.VRFY": {
		RO: "VRFY: întreabă dacă există o anumită căsuță poștală pe server.",
		EN: "VRFY: asks whether a given mailbox exists on the server.",
	},
	"smtp.cmd.EXPN": {
		RO: "EXPN: cere membrii unei liste de discuții.",
		EN: "EXPN: asks for the members of a mailing list.",
	},
	"smtp.cmd.HELP": {
		RO: "HELP: cere ajutor despre comenzi sau, cu STATUS, starea sesiunii.",
		EN: "HELP: asks for help on the commands or, with STATUS, the session status.",
	},
	"smtp.cmd.AUTH": {
		RO: "AUTH: clientul vrea să se autentifice cu un mecanism SASL (RFC 4954), ales dintre cele pe care EHLO le-a anunțat.",
		EN: "AUTH: the client wants to log in with a SASL mechanism (RFC 4954), one of those EHLO announced.",
	},
	"smtp.cmd.AUTH-RESPONSE": {
		RO: "Răspunsul clientului la provocarea 334, codat base64. Base64 e doar o codare, nu o criptare: oricine vede linia o poate decoda.",
		EN: "The client's answer to the 334 challenge, in base64. Base64 is only an encoding, not encryption: anyone who sees the line can decode it.",
	},
	"smtp.cmd.STARTTLS": {
		RO: "STARTTLS: clientul cere ca restul conexiunii să fie criptat cu TLS (RFC 3207).",
		EN: "STARTTLS: the client asks for the rest of the connection to be encrypted with TLS (RFC 3207).",
	},
	"smtp.cmd.TURN": {
		RO: "TURN: comandă istorică ce inversa rolurile client/server; abandonată, căci oricine putea ridica poșta altcuiva.",
		EN: "TURN: a historic command that swapped client and server roles; dropped because anyone could collect someone else's mail.",
	},
	"smtp.cmd.SEND": {
		RO: "SEND FROM: comandă istorică ce afișa mesajul pe terminalul utilizatorului, nu în căsuța poștală.",
		EN: "SEND FROM: a historic command that showed the message on the user's terminal, not in the mailbox.",
	},
	"smtp.cmd.SOML": {
		RO: "SOML FROM: comandă istorică, „send or mail”: pe terminal dacă utilizatorul era conectat, altfel în căsuța poștală.",
		EN: "SOML FROM: a historic command, send or mail: to the terminal if the user was logged in, else to the mailbox.",
	},
	"smtp.cmd.SAML": {
		RO: "SAML FROM: comandă istorică, „send and mail”: și pe terminal, și în căsuța poștală.",
		EN: "SAML FROM: a historic command, send and mail: to the terminal and to the mailbox.",
	},
	"smtp.cmd.UNKNOWN": {
		RO: "Serverul nu recunoaște acest cuvânt ca o comandă SMTP.",
		EN: "The server does not recognise this word as an SMTP command.",
	},
	"smtp.cmd.TOO-LONG": {
		RO: "Linia de comandă depășește 512 octeți, limita din RFC 5321.",
		EN: "The command line is longer than 512 octets, the limit of RFC 5321.",
	},

	// Replies.
	"smtp.reply.211": {
		RO: "211: starea sistemului; serverul descrie sesiunea curentă.",
		EN: "211: system status; the server describes the current session.",
	},
	"smtp.reply.214": {
		RO: "214: mesaj de ajutor, pentru oameni.",
		EN: "214: a help message, meant for people.",
	},
	"smtp.reply.220": {
		RO: "220: serviciul este pregătit; serverul se prezintă.",
		EN: "220: service ready; the server introduces itself.",
	},
	"smtp.reply.221": {
		RO: "221: serverul închide canalul de transmisie.",
		EN: "221: the server is closing the transmission channel.",
	},
	"smtp.reply.235": {
		RO: "235: autentificarea a reușit.",
		EN: "235: authentication succeeded.",
	},
	"smtp.reply.250": {
		RO: "250: comanda a fost executată cu succes.",
		EN: "250: the requested command was completed.",
	},
	"smtp.reply.251": {
		RO: "251: utilizatorul nu e local; mesajul va fi redirecționat.",
		EN: "251: user not local; the message will be forwarded.",
	},
	"smtp.reply.252": {
		RO: "252: adresa nu poate fi verificată, dar mesajul va fi acceptat și livrat dacă se poate.",
		EN: "252: the address cannot be verified, but the message will be accepted and delivery attempted.",
	},
	"smtp.reply.334": {
		RO: "334: serverul așteaptă următorul pas al autentificării; textul, codat base64, e provocarea sau întrebarea lui.",
		EN: "334: the server waits for the next step of the login; the text, in base64, is its challenge or question.",
	},
	"smtp.reply.354": {
		RO: "354: serverul așteaptă textul mesajului, încheiat cu o linie ce conține doar un punct.",
		EN: "354: the server waits for the message text, ended by a line holding only a dot.",
	},
	"smtp.reply.421": {
		RO: "421: serviciul nu e disponibil; serverul închide conexiunea, se poate reîncerca mai târziu.",
		EN: "421: service not available; the server closes the connection, try again later.",
	},
	"smtp.reply.450": {
		RO: "450: căsuța poștală nu e disponibilă acum (de ex. ocupată); se reîncearcă mai târziu.",
		EN: "450: the mailbox is unavailable for now (busy, say); try again later.",
	},
	"smtp.reply.451": {
		RO: "451: comandă abandonată din cauza unei erori locale a serverului; se reîncearcă.",
		EN: "451: command aborted by a local error on the server; try again.",
	},
	"smtp.reply.452": {
		RO: "452: comandă abandonată, spațiu insuficient sau prea mulți destinatari; se reîncearcă.",
		EN: "452: command aborted, insufficient storage or too many recipients; try again.",
	},
	"smtp.reply.500": {
		RO: "500: eroare de sintaxă, comandă nerecunoscută sau linie prea lungă.",
		EN: "500: syntax error, command unrecognised or line too long.",
	},
	"smtp.reply.501": {
		RO: "501: eroare de sintaxă în parametrii sau argumentele comenzii.",
		EN: "501: syntax error in the command's parameters or arguments.",
	},
	"smtp.reply.502": {
		RO: "502: comanda există, dar nu este implementată pe acest server.",
		EN: "502: the command exists but is not implemented on this server.",
	},
	"smtp.reply.503": {
		RO: "503: comenzi în ordine greșită; trebuie urmată succesiunea HELO, MAIL, RCPT, DATA.",
		EN: "503: bad sequence of commands; follow the order HELO, MAIL, RCPT, DATA.",
	},
	"smtp.reply.504": {
		RO: "504: parametrul comenzii nu este implementat.",
		EN: "504: the command parameter is not implemented.",
	},
	"smtp.reply.530": {
		RO: "530: serverul cere autentificare înainte de comanda aceasta.",
		EN: "530: the server needs authentication before this command.",
	},
	"smtp.reply.535": {
		RO: "535: autentificarea a eșuat: utilizator sau parolă greșite.",
		EN: "535: authentication failed: wrong user or password.",
	},
	"smtp.reply.538": {
		RO: "538: mecanismul cerut trimite parola în clar, deci e permis doar după STARTTLS.",
		EN: "538: the mechanism asked for sends the password in clear, so it is allowed only after STARTTLS.",
	},
	"smtp.reply.550": {
		RO: "550: comanda nu a fost executată; căsuța poștală nu există sau nu e disponibilă.",
		EN: "550: command not executed; the mailbox does not exist or is unavailable.",
	},
	"smtp.reply.551": {
		RO: "551: utilizatorul nu e local; clientul trebuie să încerce la adresa indicată.",
		EN: "551: user not local; the client should try the address given.",
	},
	"smtp.reply.552": {
		RO: "552: acțiune abandonată; mesajul depășește limita de spațiu a serverului.",
		EN: "552: action aborted; the message exceeds the server's storage allocation.",
	},
	"smtp.reply.553": {
		RO: "553: acțiune neexecutată; numele căsuței poștale nu este permis (sintaxă greșită).",
		EN: "553: action not taken; the mailbox name is not allowed (bad syntax).",
	},
	"smtp.reply.554": {
		RO: "554: tranzacția a eșuat. De exemplu, la RCPT TO pentru un domeniu pe care serverul nu îl servește și pentru care nu face releu („554 5.7.1 Relay access denied”), sau la DATA, când niciun destinatar nu a fost acceptat („554 5.5.1 Error: no valid recipients”).",
		EN: "554: transaction failed. For example at RCPT TO for a domain the server does not serve and does not relay for (\"554 5.7.1 Relay access denied\"), or at DATA, when no recipient was accepted (\"554 5.5.1 Error: no valid recipients\").",
	},
	"smtp.reply.555": {
		RO: "555: parametrul din MAIL FROM sau RCPT TO nu este recunoscut.",
		EN: "555: the MAIL FROM or RCPT TO parameter is not recognised.",
	},
	"smtp.reply.2xx": {
		RO: "2xx: răspuns pozitiv; cererea a fost îndeplinită.",
		EN: "2xx: positive completion; the request was carried out.",
	},
	"smtp.reply.3xx": {
		RO: "3xx: răspuns pozitiv intermediar; serverul așteaptă continuarea.",
		EN: "3xx: positive intermediate reply; the server waits for more.",
	},
	"smtp.reply.4xx": {
		RO: "4xx: eșec temporar; clientul păstrează mesajul și reîncearcă mai târziu.",
		EN: "4xx: transient failure; the client keeps the message and retries later.",
	},
	"smtp.reply.5xx": {
		RO: "5xx: eșec permanent; repetarea cererii nu ajută.",
		EN: "5xx: permanent failure; repeating the request will not help.",
	},

	// Situations: why a reply was given, where the code says too little.
	"smtp.why.queued": {
		RO: "250: serverul a primit mesajul și și-a asumat livrarea lui; de acum răspunde el, nu clientul. Codul de după „queued as” îl regăsește în jurnale.",
		EN: "250: the server has taken the message and responsibility for delivering it; from now on it answers for it, not the client. The ID after \"queued as\" finds it in the logs.",
	},
	"smtp.why.will-forward": {
		RO: "251: destinatarul nu mai are căsuța poștală aici, dar adresa lui trimite mai departe; serverul acceptă mesajul și îl va duce el însuși la adresa nouă (RFC 5321 §3.4).",
		EN: "251: the recipient no longer has a mailbox here, but the address forwards; the server accepts the message and will carry it to the new address itself (RFC 5321 §3.4).",
	},
	"smtp.why.user-moved": {
		RO: "551: destinatarul nu mai are căsuța poștală aici. Spre deosebire de 251, serverul nu duce mesajul mai departe: îl refuză și spune adresa nouă. Clientul MTA nu trimite singur acolo, ci îi întoarce expeditorului o notificare de nelivrare cu adresa nouă; expeditorul hotărăște dacă scrie la ea (RFC 5321 §3.4, §7.4).",
		EN: "551: the recipient no longer has a mailbox here. Unlike 251, the server does not carry the message on: it refuses it and names the new address. The MTA client does not send there by itself but returns a bounce naming the new address to the sender, who decides whether to write to it (RFC 5321 §3.4, §7.4).",
	},
	"smtp.why.greylisted": {
		RO: "450, listă gri (greylisting): serverul nu a mai văzut tripletul acesta (adresa clientului, expeditorul, destinatarul) și îl amână. Clientul MTA al unui sistem de mail adevărat păstrează mesajul în coadă și reîncearcă după o vreme, cum cere RFC 5321 §4.5.4.1 după orice 4xx; multe programe de spam trimit o singură dată și nu mai revin, așa că mesajele lor nu ajung.",
		EN: "450, greylisting: the server has not seen this triplet (the client's address, the sender, the recipient) before and puts it off. The MTA client of a real mail system keeps the message in its queue and retries after a while, as RFC 5321 §4.5.4.1 requires after any 4xx; much spam software sends once and never comes back, so its mail never arrives.",
	},
	"smtp.why.greylist-passed": {
		RO: "250 după listă gri: același triplet (client, expeditor, destinatar) revine după ce a trecut întârzierea; serverul îl ține minte și acceptă destinatarul. Un expeditor care reîncearcă e, cel mai probabil, un server de mail adevărat.",
		EN: "250 after greylisting: the same triplet (client, sender, recipient) comes back after the delay has passed; the server remembers it and accepts the recipient. A sender that retries is most likely a real mail server.",
	},
	"smtp.why.queue-write-error": {
		RO: "451: serverul a primit tot textul, dar nu l-a putut scrie în coada lui (disc plin sau defect), deci nu a păstrat nimic și nu și-a asumat livrarea. Eșec temporar: clientul MTA păstrează mesajul și îl retrimite mai târziu; mesajul ajunge o singură dată.",
		EN: "451: the server got the whole text but could not write it to its queue (a full or failing disk), so it kept nothing and took no responsibility for it. A transient failure: the MTA client keeps the message and sends it again later; the message arrives once.",
	},
	"smtp.why.ehlo": {
		RO: "250 pe mai multe linii: răspunsul la EHLO (RFC 5321 §4.1.1.1). Prima linie e numele serverului; fiecare linie următoare e o extensie pe care clientul o poate folosi de acum: PIPELINING, trimite mai multe comenzi fără să aștepte fiecare răspuns (RFC 2920); SIZE, mărimea maximă a unui mesaj, pe care clientul o poate anunța în MAIL FROM (RFC 1870); VRFY și EXPN, verifică o adresă sau desface o listă de distribuție; STARTTLS, criptează restul conexiunii (RFC 3207); AUTH, autentificarea cu mecanismele enumerate (RFC 4954); ENHANCEDSTATUSCODES, răspunsurile poartă și un cod detaliat, ca 2.1.5 (RFC 2034, RFC 3463); 8BITMIME, corpul poate avea octeți de 8 biți (RFC 6152); SMTPUTF8, adrese și antet în UTF-8 (RFC 6531); HELP, serverul explică comenzile. O extensie care nu apare aici nu poate fi folosită.",
		EN: "250 on several lines: the reply to EHLO (RFC 5321 §4.1.1.1). The first line is the server's name; each further line is an extension the client may now use: PIPELINING, send several commands without waiting for each reply (RFC 2920); SIZE, the largest message, which the client may announce in MAIL FROM (RFC 1870); VRFY and EXPN, check an address or expand a mailing list; STARTTLS, encrypt the rest of the connection (RFC 3207); AUTH, log in with the mechanisms listed (RFC 4954); ENHANCEDSTATUSCODES, replies also carry a detailed code such as 2.1.5 (RFC 2034, RFC 3463); 8BITMIME, the body may hold 8-bit octets (RFC 6152); SMTPUTF8, addresses and header in UTF-8 (RFC 6531); HELP, the server explains its commands. An extension not listed here may not be used.",
	},
	"smtp.why.tls-ready": {
		RO: "Serverul acceptă STARTTLS. Răspunsul acesta mai trece în clar; imediat după el clientul începe negocierea TLS, iar sesiunea o ia de la capăt: serverul uită numele din EHLO și orice tranzacție, iar clientul trebuie să trimită din nou EHLO (RFC 3207 §4.2).",
		EN: "The server accepts STARTTLS. This reply still travels in clear; right after it the client starts the TLS handshake, and the session starts over: the server forgets the EHLO name and any transaction, and the client must send EHLO again (RFC 3207 §4.2).",
	},
	"smtp.why.tls-unavailable": {
		RO: "STARTTLS există (RFC 3207), dar serverul acesta nu îl oferă aici: nu apare printre liniile răspunsului la EHLO, iar un server care nu oferă o extensie răspunde la ea cu 502, ca la o comandă neimplementată. Consola din browser nu are o conexiune de criptat; portul real al laboratorului, 2525, îl oferă.",
		EN: "STARTTLS exists (RFC 3207), but this server does not offer it here: it is not among the lines of the EHLO reply, and a server that does not offer an extension answers it with 502, as for a command it does not implement. The browser console has no connection to encrypt; the lab's real port, 2525, does offer it.",
	},
	"smtp.why.tls-active": {
		RO: "Sesiunea e deja în TLS; un al doilea STARTTLS nu are sens.",
		EN: "The session is already inside TLS; a second STARTTLS makes no sense.",
	},
	"smtp.why.auth-needs-tls": {
		RO: "PLAIN și LOGIN trimit parola doar codată base64, adică în clar; serverul le primește numai după STARTTLS. Trimite mai întâi STARTTLS.",
		EN: "PLAIN and LOGIN send the password only base64-encoded, that is in clear; the server takes them only after STARTTLS. Send STARTTLS first.",
	},
	"smtp.why.auth-required": {
		RO: "Pe portul de trimitere (submission, RFC 6409) serverul primește mesaje doar de la un utilizator autentificat: trimite mai întâi AUTH.",
		EN: "On the submission port (RFC 6409) the server takes mail only from logged-in users: send AUTH first.",
	},
	"smtp.why.auth-failed": {
		RO: "Utilizatorul sau parola sunt greșite. Serverul nu spune care dintre ele, ca să nu afle un atacator ce nume de utilizator există.",
		EN: "The user or the password is wrong. The server does not say which, so that an attacker does not learn which user names exist.",
	},
	"smtp.why.authenticated": {
		RO: "Autentificare reușită, în interiorul TLS. Acum poți trimite mesaje; autentificarea nu face însă din server un releu: un destinatar din alt domeniu primește tot 554.",
		EN: "Logged in, inside TLS. Now you may submit mail; logging in does not make the server a relay, though: a recipient in another domain still gets 554.",
	},
	"smtp.why.auth-in-clear": {
		RO: "Atenție: autentificarea a reușit, dar parola a trecut în clar, doar codată base64, pe care oricine o poate decoda. Laboratorul permite asta doar unui client de pe același calculator (loopback) și în consola din browser; pe o rețea adevărată folosește mai întâi STARTTLS.",
		EN: "Warning: the login succeeded, but the password crossed in clear, only base64-encoded, which anyone can decode. The lab allows this only for a client on this same machine (loopback) and in the browser console; on a real network use STARTTLS first.",
	},
	"smtp.why.auth-mechanism": {
		RO: "Serverul nu oferă acest mecanism de autentificare în sesiunea aceasta; EHLO listează mecanismele oferite.",
		EN: "The server does not offer this authentication mechanism in this session; EHLO lists the mechanisms offered.",
	},
	"smtp.why.auth-twice": {
		RO: "Clientul e deja autentificat; RFC 4954 nu permite un al doilea AUTH în aceeași sesiune.",
		EN: "The client is already logged in; RFC 4954 does not allow a second AUTH in the same session.",
	},
	"smtp.why.auth-plain-go": {
		RO: "Provocarea goală a mecanismului PLAIN: serverul așteaptă într-o singură linie base64 utilizatorul și parola, despărțite de octeți NUL.",
		EN: "The empty challenge of PLAIN: the server waits for one base64 line with the user and the password, separated by NUL octets.",
	},
	"smtp.why.auth-username": {
		RO: "LOGIN întreabă „Username:” (codat base64); clientul răspunde cu numele utilizatorului, tot în base64.",
		EN: "LOGIN asks \"Username:\" (in base64); the client answers with the user name, also in base64.",
	},
	"smtp.why.auth-password": {
		RO: "LOGIN întreabă „Password:” (codat base64); clientul răspunde cu parola în base64, deci fără TLS parola trece în clar.",
		EN: "LOGIN asks \"Password:\" (in base64); the client answers with the password in base64, so without TLS the password crosses in clear.",
	},
	"smtp.why.auth-cram-challenge": {
		RO: "Provocarea CRAM-MD5 (RFC 2195), unică pentru sesiune: clientul răspunde cu numele și un HMAC-MD5 al provocării, calculat cu parola; parola însăși nu trece pe fir.",
		EN: "The CRAM-MD5 challenge (RFC 2195), unique to the session: the client answers with its name and an HMAC-MD5 of the challenge keyed with the password; the password itself never crosses the wire.",
	},
	"smtp.why.auth-aborted": {
		RO: "Clientul a trimis „*” și a renunțat la autentificare (RFC 4954 §4).",
		EN: "The client sent \"*\" and gave up the login (RFC 4954 §4).",
	},
	"smtp.why.auth-bad-base64": {
		RO: "Răspunsul clientului nu e base64 valid, așa că serverul nu-l poate decoda.",
		EN: "The client's answer is not valid base64, so the server cannot decode it.",
	},
	"smtp.why.auth-malformed": {
		RO: "Răspunsul, odată decodat, nu are forma pe care mecanismul o cere.",
		EN: "The answer, once decoded, does not have the shape the mechanism asks for.",
	},
	"smtp.why.auth-too-long": {
		RO: "Linia de autentificare depășește 12288 de octeți, limita din RFC 4954 §4.",
		EN: "The authentication line is longer than 12288 octets, the limit of RFC 4954 §4.",
	},
	"smtp.why.relay-denied": {
		RO: "Refuz de retransmitere (relay): domeniul destinatarului nu e al acestui server, iar clientul nu e unul pentru care serverul trimite mai departe. Un server care ar accepta ar fi un „open relay” pentru spam.",
		EN: "Relay refused: the recipient's domain is not this server's, and the client is not one it forwards mail for. A server that accepted would be an open relay for spam.",
	},
	"smtp.why.user-unknown": {
		RO: "Domeniul e al acestui server, dar nu are nicio căsuță poștală cu acest nume.",
		EN: "The domain is this server's, but it has no mailbox of that name.",
	},
	"smtp.why.mailbox-full": {
		RO: "Căsuța poștală a destinatarului și-a atins cota; eșec temporar, clientul reîncearcă după ce se face loc.",
		EN: "The recipient's mailbox has reached its quota; a transient failure, the client retries once there is room.",
	},
	"smtp.why.quota-exceeded": {
		RO: "Mesajul nu încape în căsuța poștală a destinatarului; după DATA un singur răspuns vorbește pentru toți destinatarii, deci tot mesajul e refuzat.",
		EN: "The message does not fit in the recipient's mailbox; after DATA one reply speaks for every recipient, so the whole message is refused.",
	},
	"smtp.why.storage-full": {
		RO: "Spațiul de stocare al serverului e plin; eșec temporar, clientul păstrează mesajul și reîncearcă.",
		EN: "The server's storage is full; a transient failure, the client keeps the message and retries.",
	},
	"smtp.why.too-many-hops": {
		RO: "Mesajul are peste 100 de linii Received: a trecut prin prea multe servere, deci se învârte în buclă. Serverul îl refuză, iar expeditorul primește un mesaj de eroare (RFC 5321 §6.3).",
		EN: "The message carries more than 100 Received lines: it has passed too many servers, so it is going round in a loop. The server refuses it and the sender gets a bounce (RFC 5321 §6.3).",
	},
	"smtp.why.verified": {
		RO: "VRFY: căsuța poștală există pe acest server; răspunsul îi dă adresa completă.",
		EN: "VRFY: the mailbox exists on this server; the reply gives its full address.",
	},
	"smtp.why.cannot-verify": {
		RO: "252: serverul nu poate verifica adresa (o trimite mai departe altui server), dar acceptă mesajul și încearcă livrarea. Un 250 ar pretinde o verificare care nu s-a făcut (RFC 5321 §3.5.3).",
		EN: "252: the server cannot check the address (it passes the mail on to another server), but accepts the message and attempts delivery. A 250 would claim a check that was not made (RFC 5321 §3.5.3).",
	},
	"smtp.why.vrfy-list": {
		RO: "252: adresa e o listă de discuții, nu o căsuță poștală, deci VRFY nu o poate verifica; mesajul e acceptat și ajunge la membri. EXPN îți arată membrii (RFC 5321 §3.5.1).",
		EN: "252: the address is a mailing list, not a mailbox, so VRFY cannot verify it; mail to it is accepted and reaches the members. EXPN shows you the members (RFC 5321 §3.5.1).",
	},
	"smtp.why.path-syntax": {
		RO: "Adresa dintre < și > nu respectă sintaxa RFC 5321: parte locală, @, domeniu (de ex. un @ în plus sau o etichetă care începe cu -).",
		EN: "The address between < and > breaks RFC 5321's syntax: local part, @, domain (an extra @, say, or a label starting with -).",
	},
	"smtp.why.syntax": {
		RO: "Comanda e cunoscută, dar argumentele ei lipsesc sau sunt greșite; textul răspunsului arată forma corectă.",
		EN: "The command is known, but its arguments are missing or wrong; the reply's text shows the right form.",
	},
	"smtp.why.bad-sequence": {
		RO: "Comanda a venit prea devreme: fiecare pas cere pasul dinainte (salutul 220, HELO, MAIL FROM, cel puțin un RCPT TO acceptat, DATA).",
		EN: "The command came too early: each step needs the one before it (the 220 greeting, HELO, MAIL FROM, at least one accepted RCPT TO, DATA).",
	},
	"smtp.why.path-too-long": {
		RO: "Adresa depășește 256 de octeți cu tot cu < >, limita din RFC 5321 §4.5.3.1.3.",
		EN: "The address is longer than 256 octets with its < >, the limit of RFC 5321 §4.5.3.1.3.",
	},
	"smtp.why.too-big": {
		RO: "Mesajul depășește dimensiunea maximă pe care serverul o anunță cu SIZE în răspunsul la EHLO.",
		EN: "The message is larger than the maximum the server announces with SIZE in its EHLO reply.",
	},
	"smtp.why.too-many-recipients": {
		RO: "Tranzacția are deja numărul maxim de destinatari (100); clientul trimite restul într-o tranzacție nouă.",
		EN: "The transaction already has the most recipients allowed (100); the client sends the rest in a new transaction.",
	},
	"smtp.why.no-valid-recipients": {
		RO: "DATA fără niciun destinatar acceptat: toate comenzile RCPT TO au fost refuzate, deci nu are cine primi mesajul.",
		EN: "DATA with no accepted recipient: every RCPT TO was refused, so nobody would receive the message.",
	},
	"smtp.why.timeout": {
		RO: "Clientul a tăcut prea mult; serverul spune 421 și închide conexiunea, iar tranzacția neterminată se abandonează.",
		EN: "The client stayed silent too long; the server says 421 and closes the connection, abandoning any unfinished transaction.",
	},
	"smtp.why.too-many-errors": {
		RO: "Clientul a greșit de prea multe ori; serverul închide conexiunea cu 421, ca să nu fie ținut ocupat la nesfârșit.",
		EN: "The client made too many errors; the server closes the connection with 421 so that it is not kept busy forever.",
	},
	"smtp.why.command-too-long": {
		RO: "Linia de comandă depășește 512 octeți, limita din RFC 5321 §4.5.3.1.4.",
		EN: "The command line is longer than 512 octets, the limit of RFC 5321 §4.5.3.1.4.",
	},
	"smtp.why.bare-newline": {
		RO: "Comanda conține un CR sau un LF singur; în SMTP o linie se încheie doar cu perechea CRLF.",
		EN: "The command holds a lone CR or LF; in SMTP a line ends only with the pair CRLF.",
	},
	"smtp.why.nul": {
		RO: "Comanda conține un octet NUL, care nu are ce căuta într-o comandă SMTP (RFC 5321 §4.1.1 cere doar caractere US-ASCII tipăribile). Serverul o refuză cu 500 și nu repetă nimic din ea în răspuns.",
		EN: "The command holds a NUL octet, which has no place in an SMTP command (RFC 5321 §4.1.1 asks for printable US-ASCII only). The server refuses it with 500 and repeats nothing of it in the reply.",
	},
	"smtp.why.bare-newline-data": {
		RO: "Textul mesajului conține un LF sau un CR singur, fără perechea lui: în SMTP o linie se încheie doar cu CRLF (RFC 5321 §2.3.8). Păstrat așa, LF-ul singur ar deveni sfârșit de linie când POP3 trimite mesajul mai departe, deci mesajul s-ar schimba pe drum; un server care ia LF-ul singur drept sfârșit de linie poate fi păcălit să vadă un sfârșit de DATA pe care celălalt server nu l-a văzut (SMTP smuggling). De aceea mesajul e refuzat întreg și nu se păstrează nimic, cum face Postfix cu opțiunea smtpd_forbid_bare_newline; Postfix închide și conexiunea, laboratorul o lasă deschisă pentru următorul mesaj.",
		EN: "The message text holds a lone LF or CR without its partner: in SMTP a line ends only with CRLF (RFC 5321 §2.3.8). Kept as it came, the lone LF would become a line end when POP3 sends the message on, so the message would change on its way; a server that takes a lone LF for a line end can be tricked into seeing an end of DATA the other server did not see (SMTP smuggling). So the whole message is refused and nothing is stored, as Postfix does with its smtpd_forbid_bare_newline setting; Postfix also hangs up, the lab keeps the session open for the next message.",
	},
	"smtp.why.nul-in-text": {
		RO: "Textul mesajului conține un octet NUL, pe care niciun mesaj nu are voie să-l conțină (RFC 5322 §2.1, RFC 6152); mesajul e refuzat întreg, nu se păstrează nimic, iar sesiunea continuă.",
		EN: "The message text holds a NUL octet, which no message may contain (RFC 5322 §2.1, RFC 6152); the whole message is refused, nothing is stored, and the session goes on.",
	},
	"smtp.why.line-too-long": {
		RO: "O linie din textul mesajului depășește 1000 de octeți, limita din RFC 5321 §4.5.3.1.6; mesajul e refuzat întreg.",
		EN: "A line of the message text is longer than 1000 octets, the limit of RFC 5321 §4.5.3.1.6; the whole message is refused.",
	},

	// Server states.
	"smtp.state.Connected": {
		RO: "Conexiunea TCP e deschisă; serverul nu a trimis încă salutul 220.",
		EN: "The TCP connection is open; the server has not sent its 220 greeting yet.",
	},
	"smtp.state.Greeted": {
		RO: "Salutul 220 a fost trimis; serverul așteaptă HELO sau EHLO.",
		EN: "The 220 greeting was sent; the server waits for HELO or EHLO.",
	},
	"smtp.state.Ready": {
		RO: "Clientul s-a prezentat; serverul așteaptă MAIL FROM pentru un mesaj nou.",
		EN: "The client has introduced itself; the server waits for MAIL FROM for a new message.",
	},
	"smtp.state.MailFrom": {
		RO: "Expeditorul e cunoscut; serverul așteaptă cel puțin un RCPT TO.",
		EN: "The sender is known; the server waits for at least one RCPT TO.",
	},
	"smtp.state.RcptTo": {
		RO: "Cel puțin un destinatar a fost acceptat; urmează alt RCPT TO sau DATA.",
		EN: "At least one recipient was accepted; next comes another RCPT TO or DATA.",
	},
	"smtp.state.Data": {
		RO: "Serverul citește textul mesajului până la linia cu un singur punct.",
		EN: "The server reads the message text up to the line with a single dot.",
	},
	"smtp.state.Closed": {
		RO: "Sesiunea s-a încheiat; conexiunea se închide.",
		EN: "The session is over; the connection closes.",
	},

	// Client states.
	"smtp.state.WaitGreeting": {
		RO: "Clientul s-a conectat și așteaptă salutul 220 al serverului.",
		EN: "The client has connected and waits for the server's 220 greeting.",
	},
	"smtp.state.WaitHelo": {
		RO: "Clientul a trimis HELO sau EHLO și așteaptă răspunsul 250.",
		EN: "The client sent HELO or EHLO and waits for the 250 reply.",
	},
	"smtp.state.WaitMail": {
		RO: "Clientul a trimis MAIL FROM și așteaptă acceptul expeditorului.",
		EN: "The client sent MAIL FROM and waits for the sender to be accepted.",
	},
	"smtp.state.WaitRcpt": {
		RO: "Clientul a trimis RCPT TO și așteaptă verdictul pentru acel destinatar.",
		EN: "The client sent RCPT TO and waits for the verdict on that recipient.",
	},
	"smtp.state.WaitData": {
		RO: "Clientul a trimis DATA și așteaptă 354 ca să trimită textul.",
		EN: "The client sent DATA and waits for 354 to send the text.",
	},
	"smtp.state.WaitDataEnd": {
		RO: "Clientul a trimis textul și punctul final; așteaptă verdictul asupra mesajului.",
		EN: "The client sent the text and the final dot; it waits for the verdict on the message.",
	},
	"smtp.state.WaitQuit": {
		RO: "Clientul a trimis QUIT și așteaptă 221.",
		EN: "The client sent QUIT and waits for 221.",
	},
	"smtp.state.Done": {
		RO: "Clientul a terminat; conexiunea poate fi închisă.",
		EN: "The client is done; the connection can be closed.",
	},
}
