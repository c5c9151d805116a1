package words

import "mailsim/lang"

// uiTLS holds the words of the live lab's TLS: the mark on a line that a
// session sent or received inside TLS.
var uiTLS = lang.Catalog{
	"transcript.tls": {
		RO: "în interiorul TLS: pe fir a trecut criptat, serverul arată ce a decriptat",
		EN: "inside TLS: it crossed the wire encrypted, the server shows what it decrypted",
	},
}
