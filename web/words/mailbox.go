package words

import "mailsim/lang"

// uiMailbox is the mailbox panel's words for where a mailbox lives, for
// the marks the access protocols put on a message before it is removed,
// and for a lab mailbox shown a page at a time, whose messages' texts are
// fetched when opened.
var uiMailbox = lang.Catalog{
	"mailbox.on":           {RO: "pe", EN: "on"},
	"message.deleted":      {RO: "✗ marcat pentru ștergere", EN: "✗ marked for deletion"},
	"message.deleted.hint": {RO: "DELE (POP3) sau \\Deleted (IMAP): mesajul rămâne în căsuța poștală până la QUIT, respectiv EXPUNGE", EN: "DELE (POP3) or \\Deleted (IMAP): the message stays in the mailbox until QUIT, or EXPUNGE"},
	"mailbox.older":        {RO: "Mai vechi →", EN: "Older →"},
	"mailbox.newer":        {RO: "← Mai noi", EN: "← Newer"},
	"mailbox.range":        {RO: "%d–%d din %d", EN: "%d–%d of %d"},
	"message.loading":      {RO: "Se încarcă textul mesajului…", EN: "Loading the message text…"},
	"message.gone":         {RO: "Mesajul nu mai este în căsuța poștală.", EN: "The message is no longer in the mailbox."},
	"message.truncated":    {RO: "… doar începutul mesajului; citește-l întreg cu RETR (POP3) sau FETCH (IMAP).", EN: "… only the start of the message; read it whole with RETR (POP3) or FETCH (IMAP)."},
	"lab.cross-origin":     {RO: "Cerere refuzată: doar paginile acestui server pot citi poșta laboratorului.", EN: "Request refused: only this server's pages may read the lab's mail."},
}
