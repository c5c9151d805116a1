package live

import "mailsim/lang"

// Explanations holds the sentence for every key the lab gives an event of
// its own. Lines on the wire are explained by sim/smtp, sim/pop3, sim/imap
// and sim/wire; stores and deletions by sim ("sim.store", "sim.delete").
var Explanations = lang.Catalog{
	"lab.connect.smtp": {
		RO: "Un program de pe acest calculator (telnet, curl, un client de e-mail) deschide o conexiune TCP reală către portul SMTP al laboratorului.",
		EN: "A program on this computer (telnet, curl, a mail client) opens a real TCP connection to the lab's SMTP port.",
	},
	"lab.connect.pop3": {
		RO: "Un program de pe acest calculator (telnet, curl, un client de e-mail) deschide o conexiune TCP reală către portul POP3 al laboratorului.",
		EN: "A program on this computer (telnet, curl, a mail client) opens a real TCP connection to the lab's POP3 port.",
	},
	"lab.connect.imap": {
		RO: "Un program de pe acest calculator (curl, alpine, Thunderbird) deschide o conexiune TCP reală către portul IMAP al laboratorului.",
		EN: "A program on this computer (curl, alpine, Thunderbird) opens a real TCP connection to the lab's IMAP port.",
	},
	"lab.connect.console.imap": {
		RO: "Consola din browser deschide o sesiune cu serverul IMAP al laboratorului, ca telnet pe portul 143: aceleași comenzi, aceleași căsuțe poștale.",
		EN: "The browser console opens a session with the lab's IMAP server, as telnet does on port 143: the same commands, the same mailboxes.",
	},
	"lab.connect.console.smtp": {
		RO: "Consola din browser deschide o sesiune cu serverul SMTP al laboratorului, ca telnet pe portul 25: aceleași comenzi, aceleași căsuțe poștale.",
		EN: "The browser console opens a session with the lab's SMTP server, as telnet does on port 25: the same commands, the same mailboxes.",
	},
	"lab.connect.console.pop3": {
		RO: "Consola din browser deschide o sesiune cu serverul POP3 al laboratorului, ca telnet pe portul 110: aceleași comenzi, aceleași căsuțe poștale.",
		EN: "The browser console opens a session with the lab's POP3 server, as telnet does on port 110: the same commands, the same mailboxes.",
	},
	"lab.disconnect.hangup": {
		RO: "Clientul a închis conexiunea fără QUIT; tranzacția neterminată se abandonează, nimic nu se șterge.",
		EN: "The client closed the connection without QUIT; an unfinished transaction is abandoned, nothing is deleted.",
	},
	"lab.disconnect.timeout": {
		RO: "Clientul a tăcut prea mult; serverul închide conexiunea (SMTP spune întâi 421, IMAP spune BYE, POP3 nu spune nimic și nu șterge nimic).",
		EN: "The client stayed silent too long; the server closes the connection (SMTP says 421 first, IMAP says BYE, POP3 says nothing and deletes nothing).",
	},
	"lab.disconnect.shutdown": {
		RO: "Laboratorul se oprește și închide conexiunea; tranzacția neterminată se abandonează.",
		EN: "The lab is stopping and closes the connection; an unfinished transaction is abandoned.",
	},
	"lab.disconnect.refused": {
		RO: "Serverul avea deja prea multe conexiuni și a închis-o pe aceasta imediat după refuz.",
		EN: "The server already had too many connections and closed this one right after refusing it.",
	},
	"lab.disconnect.failed": {
		RO: "Conexiunea s-a rupt: clientul nu a mai citit răspunsurile la timp.",
		EN: "The connection broke: the client stopped reading the replies in time.",
	},
}
