package web

import "mailsim/lang"

// uiMailbox is the mailbox panel's words for where a mailbox lives and for
// the marks the access protocols put on a message before it is removed.
var uiMailbox = lang.Catalog{
	"mailbox.on":           {RO: "pe", EN: "on"},
	"message.deleted":      {RO: "✗ marcat pentru ștergere", EN: "✗ marked for deletion"},
	"message.deleted.hint": {RO: "DELE (POP3) sau \\Deleted (IMAP): mesajul rămâne în căsuța poștală până la QUIT, respectiv EXPUNGE", EN: "DELE (POP3) or \\Deleted (IMAP): the message stays in the mailbox until QUIT, or EXPUNGE"},
}
