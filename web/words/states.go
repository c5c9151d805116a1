package words

import "mailsim/lang"

// uiStates is the servers' state names as the diagrams show them. Events
// and the tables in machine.go use the stable English names of the
// protocol packages; the reader sees these. The Romanian follows the
// lecture's words where it has them ("faza de autorizare", "faza de
// tranzacție"); POP3's add RFC 1939's names, which the narration uses.
// SMTP's Data is "Textul mesajului", not "Date", which the inspector's
// Date header row would seem to mean.
var uiStates = lang.Catalog{
	"state.name.smtp.Connected": {RO: "Conectat", EN: "Connected"},
	"state.name.smtp.Greeted":   {RO: "Salutat", EN: "Greeted"},
	"state.name.smtp.Ready":     {RO: "Pregătit", EN: "Ready"},
	"state.name.smtp.MailFrom":  {RO: "Expeditor", EN: "MailFrom"},
	"state.name.smtp.RcptTo":    {RO: "Destinatari", EN: "RcptTo"},
	"state.name.smtp.Data":      {RO: "Textul mesajului", EN: "Data"},
	"state.name.smtp.Closed":    {RO: "Închis", EN: "Closed"},

	"state.name.pop3.Connected":     {RO: "Conectat", EN: "Connected"},
	"state.name.pop3.Authorization": {RO: "Autorizare (AUTHORIZATION)", EN: "Authorization"},
	"state.name.pop3.Transaction":   {RO: "Tranzacție (TRANSACTION)", EN: "Transaction"},
	"state.name.pop3.Update":        {RO: "Actualizare (UPDATE)", EN: "Update"},
	"state.name.pop3.Closed":        {RO: "Închis", EN: "Closed"},

	"state.name.imap.Connected":        {RO: "Conectat", EN: "Connected"},
	"state.name.imap.NotAuthenticated": {RO: "Neautentificat", EN: "NotAuthenticated"},
	"state.name.imap.Authenticated":    {RO: "Autentificat", EN: "Authenticated"},
	"state.name.imap.Selected":         {RO: "Folder selectat", EN: "Selected"},
	"state.name.imap.Logout":           {RO: "Deconectare", EN: "Logout"},

	"state.local": {RO: "Totul se petrece pe același sistem: agentul utilizator scrie mesajul direct în căsuța poștală, iar destinatarul îl citește de acolo. Niciun protocol nu trece prin rețea, deci nu e nicio diagramă de stare.", EN: "Everything happens on one system: the user agent writes the message straight into the mailbox, and the recipient reads it from there. No protocol crosses a network, so there is no state diagram."},
}
