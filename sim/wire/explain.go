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
	KeyTLSStart: {
		RO: "Aici începe TLS: de acum firul poartă înregistrări criptate, pe care cine ascultă pe rețea nu le poate citi; serverul îți arată ce a decriptat. Tot ce a trimis clientul după comanda de pornire și înainte de negociere a fost aruncat, necitit.",
		EN: "TLS begins here: from here on the wire carries encrypted records that an eavesdropper cannot read; the server shows what it decrypted. Whatever the client sent after the start command and before the handshake was thrown away unread.",
	},
}
