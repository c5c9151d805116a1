package sim

import "mailsim/lang"

// Explanations holds the Romanian and English sentence for every explanation
// key the world itself produces; the protocol packages hold their own.
var Explanations = lang.Catalog{
	"sim.submit": {
		RO: "Agentul utilizator predă mesajul clientului MTA de pe același sistem, care îl pune în coada de ieșire.",
		EN: "The user agent hands the message to the MTA client on the same system, which puts it in the outgoing queue.",
	},
	"sim.store": {
		RO: "Serverul MTA livrează mesajul în căsuța poștală a destinatarului.",
		EN: "The MTA server delivers the message into the recipient's mailbox.",
	},
	"sim.read.open": {
		RO: "Agentul utilizator deschide căsuța poștală locală: citește direct fișierele, fără protocol de rețea.",
		EN: "The user agent opens the local mailbox: it reads the files directly, with no network protocol.",
	},
	"sim.fetch.local": {
		RO: "Agentul utilizator citește mesajul din căsuța poștală de pe același sistem.",
		EN: "The user agent reads the message from the mailbox on the same system.",
	},
	"smtp.connect": {
		RO: "Clientul MTA deschide o conexiune TCP către portul 25 al serverului MTA.",
		EN: "The MTA client opens a TCP connection to port 25 of the MTA server.",
	},
	"smtp.disconnect": {
		RO: "Conexiunea TCP se închide; sesiunea SMTP s-a încheiat.",
		EN: "The TCP connection closes; the SMTP session is over.",
	},
	"sim.fault.no-mta": {
		RO: "Pe acest sistem nu există un client MTA care să trimită mesajul.",
		EN: "There is no MTA client on this system to send the message.",
	},
	"sim.fault.no-route": {
		RO: "Nu se găsește niciun server de mail pentru domeniul destinatarului.",
		EN: "No mail server can be found for the recipient's domain.",
	},
	"sim.fault.rejected": {
		RO: "Serverul a refuzat destinatarul; mesajul nu i-a fost livrat.",
		EN: "The server refused the recipient; the message was not delivered to them.",
	},
	"sim.fault.remote-read": {
		RO: "Agentul utilizator e pe alt sistem decât căsuța poștală: are nevoie de un MAA (POP3 sau IMAP).",
		EN: "The user agent is on another system than the mailbox: it needs an MAA (POP3 or IMAP).",
	},
}
