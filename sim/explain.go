package sim

import (
	"maps"

	"mailsim/lang"
	"mailsim/sim/dns"
	"mailsim/sim/imap"
	"mailsim/sim/pop3"
	"mailsim/sim/smtp"
)

// AllExplanations is every explanation a simulated event's key can name: the
// world's own and each protocol package's, merged once.
var AllExplanations = func() lang.Catalog {
	all := lang.Catalog{}
	for _, c := range []lang.Catalog{Explanations, dns.Explanations, smtp.Explanations, pop3.Explanations, imap.Explanations} {
		maps.Copy(all, c)
	}
	return all
}()

// Explain returns the explanation of an event key; ok is false for a key no
// catalog has.
func Explain(key string) (t lang.Text, ok bool) {
	t, ok = AllExplanations[key]
	return t, ok
}

// Explanations holds the Romanian and English sentence for every explanation
// key the world itself produces; the protocol packages hold their own.
var Explanations = lang.Catalog{
	"sim.kind.connect":    {RO: "conectare", EN: "connect"},
	"sim.kind.disconnect": {RO: "deconectare", EN: "disconnect"},
	"sim.kind.command":    {RO: "comandă", EN: "command"},
	"sim.kind.reply":      {RO: "răspuns", EN: "reply"},
	"sim.kind.data":       {RO: "date", EN: "data"},
	"sim.kind.dns-query":  {RO: "întrebare DNS", EN: "DNS query"},
	"sim.kind.dns-answer": {RO: "răspuns DNS", EN: "DNS answer"},
	"sim.kind.submit":     {RO: "predare", EN: "submit"},
	"sim.kind.store":      {RO: "stocare", EN: "store"},
	"sim.kind.fetch":      {RO: "citire", EN: "fetch"},
	"sim.kind.delete":     {RO: "ștergere", EN: "delete"},
	"sim.kind.state":      {RO: "stare", EN: "state"},
	"sim.kind.fault":      {RO: "eroare", EN: "fault"},
	"sim.kind.note":       {RO: "notă", EN: "note"},
	"sim.dir.push":        {RO: "push", EN: "push"},
	"sim.dir.pull":        {RO: "pull", EN: "pull"},
	"sim.dir.local":       {RO: "local", EN: "local"},
	"sim.mailbox":         {RO: "căsuța poștală", EN: "mailbox"},
	"sim.submit": {
		RO: "Agentul utilizator predă mesajul clientului MTA de pe același sistem, care îl pune în coada de ieșire.",
		EN: "The user agent hands the message to the MTA client on the same system, which puts it in the outgoing queue.",
	},
	"sim.store": {
		RO: "Serverul MTA scrie mesajul în căsuța poștală a destinatarului, pe sistemul care o găzduiește; acolo mesajul așteaptă până când destinatarul îl citește.",
		EN: "The MTA server writes the message into the recipient's mailbox, on the system that holds it; the message waits there until the recipient reads it.",
	},
	"sim.store.local": {
		RO: "UA-ul expeditorului scrie mesajul direct în căsuța poștală a destinatarului, pe același sistem: fără rețea și fără alt program între ei.",
		EN: "The sender's user agent writes the message straight into the recipient's mailbox, on the same system: no network and no other program in between.",
	},
	"sim.store.bounce": {
		RO: "Clientul MTA care a primit refuzul scrie raportul de eroare (RFC 3464) în căsuța poștală a expeditorului, pe sistemul său.",
		EN: "The MTA client that got the refusal writes the error report (RFC 3464) into the sender's mailbox, on its own system.",
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
	"sim.compose.local": {
		RO: "Expeditorul și destinatarul sunt pe același sistem: mesajul ajunge direct în căsuța poștală a destinatarului, fără rețea.",
		EN: "Sender and receiver share one system: the message goes straight into the receiver's mailbox, with no network.",
	},
	"sim.relay.forward": {
		RO: "Adresa destinatarului trimite mai departe la o adresă nouă: serverul de mail și-a asumat livrarea prin 251 și pune mesajul în coada clientului său MTA, cu adresa nouă ca destinatar.",
		EN: "The recipient's address forwards to a new one: the mail server took on the delivery with 251 and queues the message for its own MTA client, with the new address as the recipient.",
	},
	"sim.relay.queue": {
		RO: "Serverul de mail a acceptat mesajul pentru alt domeniu și îl pune în coada clientului său MTA, care îl va trimite mai departe.",
		EN: "The mail server accepted the message for another domain and queues it for its own MTA client, which will pass it on.",
	},
	"sim.queue.retry": {
		RO: "A trecut timpul de așteptare: clientul MTA încearcă din nou să livreze mesajul amânat.",
		EN: "The waiting time is over: the MTA client tries again to deliver the deferred message.",
	},
	"sim.bounce": {
		RO: "Livrarea a eșuat definitiv: clientul MTA care a primit răspunsul 5xx (sau a renunțat după prea multe încercări) alcătuiește pentru expeditor o notificare de nelivrare (bounce) cu motivul.",
		EN: "Delivery failed for good: the MTA client that got the 5xx reply (or gave up after too many tries) composes an error report (a bounce) for the sender, with the reason.",
	},
	"sim.bounce.moved": {
		RO: "Serverul a refuzat definitiv cu 551 și a spus unde s-a mutat destinatarul: clientul MTA nu trimite singur la adresa nouă, ci alcătuiește pentru expeditor o notificare de nelivrare care citează răspunsul, cu tot cu adresa nouă. Expeditorul hotărăște dacă îi scrie acolo.",
		EN: "The server refused for good with 551 and said where the recipient has moved: the MTA client does not send to the new address by itself, but composes for the sender a bounce that quotes the reply, new address included. The sender decides whether to write there.",
	},
	"sim.read.pop3": {
		RO: "Agentul utilizator e pe alt sistem decât căsuța poștală: cere clientului MAA să aducă mesajele prin POP3 (pull).",
		EN: "The user agent is on another system than the mailbox: it asks the MAA client to fetch the mail with POP3 (pull).",
	},
	"sim.fetch.pop3": {
		RO: "Clientul MAA, care are mesajul pe sistemul cititorului încă de la răspunsul la RETR, îl predă agentului utilizator, iar acesta îl pune în folderul local al utilizatorului.",
		EN: "The MAA client, which has held the message on the reader's system since the reply to RETR, hands it to the user agent, which files it in the user's local folder.",
	},
	"sim.delete": {
		RO: "În starea UPDATE, după QUIT, serverul POP3 șterge definitiv mesajul marcat cu DELE: abia acum dispare din căsuța poștală.",
		EN: "In the UPDATE state, after QUIT, the POP3 server removes the message marked with DELE for good: only now is it gone from the mailbox.",
	},
	"sim.read.imap": {
		RO: "Agentul utilizator e pe alt sistem decât căsuța poștală: cere clientului MAA să citească mesajele prin IMAP; ele rămân pe server, în foldere.",
		EN: "The user agent is on another system than the mailbox: it asks the MAA client to read the mail with IMAP; it stays on the server, in folders.",
	},
	"sim.fetch.imap": {
		RO: "Clientul MAA, care are pe sistemul cititorului ce a adus prin IMAP încă de la răspunsul la FETCH, îl predă agentului utilizator, iar acesta îl pune în folderul local al utilizatorului: mesajul întreg sau, la o citire parțială, doar antetul și începutul textului.",
		EN: "The MAA client, which has held what it fetched with IMAP on the reader's system since the reply to FETCH, hands it to the user agent, which files it in the user's local folder: the whole message or, in a partial fetch, only the header and the start of the text.",
	},
	"sim.delete.imap": {
		RO: "Mesajul marcat \\Deleted a fost eliminat cu EXPUNGE: dispare din căsuța poștală de pe server.",
		EN: "The message flagged \\Deleted was removed with EXPUNGE: it is gone from the mailbox on the server.",
	},
	"imap.connect": {
		RO: "Clientul MAA deschide o conexiune TCP către portul 143 al serverului IMAP.",
		EN: "The MAA client opens a TCP connection to port 143 of the IMAP server.",
	},
	"imap.disconnect": {
		RO: "Conexiunea IMAP se închide.",
		EN: "The IMAP connection closes.",
	},
	"pop3.connect": {
		RO: "Clientul MAA deschide o conexiune TCP către portul 110 al serverului POP3.",
		EN: "The MAA client opens a TCP connection to port 110 of the POP3 server.",
	},
	"pop3.disconnect": {
		RO: "Conexiunea POP3 se închide.",
		EN: "The POP3 connection closes.",
	},
	"sim.fault.connect": {
		RO: "Serverul nu răspunde la conexiune (căzut sau inaccesibil); după timeout se încearcă următorul MX.",
		EN: "The server does not answer the connection (down or unreachable); after a timeout the next MX is tried.",
	},
	"sim.fault.double-bounce": {
		RO: "Un mesaj de eroare nu a putut fi livrat; nu se trimite eroare despre eroare, ca să nu apară o buclă.",
		EN: "An error message could not be delivered; no error is sent about an error, so that no loop can start.",
	},
	"sim.data": {
		RO: "Textul mesajului (antet, linie goală, corp), terminat cu o linie care conține doar „.”: abia după ea serverul răspunde.",
		EN: "The message text (header, blank line, body), ended by a line holding only '.': only after it does the server reply.",
	},
	"sim.data.abandoned": {
		RO: "Conexiunea s-a închis înainte de linia cu punct: textul primit până aici se aruncă, nimic nu se livrează.",
		EN: "The connection closed before the line with the dot: the text received so far is thrown away, nothing is delivered.",
	},
	"sim.fault.compose": {
		RO: "Mesajul nu a putut fi alcătuit; motivul e scris pe linie.",
		EN: "The message could not be put together; the line says why.",
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
