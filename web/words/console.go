package words

import "mailsim/lang"

// uiConsole is the words of the pages where students type to the lab's
// servers themselves: the SMTP, POP3 and IMAP console, the nslookup console, and
// the live lab that shows what real clients do on the real ports.
var uiConsole = lang.Catalog{
	"nav.console": {RO: "Consolă", EN: "Console"},
	"nav.live":    {RO: "Laborator live", EN: "Live lab"},

	"console.title":    {RO: "Scrie tu: consolă SMTP, POP3 și IMAP", EN: "Type it yourself: SMTP, POP3 and IMAP console"},
	"console.link":     {RO: "Consola SMTP, POP3 și IMAP", EN: "SMTP, POP3 and IMAP console"},
	"console.intro":    {RO: "Conectează-te la serverul SMTP (portul 25), POP3 (portul 110) sau IMAP (portul 143) al laboratorului și scrie comenzile ca în demonstrația cu telnet din curs. Fiecare răspuns este explicat, diagrama de stare arată unde ești, iar poșta trimisă aici ajunge în căsuțele laboratorului, de unde o poți citi din consola POP3 sau IMAP.", EN: "Connect to the lab's SMTP server (port 25), POP3 server (port 110) or IMAP server (port 143) and type the commands as in the lecture's telnet demonstration. Every reply is explained, the state diagram shows where you are, and mail sent here lands in the lab's mailboxes, where the POP3 or IMAP console can fetch it."},
	"console.terminal": {RO: "Terminal", EN: "Terminal"},
	"console.connect":  {RO: "Conectare", EN: "Connect"},
	"console.hangup":   {RO: "Închide conexiunea", EN: "Hang up"},
	"console.prompt":   {RO: "Linia de trimis serverului", EN: "Line to send to the server"},
	"console.keys":     {RO: "Enter trimite linia (și o linie goală, cum cere DATA); ↑ și ↓ aduc liniile scrise înainte.", EN: "Enter sends the line (an empty one too, as DATA needs); ↑ and ↓ bring back earlier lines."},
	"console.trying":   {RO: "Conectare la", EN: "Connecting to"},
	"console.closed":   {RO: "Serverul a închis conexiunea.", EN: "Connection closed by foreign host."},
	"console.hungup":   {RO: "Ai închis conexiunea; tranzacția neterminată s-a abandonat.", EN: "You closed the connection; an unfinished transaction was abandoned."},
	"console.failed":   {RO: "Conexiunea cu serverul nu s-a putut deschide sau s-a pierdut.", EN: "The connection to the server could not be opened or was lost."},
	"console.busy":     {RO: "Sunt deschise prea multe console; încearcă din nou mai târziu.", EN: "Too many consoles are open; try again later."},

	"console.hint":         {RO: "Comenzi valide acum:", EN: "Valid now:"},
	"console.hint.data":    {RO: "Scrie textul mesajului, linie cu linie; o linie care conține doar „.” îl încheie.", EN: "Type the message text, line by line; a line holding only “.” ends it."},
	"console.hint.closed":  {RO: "Sesiunea s-a încheiat. Conectează-te din nou cu butoanele de deasupra.", EN: "The session has ended. Connect again with the buttons above."},
	"console.hint.start":   {RO: "Alege un server: portul 25 (SMTP), portul 110 (POP3) sau portul 143 (IMAP).", EN: "Choose a server: port 25 (SMTP), port 110 (POP3) or port 143 (IMAP)."},
	"console.hint.idle":    {RO: "IDLE: serverul așteaptă poștă nouă. Scrie DONE ca să închei așteptarea; aici veștile vin în răspunsul la DONE, iar un client de e-mail conectat la portul IMAP real le primește pe loc.", EN: "IDLE: the server waits for new mail. Type DONE to end the wait; here the news comes with the answer to DONE, while a mail program on the real IMAP port gets it at once."},
	"console.hint.imap":    {RO: "Comenzi valide acum, fiecare după o etichetă aleasă de tine (de exemplu „a1 LOGIN …”):", EN: "Valid now, each after a tag of your choice (such as “a1 LOGIN …”):"},
	"console.hint.literal": {RO: "Serverul așteaptă %d octeți de literal: scrie-i; fiecare Enter adaugă și CRLF, adică doi octeți.", EN: "The server waits for %d octets of literal: type them; each Enter adds a CRLF too, which is two octets."},

	"try.title": {RO: "Ce să scrii", EN: "What to type"},
	"try.smtp":  {RO: "Sesiunea din curs (telnet către Postfix), cu un destinatar al laboratorului:", EN: "The lecture's session (telnet to Postfix), with a recipient of the lab:"},
	"try.pop3":  {RO: "Apoi citește mesajul prin POP3, ca în curs:", EN: "Then fetch the message with POP3, as in the lecture:"},
	"try.imap":  {RO: "Sau citește-l prin IMAP: întâi antetul, apoi corpul; mesajul rămâne pe server:", EN: "Or read it with IMAP: the header first, then the body; the message stays on the server:"},

	"accounts.title":    {RO: "Conturile laboratorului", EN: "The lab's accounts"},
	"accounts.address":  {RO: "Adresă", EN: "Address"},
	"accounts.password": {RO: "Parolă", EN: "Password"},
	"accounts.list":     {RO: "listă:", EN: "list:"},

	"lab.off.title": {RO: "Laboratorul live este oprit", EN: "The live lab is off"},
	"lab.off.text":  {RO: "mailsim rulează fără laboratorul live, deci aici nu există servere SMTP, POP3 și IMAP la care să te conectezi. Scenariile și consola nslookup funcționează în continuare.", EN: "mailsim runs without the live lab, so there are no SMTP, POP3 and IMAP servers here to connect to. The scenarios and the nslookup console still work."},

	"nslookup.title":  {RO: "nslookup: caută MX și A în zonele simulate", EN: "nslookup: look up MX and A in the simulated zones"},
	"nslookup.link":   {RO: "Consola nslookup", EN: "nslookup console"},
	"nslookup.intro":  {RO: "Ca în demonstrația din curs: scrie „set type=MX”, apoi un domeniu, de exemplu example.com. „set type=A” revine la adrese, „help” listează comenzile. Înregistrările din răspuns se aprind în tabelul zonei.", EN: "As in the lecture's demonstration: type “set type=MX”, then a domain, for example example.com. “set type=A” goes back to addresses, “help” lists the commands. The records of the answer light up in the zone table."},
	"nslookup.keys":   {RO: "Enter trimite linia; ↑ și ↓ aduc liniile scrise înainte.", EN: "Enter sends the line; ↑ and ↓ bring back earlier lines."},
	"nslookup.zones":  {RO: "Zonele simulate", EN: "The simulated zones"},
	"nslookup.closed": {RO: "nslookup s-a încheiat; reîncarcă pagina pentru o sesiune nouă.", EN: "nslookup has ended; reload the page for a new session."},

	"live.title":        {RO: "Laborator live: porturi reale", EN: "Live lab: real ports"},
	"live.link":         {RO: "Laboratorul live", EN: "The live lab"},
	"live.intro":        {RO: "Orice program de pe acest calculator poate vorbi cu serverele laboratorului: telnet, curl, un client de e-mail. Sesiunile lor apar aici pe măsură ce au loc, cu fiecare linie explicată.", EN: "Any program on this computer can talk to the lab's servers: telnet, curl, a mail client. Their sessions appear here as they happen, every line explained."},
	"live.ports":        {RO: "Porturile reale", EN: "The real ports"},
	"live.port.closed":  {RO: "închis", EN: "closed"},
	"live.empty":        {RO: "Nicio sesiune încă. Deschide un terminal și scrie comanda telnet de mai sus.", EN: "No session yet. Open a terminal and type the telnet command above."},
	"live.host.outside": {RO: "Acest calculator", EN: "This computer"},
	"live.host.lab":     {RO: "Laboratorul mailsim", EN: "The mailsim lab"},
	"live.client.smtp":  {RO: "Client SMTP (telnet, curl)", EN: "SMTP client (telnet, curl)"},
	"live.client.pop3":  {RO: "Client POP3 (telnet, curl)", EN: "POP3 client (telnet, curl)"},
	"live.server.smtp":  {RO: "Server SMTP (MTA)", EN: "SMTP server (MTA)"},
	"live.server.pop3":  {RO: "Server POP3 (MAA)", EN: "POP3 server (MAA)"},
	"live.client.imap":  {RO: "Client IMAP (curl, alpine)", EN: "IMAP client (curl, alpine)"},
	"live.server.imap":  {RO: "Server IMAP (MAA)", EN: "IMAP server (MAA)"},
}
