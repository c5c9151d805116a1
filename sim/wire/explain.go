package wire

import "mailsim/lang"

// Explanations holds the sentence for every key this package gives a line
// of its own; every other line is a machine's and explained by its package.
var Explanations = lang.Catalog{
	KeyPOP3TooMany: {
		RO: "Serverul are deja prea multe conexiuni deschise și o refuză pe aceasta; clientul poate reîncerca mai târziu.",
		EN: "The server already has too many open connections and refuses this one; the client may try again later.",
	},
	KeyIMAPTooMany: {
		RO: "Serverul IMAP are deja prea multe conexiuni deschise: în loc de salut trimite BYE și închide; clientul poate reîncerca mai târziu.",
		EN: "The IMAP server already has too many open connections: instead of a greeting it sends BYE and closes; the client may try again later.",
	},
}
