package dns

import "mailsim/lang"

// Explanations holds the Romanian and English sentence for every explanation
// key this package produces: record types, questions, answers, the hosts an
// MTA picks, and console commands.
var Explanations = lang.Catalog{
	// Record types (zone table rows).
	"dns.type.a": {
		RO: "Înregistrare A: asociază un nume de sistem cu adresa sa IPv4.",
		EN: "A record: maps a host name to its IPv4 address.",
	},
	"dns.type.aaaa": {
		RO: "Înregistrare AAAA: asociază un nume de sistem cu adresa sa IPv6.",
		EN: "AAAA record: maps a host name to its IPv6 address.",
	},
	"dns.type.mx": {
		RO: "Înregistrare MX (mail exchanger): numește serverul care primește e-mailul domeniului și preferința lui; valoarea mai mică este încercată prima.",
		EN: "MX (mail exchanger) record: names the server that receives the domain's mail and its preference; the lower value is tried first.",
	},
	"dns.type.ns": {
		RO: "Înregistrare NS: numește un server de nume autoritar pentru zonă.",
		EN: "NS record: names an authoritative name server of the zone.",
	},
	"dns.type.cname": {
		RO: "Înregistrare CNAME: numele este un alias; datele se caută la numele canonic indicat.",
		EN: "CNAME record: the name is an alias; its data is looked up at the canonical name it points to.",
	},

	// Questions.
	"dns.query": {
		RO: "O întrebare DNS: un nume și tipul de înregistrare căutat.",
		EN: "A DNS question: a name and the record type wanted.",
	},
	"dns.query.a": {
		RO: "Se cere adresa IPv4 (înregistrarea A) a numelui, pentru a putea deschide o conexiune TCP către el.",
		EN: "The IPv4 address (A record) of the name is asked for, so that a TCP connection can be opened to it.",
	},
	"dns.query.aaaa": {
		RO: "Se cere adresa IPv6 (înregistrarea AAAA) a numelui.",
		EN: "The IPv6 address (AAAA record) of the name is asked for.",
	},
	"dns.query.mx": {
		RO: "Clientul MTA întreabă ce servere primesc e-mailul domeniului destinatarului (înregistrările MX).",
		EN: "The MTA client asks which servers receive mail for the recipient's domain (the MX records).",
	},
	"dns.query.ns": {
		RO: "Se cer serverele de nume autoritare ale domeniului (înregistrările NS).",
		EN: "The authoritative name servers of the domain (NS records) are asked for.",
	},
	"dns.query.cname": {
		RO: "Se întreabă dacă numele este un alias și pentru ce nume canonic (înregistrarea CNAME).",
		EN: "The question is whether the name is an alias, and of which canonical name (CNAME record).",
	},
	"dns.query.any": {
		RO: "Se cer toate înregistrările numelui, de orice tip (ANY).",
		EN: "Every record of the name, of any type, is asked for (ANY).",
	},

	// Answers.
	"dns.answer.a": {
		RO: "Răspunsul conține adresa IPv4 a numelui.",
		EN: "The answer holds the IPv4 address of the name.",
	},
	"dns.answer.aaaa": {
		RO: "Răspunsul conține adresa IPv6 a numelui.",
		EN: "The answer holds the IPv6 address of the name.",
	},
	"dns.answer.mx": {
		RO: "S-au găsit înregistrări MX: serverele de e-mail ale domeniului, ordonate după preferință (valoarea mică întâi).",
		EN: "MX records were found: the domain's mail servers, ordered by preference (low value first).",
	},
	"dns.answer.ns": {
		RO: "Răspunsul conține serverele de nume ale domeniului.",
		EN: "The answer holds the domain's name servers.",
	},
	"dns.answer.cname": {
		RO: "Numele este un alias; răspunsul dă numele său canonic.",
		EN: "The name is an alias; the answer gives its canonical name.",
	},
	"dns.answer.any": {
		RO: "Răspunsul conține toate înregistrările numelui.",
		EN: "The answer holds every record of the name.",
	},
	"dns.answer.alias": {
		RO: "Numele este un alias (CNAME): rezolvitorul a urmat aliasul și a găsit datele la numele canonic.",
		EN: "The name is an alias (CNAME): the resolver followed it and found the data at the canonical name.",
	},
	"dns.answer.nullmx": {
		RO: "Domeniul are un „MX nul” (MX 0 .): declară că nu primește e-mail (RFC 7505).",
		EN: "The domain has a null MX (MX 0 .): it declares that it accepts no mail (RFC 7505).",
	},
	"dns.answer.nxdomain": {
		RO: "NXDOMAIN: numele nu există în DNS. Mesajul nu poate fi livrat și se întoarce imediat la expeditor.",
		EN: "NXDOMAIN: the name does not exist in the DNS. The message cannot be delivered and bounces at once.",
	},
	"dns.answer.nodata": {
		RO: "Numele există, dar nu are nicio înregistrare de tipul cerut (răspuns fără date, NOERROR).",
		EN: "The name exists but has no record of the requested type (a no-data answer, NOERROR).",
	},
	"dns.answer.formerr": {
		RO: "Întrebarea este greșită: numele nu este un nume de domeniu valid sau tipul nu este cunoscut.",
		EN: "The question is malformed: the name is not a legal domain name or the type is unknown.",
	},
	"dns.answer.servfail": {
		RO: "SERVFAIL: rezolvitorul a renunțat, deoarece aliasurile CNAME formează o buclă sau un lanț prea lung.",
		EN: "SERVFAIL: the resolver gave up because the CNAME aliases loop or chain too long.",
	},

	// Hosts an MTA picks (RFC 5321 §5.1).
	"dns.mail.mx": {
		RO: "Clientul MTA va încerca serverele MX în ordinea preferinței; dacă unul nu răspunde, trece la următorul.",
		EN: "The MTA client will try the MX servers in order of preference; if one does not answer, it moves to the next.",
	},
	"dns.mail.implicit": {
		RO: "Domeniul nu are MX, deci se folosește chiar adresa A a domeniului, ca și cum ar avea „MX 0 domeniu” (MX implicit, RFC 5321 §5.1).",
		EN: "The domain has no MX, so the domain's own A address is used as if it had \"MX 0 domain\" (implicit MX, RFC 5321 §5.1).",
	},
	"dns.mail.nullmx": {
		RO: "Domeniul are MX nul: nu primește e-mail, iar clientul MTA returnează mesajul fără să încerce vreun server.",
		EN: "The domain has a null MX: it accepts no mail, and the MTA client bounces the message without trying any server.",
	},
	"dns.mail.nohost": {
		RO: "Niciun server MX al domeniului nu are o adresă: mesajul rămâne în coadă sau se întoarce la expeditor.",
		EN: "None of the domain's MX servers has an address: the message stays queued or bounces.",
	},

	// Console commands.
	"dns.console.start": {
		RO: "Ești deja în nslookup, ca în curs după „nslookup” la promptul shell-ului: sesiunea începe din nou cu tipul A și serverul implicit. Scrie acum un nume, de exemplu yahoo.com.",
		EN: "You are already in nslookup, as the lecture is after typing \"nslookup\" at the shell prompt: the session starts again with type A and the default server. Now type a name, for example yahoo.com.",
	},
	"dns.console.set-type": {
		RO: "„set type=...” alege tipul înregistrărilor cerute la următoarele întrebări (de exemplu MX pentru serverele de e-mail).",
		EN: "\"set type=...\" picks the record type the next questions ask for (for example MX for the mail servers).",
	},
	"dns.console.set-all": {
		RO: "„set all” afișează serverul implicit și opțiunile curente.",
		EN: "\"set all\" shows the default server and the current options.",
	},
	"dns.console.help": {
		RO: "„help” listează comenzile pe care le înțelege nslookup.",
		EN: "\"help\" lists the commands nslookup understands.",
	},
	"dns.console.server": {
		RO: "„server NUME” schimbă serverul DNS întrebat; dacă este un server de nume al zonei, răspunsurile devin autoritare.",
		EN: "\"server NAME\" changes the DNS server asked; if it is a name server of the zone, the answers become authoritative.",
	},
	"dns.console.bad-server": {
		RO: "Nu se cunoaște adresa serverului cerut, deci serverul implicit rămâne același.",
		EN: "The requested server's address is unknown, so the default server stays the same.",
	},
	"dns.console.exit": {
		RO: "„exit” încheie sesiunea nslookup.",
		EN: "\"exit\" ends the nslookup session.",
	},
	"dns.console.bad-option": {
		RO: "Opțiune necunoscută; „help” arată ce se poate seta.",
		EN: "Unknown option; \"help\" shows what can be set.",
	},
	"dns.console.bad-type": {
		RO: "Tip de întrebare necunoscut; simulatorul știe A, AAAA, MX, NS, CNAME și ANY.",
		EN: "Unknown query type; the simulator knows A, AAAA, MX, NS, CNAME and ANY.",
	},
	"dns.console.bad-name": {
		RO: "Textul nu este un nume de domeniu valid: etichete de cel mult 63 de caractere (litere, cifre, cratimă), separate prin puncte.",
		EN: "The text is not a legal domain name: labels of at most 63 characters (letters, digits, hyphen) separated by dots.",
	},
	"dns.console.bad-command": {
		RO: "Comandă neînțeleasă; „help” listează comenzile.",
		EN: "Command not understood; \"help\" lists the commands.",
	},
}
