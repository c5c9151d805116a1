package imap

import "mailsim/lang"

// Explanations holds the sentence shown beside every line this package can
// produce: each command ("imap.cmd.<VERB>"), each response key (Key...
// constants) and each server and client state (State.Key, ClientState.Key).
var Explanations = lang.Catalog{
	// Commands.
	"imap.cmd.STARTTLS": {
		RO: "STARTTLS cere ca restul conexiunii să fie criptat cu TLS (RFC 2595); e permisă doar înainte de autentificare.",
		EN: "STARTTLS asks for the rest of the connection to be encrypted with TLS (RFC 2595); it is allowed only before logging in.",
	},
	KeyTLSReady: {
		RO: "Serverul acceptă STARTTLS. Răspunsul acesta mai trece în clar; imediat după el începe negocierea TLS, iar clientul trebuie să ceară din nou CAPABILITY, fiindcă ce a aflat înainte putea fi modificat pe drum.",
		EN: "The server accepts STARTTLS. This answer still travels in clear; right after it the TLS handshake begins, and the client must ask CAPABILITY again, because what it learned before could have been altered on the way.",
	},
	KeyTLSActive: {
		RO: "Sesiunea e deja în TLS; un al doilea STARTTLS nu are sens.",
		EN: "The session is already inside TLS; a second STARTTLS makes no sense.",
	},
	KeyTLSMissing: {
		RO: "STARTTLS există în IMAP4rev1 (RFC 3501 §6.2.1), dar serverul acesta nu îl oferă aici: nu apare în CAPABILITY. Consola din browser nu are o conexiune de criptat; portul real al laboratorului, 1143, îl oferă.",
		EN: "STARTTLS exists in IMAP4rev1 (RFC 3501 §6.2.1), but this server does not offer it here: it is not in CAPABILITY. The browser console has no connection to encrypt; the lab's real port, 1143, does offer it.",
	},
	"imap.cmd.CAPABILITY": {
		RO: "CAPABILITY cere lista extensiilor pe care le suportă serverul.",
		EN: "CAPABILITY asks for the list of extensions the server supports.",
	},
	"imap.cmd.NOOP": {
		RO: "NOOP nu face nimic, dar serverul profită ca să anunțe mesajele noi: așa verifică un client dacă a sosit poștă.",
		EN: "NOOP does nothing, but the server takes the chance to announce new mail: that is how a client polls.",
	},
	"imap.cmd.LOGOUT": {
		RO: "LOGOUT încheie sesiunea. Spre deosebire de QUIT din POP3, nu șterge nimic: ștergerea e treaba lui EXPUNGE.",
		EN: "LOGOUT ends the session. Unlike POP3's QUIT it deletes nothing: removing mail is EXPUNGE's job.",
	},
	"imap.cmd.LOGIN": {
		RO: "LOGIN trimite numele și parola într-o singură comandă, în clar, ca USER și PASS din POP3.",
		EN: "LOGIN sends the name and the password in one command, in clear text, like POP3's USER and PASS.",
	},
	"imap.cmd.AUTHENTICATE": {
		RO: "AUTHENTICATE alege un mecanism SASL; PLAIN trimite în Base64 „NUL utilizator NUL parolă”.",
		EN: "AUTHENTICATE picks a SASL mechanism; PLAIN sends \"NUL user NUL password\" in Base64.",
	},
	"imap.cmd.SELECT": {
		RO: "SELECT deschide un folder de pe server pentru citire și modificare; comenzile următoare lucrează pe mesajele lui.",
		EN: "SELECT opens a folder on the server for reading and changing; the following commands work on its messages.",
	},
	"imap.cmd.EXAMINE": {
		RO: "EXAMINE deschide un folder doar pentru citire: nici măcar marcajul \\Seen nu se schimbă.",
		EN: "EXAMINE opens a folder read-only: not even the \\Seen flag changes.",
	},
	"imap.cmd.CREATE": {
		RO: "CREATE creează un folder pe server. În POP3 folderele există doar pe calculatorul local.",
		EN: "CREATE makes a folder on the server. With POP3 folders exist only on the local computer.",
	},
	"imap.cmd.DELETE": {
		RO: "DELETE șterge un folder de pe server, cu tot cu mesajele din el.",
		EN: "DELETE removes a folder from the server, messages and all.",
	},
	"imap.cmd.RENAME": {
		RO: "RENAME redenumește un folder pe server; orice calculator vede imediat noul nume.",
		EN: "RENAME renames a folder on the server; every computer sees the new name at once.",
	},
	"imap.cmd.SUBSCRIBE": {
		RO: "SUBSCRIBE adaugă folderul în lista celor pe care clientul le afișează.",
		EN: "SUBSCRIBE adds the folder to the list of those the client shows.",
	},
	"imap.cmd.UNSUBSCRIBE": {
		RO: "UNSUBSCRIBE scoate folderul din lista afișată; folderul rămâne pe server.",
		EN: "UNSUBSCRIBE takes the folder off the shown list; the folder stays on the server.",
	},
	"imap.cmd.LIST": {
		RO: "LIST cere numele folderelor: „*” potrivește orice, „%” un singur nivel al ierarhiei.",
		EN: "LIST asks for folder names: \"*\" matches anything, \"%\" one level of the hierarchy.",
	},
	"imap.cmd.LSUB": {
		RO: "LSUB este LIST restrâns la folderele abonate cu SUBSCRIBE.",
		EN: "LSUB is LIST restricted to the folders subscribed with SUBSCRIBE.",
	},
	"imap.cmd.STATUS": {
		RO: "STATUS cere numărul de mesaje, de necitite și următorul UID ale unui folder, fără a-l deschide.",
		EN: "STATUS asks for a folder's message count, unread count and next UID without opening it.",
	},
	"imap.cmd.APPEND": {
		RO: "APPEND urcă un mesaj într-un folder de pe server, de exemplu o copie în „Sent”; mesajul vine ca literal {n}.",
		EN: "APPEND uploads a message into a server folder, such as a copy in \"Sent\"; the message travels as a {n} literal.",
	},
	"imap.cmd.CHECK": {
		RO: "CHECK cere serverului să-și salveze starea folderului deschis.",
		EN: "CHECK asks the server to save the state of the open folder.",
	},
	"imap.cmd.CLOSE": {
		RO: "CLOSE închide folderul și șterge definitiv, fără să raporteze, mesajele marcate \\Deleted.",
		EN: "CLOSE closes the folder and silently removes the messages flagged \\Deleted.",
	},
	"imap.cmd.EXPUNGE": {
		RO: "EXPUNGE șterge definitiv mesajele marcate \\Deleted; abia acum dispar de pe server.",
		EN: "EXPUNGE permanently removes the messages flagged \\Deleted; only now do they leave the server.",
	},
	"imap.cmd.SEARCH": {
		RO: "SEARCH cere serverului să caute: clientul nu trebuie să descarce folderul ca să găsească un mesaj.",
		EN: "SEARCH has the server search: the client need not download the folder to find a message.",
	},
	"imap.cmd.FETCH": {
		RO: "FETCH cere date despre mesaje: marcaje, dimensiune, antet, structura MIME sau doar o parte din corp.",
		EN: "FETCH asks for message data: flags, size, header, MIME structure or just part of the body.",
	},
	"imap.cmd.STORE": {
		RO: "STORE schimbă marcajele unor mesaje (\\Seen, \\Flagged, \\Deleted...); ele sunt păstrate pe server.",
		EN: "STORE changes the flags of messages (\\Seen, \\Flagged, \\Deleted...); they are kept on the server.",
	},
	"imap.cmd.COPY": {
		RO: "COPY copiază mesaje în alt folder direct pe server: nimic nu trece prin rețea.",
		EN: "COPY copies messages into another folder on the server itself: nothing crosses the network.",
	},
	"imap.cmd.MOVE": {
		RO: "MOVE mută mesaje în alt folder pe server: le copiază și șterge originalele într-o singură comandă (RFC 6851).",
		EN: "MOVE moves messages into another folder on the server: it copies them and removes the originals in one command (RFC 6851).",
	},
	"imap.cmd.IDLE": {
		RO: "IDLE îi spune serverului că clientul așteaptă: serverul anunță poșta nouă imediat ce sosește, fără ca clientul să întrebe mereu cu NOOP (RFC 2177).",
		EN: "IDLE tells the server that the client is waiting: the server announces new mail as soon as it arrives, without the client asking again and again with NOOP (RFC 2177).",
	},
	"imap.cmd.UID": {
		RO: "UID în fața lui FETCH, SEARCH, STORE, COPY sau EXPUNGE: mesajele sunt numite prin UID, care nu se schimbă la ștergeri.",
		EN: "UID before FETCH, SEARCH, STORE, COPY or EXPUNGE: messages are named by UID, which does not change when others are removed.",
	},

	// Positive responses.
	KeyGreeting: {
		RO: "Salutul serverului, cu lista de capabilități; sesiunea este în starea neautentificată.",
		EN: "The server's greeting, with its capability list; the session is not authenticated yet.",
	},
	KeyCapability: {
		RO: "Lista de capabilități: IMAP4rev1 plus extensiile (LITERAL+, UIDPLUS, AUTH=PLAIN...).",
		EN: "The capability list: IMAP4rev1 plus the extensions (LITERAL+, UIDPLUS, AUTH=PLAIN...).",
	},
	KeyNoop: {
		RO: "NOOP reușit; eventualele linii „* n EXISTS” anunță mesaje noi.",
		EN: "NOOP succeeded; any \"* n EXISTS\" lines announce new messages.",
	},
	KeyLogout: {
		RO: "„* BYE” apoi OK: serverul închide conexiunea; mesajele și folderele rămân pe server.",
		EN: "\"* BYE\" then OK: the server closes the connection; messages and folders stay on the server.",
	},
	KeyLogin: {
		RO: "Autentificare reușită: clientul poate lucra cu folderele de pe server.",
		EN: "Login succeeded: the client may now work with the folders on the server.",
	},
	KeyAuthenticate: {
		RO: "Autentificare SASL PLAIN reușită.",
		EN: "SASL PLAIN authentication succeeded.",
	},
	KeySelect: {
		RO: "Folderul este deschis [READ-WRITE]: FLAGS, EXISTS (câte mesaje), RECENT, UIDVALIDITY și UIDNEXT îl descriu.",
		EN: "The folder is open [READ-WRITE]: FLAGS, EXISTS (how many messages), RECENT, UIDVALIDITY and UIDNEXT describe it.",
	},
	KeyExamine: {
		RO: "Folderul este deschis [READ-ONLY]: se poate citi, dar nu se schimbă nimic, nici \\Seen.",
		EN: "The folder is open [READ-ONLY]: it can be read, but nothing changes, not even \\Seen.",
	},
	KeyCreate: {
		RO: "Folderul a fost creat pe server; îl vede orice calculator de pe care citești poșta.",
		EN: "The folder was created on the server; every computer you read mail from sees it.",
	},
	KeyDelete: {
		RO: "Folderul și mesajele lui au fost șterse de pe server.",
		EN: "The folder and its messages were deleted from the server.",
	},
	KeyRename: {
		RO: "Folderul (și subfolderele lui) are acum noul nume.",
		EN: "The folder (and its subfolders) now has the new name.",
	},
	KeySubscribe: {
		RO: "Folderul a fost adăugat în lista de abonamente.",
		EN: "The folder was added to the subscription list.",
	},
	KeyUnsubscribe: {
		RO: "Folderul a fost scos din lista de abonamente.",
		EN: "The folder was removed from the subscription list.",
	},
	KeyList: {
		RO: "Câte o linie „* LIST” pentru fiecare folder găsit, cu delimitatorul ierarhiei „/”.",
		EN: "One \"* LIST\" line per folder found, with the hierarchy delimiter \"/\".",
	},
	KeyDelimiter: {
		RO: "Un model gol întreabă doar care este delimitatorul ierarhiei de foldere: aici „/”.",
		EN: "An empty pattern only asks for the folder hierarchy delimiter: here \"/\".",
	},
	KeyLsub: {
		RO: "Câte o linie „* LSUB” pentru fiecare folder abonat care se potrivește.",
		EN: "One \"* LSUB\" line per matching subscribed folder.",
	},
	KeyStatus: {
		RO: "Contoarele folderului cerut, fără ca el să fie deschis.",
		EN: "The counts of the folder asked about, without opening it.",
	},
	KeyAppend: {
		RO: "Mesajul a fost salvat în folder; [APPENDUID] spune ce UID a primit.",
		EN: "The message was stored in the folder; [APPENDUID] says which UID it got.",
	},
	KeyCheck: {
		RO: "CHECK reușit: starea folderului este salvată.",
		EN: "CHECK succeeded: the folder's state is saved.",
	},
	KeyClose: {
		RO: "Folderul este închis, iar mesajele marcate \\Deleted au fost șterse; sesiunea revine în starea autentificată.",
		EN: "The folder is closed and the messages flagged \\Deleted are gone; the session is back in the authenticated state.",
	},
	KeyExpunge: {
		RO: "Fiecare „* n EXPUNGE” anunță un mesaj șters; numerele celor de după scad cu unu.",
		EN: "Each \"* n EXPUNGE\" reports a removed message; the numbers of those after it drop by one.",
	},
	KeySearch: {
		RO: "„* SEARCH” listează numerele de ordine ale mesajelor găsite.",
		EN: "\"* SEARCH\" lists the sequence numbers of the messages found.",
	},
	KeyFetch: {
		RO: "Câte o linie „* n FETCH” pentru fiecare mesaj; un {n} anunță n octeți de date. Citirea cu BODY[] marchează mesajul \\Seen.",
		EN: "One \"* n FETCH\" line per message; a {n} announces n octets of data. Reading with BODY[] flags the message \\Seen.",
	},
	KeyFetchPartial: {
		RO: "Transfer parțial: a venit doar o bucată din mesaj (antetul, o parte MIME sau primii octeți). POP3 are doar TOP, care aduce antetul și primele n linii ale corpului; nu poate aduce o singură parte MIME sau un interval de octeți.",
		EN: "Partial transfer: only a piece of the message came (the header, one MIME part or the first octets). POP3 has only TOP, which brings the header and the first n lines of the body; it cannot fetch one MIME part or a byte range.",
	},
	KeyStore: {
		RO: "Marcajele sunt schimbate pe server; fiecare „* n FETCH (FLAGS ...)” arată marcajele noi.",
		EN: "The flags are changed on the server; each \"* n FETCH (FLAGS ...)\" shows the new flags.",
	},
	KeyCopy: {
		RO: "Mesajele au fost copiate în celălalt folder; [COPYUID] arată UID-urile vechi și noi.",
		EN: "The messages were copied into the other folder; [COPYUID] shows the old and new UIDs.",
	},
	KeyUIDFetch: {
		RO: "Ca FETCH, dar mesajele sunt alese după UID, iar fiecare răspuns începe cu UID-ul.",
		EN: "Like FETCH, but the messages are picked by UID and each answer starts with the UID.",
	},
	KeyUIDSearch: {
		RO: "„* SEARCH” listează UID-urile mesajelor găsite, nu numerele lor de ordine.",
		EN: "\"* SEARCH\" lists the UIDs of the messages found, not their sequence numbers.",
	},
	KeyUIDStore: {
		RO: "Marcajele mesajelor alese după UID au fost schimbate pe server.",
		EN: "The flags of the messages picked by UID were changed on the server.",
	},
	KeyUIDCopy: {
		RO: "Mesajele alese după UID au fost copiate în celălalt folder.",
		EN: "The messages picked by UID were copied into the other folder.",
	},
	KeyMove: {
		RO: "Mesajele au fost mutate: [COPYUID] arată UID-urile noi, iar liniile EXPUNGE arată că au plecat din folderul deschis.",
		EN: "The messages were moved: [COPYUID] shows their new UIDs, and the EXPUNGE lines show that they left the open folder.",
	},
	KeyUIDMove: {
		RO: "Mesajele numite prin UID au fost mutate în celălalt folder și scoase din cel deschis.",
		EN: "The messages named by UID were moved into the other folder and taken out of the open one.",
	},
	KeyIdle: {
		RO: "Serverul așteaptă: de acum anunță singur, cu „* n EXISTS”, fiecare mesaj nou, până când clientul trimite DONE.",
		EN: "The server is waiting: from now on it announces each new message by itself, with \"* n EXISTS\", until the client sends DONE.",
	},
	KeyIdleNews: {
		RO: "Vești nesolicitate în timpul IDLE: a sosit poștă nouă (EXISTS) sau un mesaj a fost șters (EXPUNGE).",
		EN: "Unasked news during IDLE: new mail arrived (EXISTS) or a message was removed (EXPUNGE).",
	},
	KeyIdleDone: {
		RO: "IDLE s-a încheiat; sesiunea primește din nou comenzi.",
		EN: "IDLE is over; the session takes commands again.",
	},
	KeyIdleNotDone: {
		RO: "În timpul IDLE singura linie permisă este DONE; așteptarea s-a încheiat cu o eroare.",
		EN: "During IDLE the only line allowed is DONE; the wait ended with an error.",
	},
	KeyUIDExpunge: {
		RO: "Au fost șterse doar mesajele marcate \\Deleted dintre UID-urile date (extensia UIDPLUS).",
		EN: "Only the messages flagged \\Deleted among the given UIDs were removed (the UIDPLUS extension).",
	},

	// Continuations and literals.
	KeyContLiteral: {
		RO: "„+”: serverul a acceptat dimensiunea literalului {n} și așteaptă cei n octeți.",
		EN: "\"+\": the server accepted the size of the {n} literal and waits for the n octets.",
	},
	KeyContAuth: {
		RO: "„+ ”: serverul așteaptă răspunsul SASL, codat Base64, pe linia următoare.",
		EN: "\"+ \": the server waits for the Base64-encoded SASL response on the next line.",
	},
	KeyLiteralPlus: {
		RO: "Cu LITERAL+ ({n+}) clientul nu așteaptă „+”: octeții vin imediat, deci serverul nu răspunde încă.",
		EN: "With LITERAL+ ({n+}) the client does not wait for \"+\": the octets follow at once, so the server says nothing yet.",
	},
	KeyLiteralData: {
		RO: "Octeți ai unui literal; serverul răspunde abia după ce comanda este completă.",
		EN: "Octets of a literal; the server answers only once the command is complete.",
	},
	KeyByeTimeout: {
		RO: "Clientul a tăcut prea mult: serverul trimite „* BYE” și închide conexiunea.",
		EN: "The client was silent too long: the server sends \"* BYE\" and closes the connection.",
	},
	KeyByeShutdown: {
		RO: "Serverul se oprește: trimite „* BYE” și închide conexiunea; nimic nu se pierde.",
		EN: "The server is stopping: it sends \"* BYE\" and closes the connection; nothing is lost.",
	},

	// Errors.
	KeyNoGreeting: {
		RO: "Clientul a vorbit înainte de salutul serverului.",
		EN: "The client spoke before the server's greeting.",
	},
	KeyClosed: {
		RO: "Sesiunea s-a încheiat; serverul nu mai acceptă comenzi.",
		EN: "The session has ended; the server accepts no more commands.",
	},
	KeyLineTooLong: {
		RO: "Linia de comandă depășește 8192 de octeți; serverul o respinge întreagă.",
		EN: "The command line is over 8192 octets; the server refuses all of it.",
	},
	KeyControlChars: {
		RO: "Linia conține CR, LF sau NUL, care nu au voie să apară într-o comandă în afara unui literal.",
		EN: "The line contains CR, LF or NUL, which may not appear in a command outside a literal.",
	},
	KeyNoTag: {
		RO: "Fiecare comandă IMAP începe cu o etichetă (de exemplu „a1”); fără ea serverul răspunde „* BAD”.",
		EN: "Every IMAP command starts with a tag (such as \"a1\"); without one the server answers \"* BAD\".",
	},
	KeyUnknownCommand: {
		RO: "Comanda nu există în IMAP4rev1.",
		EN: "IMAP4rev1 has no such command.",
	},
	KeyWrongState: {
		RO: "Comanda există, dar nu în starea curentă: de exemplu FETCH cere un folder deschis cu SELECT.",
		EN: "The command exists, but not in the current state: FETCH, for example, needs a folder opened with SELECT.",
	},
	KeySyntax: {
		RO: "Argumentele lipsesc sau sunt greșite; textul răspunsului arată forma corectă.",
		EN: "The arguments are missing or wrong; the response text shows the right form.",
	},
	KeyBadSequence: {
		RO: "Numărul de mesaj depășește EXISTS: folderul nu are atâtea mesaje.",
		EN: "The message number is beyond EXISTS: the folder does not have that many messages.",
	},
	KeyAuthCancelled: {
		RO: "Clientul a răspuns „*”: autentificarea a fost anulată.",
		EN: "The client answered \"*\": the authentication was cancelled.",
	},
	KeyAuthMalformed: {
		RO: "Răspunsul SASL nu este Base64 valid sau nu are forma „NUL utilizator NUL parolă”.",
		EN: "The SASL response is not valid Base64 or not of the form \"NUL user NUL password\".",
	},
	KeyTooBigPlus: {
		RO: "Literalul {n+} depășește limita, iar octeții sunt deja pe drum: serverul închide sesiunea.",
		EN: "The {n+} literal is over the limit and its octets are already on their way: the server ends the session.",
	},
	KeyTooBig: {
		RO: "Literalul {n} depășește limita serverului; fiind sincron, clientul nu trimite octeții.",
		EN: "The {n} literal is over the server's limit; being synchronizing, the client sends no octets.",
	},
	KeyAuthFailed: {
		RO: "Utilizator sau parolă greșită; serverul nu spune care dintre ele.",
		EN: "Wrong user or password; the server does not say which.",
	},
	KeyMechanism: {
		RO: "Serverul nu cunoaște acest mecanism SASL; oferă doar PLAIN.",
		EN: "The server does not know this SASL mechanism; it offers only PLAIN.",
	},
	KeyNonexistent: {
		RO: "Folderul nu există pe server.",
		EN: "The folder does not exist on the server.",
	},
	KeyTryCreate: {
		RO: "Folderul țintă nu există; [TRYCREATE] sugerează clientului să-l creeze cu CREATE și să reîncerce.",
		EN: "The target folder does not exist; [TRYCREATE] suggests the client CREATE it and try again.",
	},
	KeyAlreadyExists: {
		RO: "Există deja un folder cu acest nume.",
		EN: "A folder with this name already exists.",
	},
	KeyInbox: {
		RO: "INBOX nu poate fi șters: fiecare utilizator are mereu un INBOX.",
		EN: "INBOX cannot be deleted: every user always has an INBOX.",
	},
	KeyHasChildren: {
		RO: "Folderul are subfoldere; ele trebuie șterse mai întâi.",
		EN: "The folder has subfolders; they must be deleted first.",
	},
	KeyBadName: {
		RO: "Nume de folder nevalid: gol, cu „*” sau „%”, sau cu un nivel gol („a//b”).",
		EN: "Invalid folder name: empty, with \"*\" or \"%\", or with an empty level (\"a//b\").",
	},
	KeyReadOnly: {
		RO: "Folderul a fost deschis cu EXAMINE, doar pentru citire: nu se poate schimba nimic.",
		EN: "The folder was opened with EXAMINE, read-only: nothing can be changed.",
	},
	KeyBadCharset: {
		RO: "Serverul caută doar în US-ASCII și UTF-8.",
		EN: "The server searches only in US-ASCII and UTF-8.",
	},
	KeyServerFailure: {
		RO: "Depozitul de mesaje al serverului a dat o eroare.",
		EN: "The server's mail store failed.",
	},

	// Server states.
	"imap.state.Connected": {
		RO: "Conexiunea TCP este deschisă; serverul încă nu a salutat.",
		EN: "The TCP connection is open; the server has not greeted yet.",
	},
	"imap.state.NotAuthenticated": {
		RO: "Neautentificat: clientul trebuie să se identifice cu LOGIN sau AUTHENTICATE.",
		EN: "Not authenticated: the client must identify itself with LOGIN or AUTHENTICATE.",
	},
	"imap.state.Authenticated": {
		RO: "Autentificat: clientul lucrează cu folderele și trebuie să deschidă unul cu SELECT ca să ajungă la mesaje.",
		EN: "Authenticated: the client works with folders and must open one with SELECT to reach messages.",
	},
	"imap.state.Selected": {
		RO: "Folder deschis: FETCH, STORE, SEARCH, COPY și EXPUNGE lucrează pe mesajele lui.",
		EN: "Folder open: FETCH, STORE, SEARCH, COPY and EXPUNGE work on its messages.",
	},
	"imap.state.Logout": {
		RO: "Sesiunea s-a încheiat; mesajele și folderele rămân pe server.",
		EN: "The session has ended; the messages and folders stay on the server.",
	},

	// Client states.
	"imap.state.AwaitGreeting": {
		RO: "Clientul așteaptă salutul serverului.",
		EN: "The client waits for the server's greeting.",
	},
	"imap.state.AwaitLogin": {
		RO: "Clientul a trimis LOGIN și așteaptă verdictul.",
		EN: "The client sent LOGIN and waits for the verdict.",
	},
	"imap.state.AwaitSelect": {
		RO: "Clientul a cerut deschiderea folderului cu SELECT.",
		EN: "The client asked to open the folder with SELECT.",
	},
	"imap.state.AwaitSearch": {
		RO: "Clientul a cerut UID-urile mesajelor necitite (UID SEARCH UNSEEN).",
		EN: "The client asked for the UIDs of the unread messages (UID SEARCH UNSEEN).",
	},
	"imap.state.AwaitFetch": {
		RO: "Clientul aduce un mesaj, întreg sau doar începutul lui, cu UID FETCH.",
		EN: "The client fetches a message, whole or only its beginning, with UID FETCH.",
	},
	"imap.state.AwaitStore": {
		RO: "Clientul marchează mesajul \\Deleted; el rămâne pe server până la EXPUNGE.",
		EN: "The client flags the message \\Deleted; it stays on the server until EXPUNGE.",
	},
	"imap.state.AwaitExpunge": {
		RO: "Clientul a cerut ștergerea definitivă a mesajelor marcate.",
		EN: "The client asked for the flagged messages to be removed for good.",
	},
	"imap.state.AwaitLogout": {
		RO: "Clientul a trimis LOGOUT și așteaptă „* BYE” și OK.",
		EN: "The client sent LOGOUT and waits for \"* BYE\" and OK.",
	},
	"imap.state.Done": {
		RO: "Sesiunea clientului s-a încheiat cum era plănuit.",
		EN: "The client's session ended as planned.",
	},
	"imap.state.Failed": {
		RO: "Sesiunea clientului s-a încheiat cu o eroare.",
		EN: "The client's session ended with an error.",
	},
}
