package mime

import "mailsim/lang"

// MediaType is one row of the lecture's table of MIME types and subtypes.
type MediaType struct {
	Type    string    `json:"type"`
	Subtype string    `json:"subtype"`
	About   lang.Text `json:"about"`
}

// MediaTypes is the lecture's table "Tipuri și subtipuri de date în MIME",
// in its order, for the composer's browsable list.
var MediaTypes = []MediaType{
	{"text", "plain", lang.Text{RO: "Text neformatat.", EN: "Unformatted text."}},
	{"text", "html", lang.Text{RO: "Text în format HTML.", EN: "Text in HTML format."}},
	{"multipart", "mixed", lang.Text{RO: "Corpul conține părți ordonate de tipuri diferite (de ex. text și atașamente).", EN: "The body holds ordered parts of different types (e.g. text and attachments)."}},
	{"multipart", "parallel", lang.Text{RO: "Ca mixed, dar fără ordine între părți.", EN: "Like mixed, but the parts have no order."}},
	{"multipart", "digest", lang.Text{RO: "Ca mixed, dar tipul implicit al părților este message/rfc822.", EN: "Like mixed, but the parts' default type is message/rfc822."}},
	{"multipart", "alternative", lang.Text{RO: "Părțile sunt versiuni diferite ale aceluiași mesaj (text și HTML); cititorul o alege pe cea mai bună.", EN: "The parts are versions of the same message (text and HTML); the reader picks the best one."}},
	{"message", "rfc822", lang.Text{RO: "Corpul este un mesaj încapsulat.", EN: "The body is an encapsulated message."}},
	{"message", "partial", lang.Text{RO: "Corpul este un fragment dintr-un mesaj mai mare.", EN: "The body is a fragment of a bigger message."}},
	{"message", "external-body", lang.Text{RO: "Corpul este o referință la alt mesaj.", EN: "The body is a reference to another message."}},
	{"image", "jpeg", lang.Text{RO: "Imagine în format JPEG.", EN: "An image in JPEG format."}},
	{"image", "gif", lang.Text{RO: "Imagine în format GIF.", EN: "An image in GIF format."}},
	{"video", "mpeg", lang.Text{RO: "Video în format MPEG.", EN: "Video in MPEG format."}},
	{"audio", "basic", lang.Text{RO: "Voce pe un canal, codificată la 8 kHz.", EN: "Single-channel voice encoded at 8 kHz."}},
	{"application", "postscript", lang.Text{RO: "Document Adobe PostScript.", EN: "An Adobe PostScript document."}},
	{"application", "octet-stream", lang.Text{RO: "Date binare oarecare (octeți de 8 biți).", EN: "General binary data (eight-bit bytes)."}},
}

// TransferEncoding is one row of the lecture's Content-Transfer-Encoding table.
type TransferEncoding struct {
	Name  string    `json:"name"`
	About lang.Text `json:"about"`
}

// TransferEncodings is the lecture's table "Tipuri de Content-transfer-encoding".
var TransferEncodings = []TransferEncoding{
	{Enc7bit, lang.Text{RO: "Caractere ASCII NVT și linii scurte.", EN: "NVT ASCII characters and short lines."}},
	{Enc8bit, lang.Text{RO: "Caractere non-ASCII și linii scurte.", EN: "Non-ASCII characters and short lines."}},
	{EncBinary, lang.Text{RO: "Caractere non-ASCII cu linii de orice lungime.", EN: "Non-ASCII characters with lines of any length."}},
	{EncBase64, lang.Text{RO: "Blocuri de 6 biți codificate în caractere ASCII de 8 biți.", EN: "6-bit blocks of data encoded into 8-bit ASCII characters."}},
	{EncQP, lang.Text{RO: "Caracterele non-ASCII devin un semn egal urmat de codul lor în hexazecimal.", EN: "Non-ASCII characters become an equal sign followed by their code in hexadecimal."}},
}
