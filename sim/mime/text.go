package mime

import (
	"fmt"

	"mailsim/lang"
)

// Catalog holds every user-visible sentence of the package, by key. Texts with
// arguments are fmt formats whose verbs appear in the same order in both
// languages, so one argument list fills either.
var Catalog = lang.Catalog{
	// Input limits.
	"err.empty": {
		RO: "Intrarea este goală: scrie un text sau alege un fișier.",
		EN: "The input is empty: type some text or choose a file.",
	},
	"err.too-large": {
		RO: "Intrarea are %d octeți; laboratorul acceptă cel mult %d octeți.",
		EN: "The input has %d bytes; the lab accepts at most %d bytes.",
	},
	"err.not-utf8": {
		RO: "Textul nu este UTF-8 valid la octetul %d; tratează-l ca date binare.",
		EN: "The text is not valid UTF-8 at byte %d; treat it as binary data instead.",
	},
	// Composing messages.
	"err.no-parts": {
		RO: "Mesajul nu are nicio parte: adaugă un text sau un atașament.",
		EN: "The message has no part: add a text or an attachment.",
	},
	"err.bad-header": {
		RO: "Numele de câmp de antet %q nu este valid: doar litere ASCII, cifre și cratime, fără „:”.",
		EN: "The header field name %q is not valid: ASCII letters, digits and hyphens only, no ':'.",
	},
	"err.header-break": {
		RO: "Câmpul %s conține un sfârșit de linie; așa s-ar putea strecura antete false, deci e refuzat.",
		EN: "The field %s contains a line break; that would let false header fields slip in, so it is refused.",
	},
	"err.bad-type": {
		RO: "Tipul %q nu este un tip MIME tip/subtip valid pentru o parte (de ex. text/plain, image/png).",
		EN: "The type %q is not a valid type/subtype for a part (e.g. text/plain, image/png).",
	},
	"err.bad-encoding": {
		RO: "Codificarea %q nu există; alege 7bit, 8bit, binary, base64 sau quoted-printable.",
		EN: "There is no encoding %q; choose 7bit, 8bit, binary, base64 or quoted-printable.",
	},
	"err.binary": {
		RO: "Codificarea binary nu poate trece prin comanda DATA a SMTP (ar cere extensia BINARYMIME, RFC 3030); alege base64.",
		EN: "The binary encoding cannot pass through SMTP's DATA command (it needs the BINARYMIME extension, RFC 3030); choose base64.",
	},
	"err.nul": {
		RO: "Codificarea %s nu permite octetul NUL (0), găsit la poziția %d; alege base64.",
		EN: "The %s encoding does not allow the NUL byte (0), found at offset %d; choose base64.",
	},
	"err.not-7bit": {
		RO: "7bit permite doar ASCII, dar octetul de la poziția %d (linia %d) e peste 127; alege quoted-printable, base64 sau 8bit.",
		EN: "7bit allows ASCII only, but the byte at offset %d (line %d) is above 127; choose quoted-printable, base64 or 8bit.",
	},
	"err.long-line": {
		RO: "Linia %d are %d octeți, peste limita de 998 a SMTP pentru %s; alege quoted-printable sau base64, care împart liniile.",
		EN: "Line %d has %d octets, over SMTP's limit of 998 for %s; choose quoted-printable or base64, which break lines.",
	},
	"err.malformed": {
		RO: "Mesajul nu poate fi analizat: %s.",
		EN: "The message cannot be parsed: %s.",
	},
	"err.too-deep": {
		RO: "Mesajul are părți imbricate pe mai mult de %d niveluri sau peste %d părți; analiza se oprește aici.",
		EN: "The message nests parts deeper than %d levels or has over %d parts; parsing stops here.",
	},
	// Base64 decoding.
	"err.not-in-alphabet": {
		RO: "Caracterul %s de la poziția %d nu face parte din alfabetul Base64 (A–Z, a–z, 0–9, +, /).",
		EN: "The character %s at offset %d is not in the Base64 alphabet (A–Z, a–z, 0–9, +, /).",
	},
	"err.misplaced-padding": {
		RO: "Semnul %s de la poziția %d este în locul greșit: completarea poate ocupa doar ultima sau ultimele două poziții ale grupului final de patru.",
		EN: "The %s at offset %d is in the wrong place: padding may only fill the last one or two positions of the final group of four.",
	},
	"err.data-after-padding": {
		RO: "Caracterul %s de la poziția %d vine după completarea „=” care a încheiat datele.",
		EN: "The character %s at offset %d comes after the '=' padding that ended the data.",
	},
	"err.bad-length": {
		RO: "Textul are %d caractere Base64, care nu sunt multiplu de 4: ultimul grup, de la poziția %d, are doar %d.",
		EN: "The text has %d Base64 characters, not a multiple of 4: the last group, from offset %d, has only %d.",
	},
	// uuencode.
	"err.bad-name": {
		RO: "Numele fișierului pentru linia „begin” trebuie să aibă între 1 și 255 de caractere, fără caractere de control.",
		EN: "The file name for the 'begin' line must have 1 to 255 characters and no control characters.",
	},
	// Exercises.
	"err.bad-kind": {
		RO: "Tip de exercițiu necunoscut %q; tipurile sunt encode, padding și decode.",
		EN: "Unknown exercise kind %q; the kinds are encode, padding and decode.",
	},
	"err.exercise-size": {
		RO: "Un exercițiu de lucrat de mână are cel mult %d octeți de intrare; acesta are %d.",
		EN: "An exercise worked by hand takes at most %d input bytes; this one has %d.",
	},
	"err.padding-remainder": {
		RO: "Un exercițiu de completare are nevoie de 1 sau 2 octeți rămași la final; %d octeți se împart exact în grupuri de 3.",
		EN: "A padding exercise needs 1 or 2 bytes left at the end; %d bytes split exactly into groups of 3.",
	},
	// Base64 padding rules shown beside a final group.
	"rule.pad-none": {
		RO: "3 octeți = 24 de biți = exact 4 grupe de 6 biți: nu e nevoie de completare.",
		EN: "3 bytes = 24 bits = exactly four 6-bit groups: no padding is needed.",
	},
	"rule.pad-two": {
		RO: "A rămas 1 octet: cei 8 biți plus 4 biți 0 dau 2 caractere, iar cele 2 poziții lipsă devin „==”.",
		EN: "1 byte is left: its 8 bits plus 4 zero bits make 2 characters, and the 2 missing positions become '=='.",
	},
	"rule.pad-one": {
		RO: "Au rămas 2 octeți: cei 16 biți plus 2 biți 0 dau 3 caractere, iar poziția lipsă devine „=”.",
		EN: "2 bytes are left: their 16 bits plus 2 zero bits make 3 characters, and the missing position becomes '='.",
	},
	"note.nonzero-discarded": {
		RO: "Biții rămași după ultimul octet nu sunt toți 0; decodorii îngăduitori (ca encoding/base64 din Go) îi ignoră, cei stricți resping textul.",
		EN: "The bits left over after the last byte are not all zero; lenient decoders (like Go's encoding/base64) ignore them, strict ones reject the text.",
	},
	// Quoted-printable reasons.
	"qp.literal": {
		RO: "Caracter ASCII tipăribil: se copiază ca atare.",
		EN: "Printable ASCII character: copied as it is.",
	},
	"qp.non-ascii": {
		RO: "Octet peste 127 (nu e ASCII): se scrie „=” urmat de valoarea hexazecimală.",
		EN: "Byte above 127 (not ASCII): written as '=' and its hexadecimal value.",
	},
	"qp.equals": {
		RO: "Semnul „=” însuși introduce codurile, deci se scrie „=3D”.",
		EN: "The '=' sign itself introduces escapes, so it is written as '=3D'.",
	},
	"qp.control": {
		RO: "Caracter de control: se scrie „=” urmat de valoarea hexazecimală.",
		EN: "Control character: written as '=' and its hexadecimal value.",
	},
	"qp.trailing-space": {
		RO: "Spațiu sau tab la sfârșit de rând: unele transporturi îl șterg, deci se codifică.",
		EN: "Space or tab at the end of a line: some transports strip it, so it is escaped.",
	},
	"qp.hard-break": {
		RO: "Sfârșit de rând în text: devine CRLF.",
		EN: "End of a line in the text: becomes CRLF.",
	},
	"qp.soft-break": {
		RO: "Rândul ar depăși 76 de caractere: „=” la final marchează o rupere moale, pe care decodorul o elimină.",
		EN: "The line would exceed 76 characters: a final '=' marks a soft line break, which the decoder removes.",
	},
	// Exercise hints, one per cell kind.
	"hint.byte-bits": {
		RO: "Scrie valoarea zecimală a octetului în binar pe 8 biți, cel mai semnificativ bit primul, completând cu 0 la stânga (ponderi 128 64 32 16 8 4 2 1).",
		EN: "Write the byte's decimal value in binary on 8 bits, most significant bit first, padding with 0 on the left (weights 128 64 32 16 8 4 2 1).",
	},
	"hint.sextet-bits": {
		RO: "Pune biții octeților unul după altul (24 de biți) și taie-i în ordine în grupe de câte 6.",
		EN: "Put the bytes' bits one after another (24 bits) and cut them, in order, into groups of 6.",
	},
	"hint.index": {
		RO: "Citește cei 6 biți ca număr binar, cu ponderile 32 16 8 4 2 1; rezultatul este între 0 și 63.",
		EN: "Read the 6 bits as a binary number with weights 32 16 8 4 2 1; the result is between 0 and 63.",
	},
	"hint.char": {
		RO: "Caută indicele în tabel: 0–25 sunt A–Z, 26–51 sunt a–z, 52–61 sunt 0–9, 62 este +, 63 este /.",
		EN: "Look the index up in the table: 0–25 are A–Z, 26–51 are a–z, 52–61 are 0–9, 62 is + and 63 is /.",
	},
	"hint.char-case": {
		RO: "Litera este bună, dar Base64 face diferența între majuscule și minuscule: A–Z sunt 0–25, a–z sunt 26–51.",
		EN: "Right letter, wrong case: Base64 tells upper from lower case, A–Z are 0–25 and a–z are 26–51.",
	},
	"hint.pad-char": {
		RO: "Poziția nu are biți de date: 1 octet rămas dă „==”, 2 octeți rămași dau „=”.",
		EN: "This position has no data bits: 1 byte left gives '==', 2 bytes left give '='.",
	},
	"hint.fill": {
		RO: "Adaugă biți 0 până când ultima grupă are 6 biți: după 8 biți de date se adaugă 4, după 16 se adaugă 2.",
		EN: "Add zero bits until the last group has 6 bits: 8 data bits need 4 more, 16 need 2.",
	},
	"hint.decode-index": {
		RO: "Caută caracterul în tabel și scrie-i indicele: A–Z sunt 0–25, a–z sunt 26–51, 0–9 sunt 52–61, + este 62, / este 63.",
		EN: "Find the character in the table and write its index: A–Z are 0–25, a–z are 26–51, 0–9 are 52–61, + is 62, / is 63.",
	},
	"hint.decode-sextet": {
		RO: "Scrie indicele în binar pe exact 6 biți, completând cu 0 la stânga.",
		EN: "Write the index in binary on exactly 6 bits, padding with 0 on the left.",
	},
	"hint.decode-byte-bits": {
		RO: "Pune grupele de 6 biți una după alta și taie șirul în octeți de câte 8 biți; biții rămași la final se ignoră.",
		EN: "Put the 6-bit groups one after another and cut the string into bytes of 8 bits; bits left over at the end are dropped.",
	},
	"hint.decode-value": {
		RO: "Citește cei 8 biți ca număr (128 64 32 16 8 4 2 1) și scrie caracterul ASCII sau valoarea zecimală.",
		EN: "Read the 8 bits as a number (128 64 32 16 8 4 2 1) and write the ASCII character or the decimal value.",
	},
	// Exercise prompts.
	"prompt.encode": {
		RO: "Codifică în Base64: scrie fiecare octet în binar, taie cei 24 de biți în grupe de 6, apoi dă indicii și caracterele.",
		EN: "Encode in Base64: write each byte in binary, cut the 24 bits into groups of 6, then give the indices and the characters.",
	},
	"prompt.padding": {
		RO: "Codifică în Base64 un text a cărui lungime nu se împarte la 3: câți biți 0 se adaugă și unde apare „=”?",
		EN: "Encode in Base64 a text whose length is not a multiple of 3: how many zero bits are added, and where does '=' appear?",
	},
	"prompt.decode": {
		RO: "Decodifică din Base64: indicele fiecărui caracter, grupele de 6 biți, octeții în binar și caracterele obținute.",
		EN: "Decode from Base64: each character's index, the 6-bit groups, the bytes in binary and the characters they give.",
	},
	// Digest steps.
	"digest.timestamp":         {RO: "Marca de timp din salutul serverului", EN: "Timestamp from the server greeting"},
	"digest.secret":            {RO: "Secretul partajat", EN: "Shared secret"},
	"digest.md5-input":         {RO: "Șirul dat lui MD5: marca de timp urmată de secret", EN: "The string MD5 is applied to: the timestamp followed by the secret"},
	"digest.digest":            {RO: "Rezumatul MD5, 16 octeți în hexazecimal", EN: "The MD5 digest, 16 bytes in hexadecimal"},
	"digest.challenge":         {RO: "Provocarea serverului, în Base64", EN: "The server's challenge, in Base64"},
	"digest.challenge-decoded": {RO: "Provocarea decodificată", EN: "The decoded challenge"},
	"digest.key":               {RO: "Cheia HMAC: secretul", EN: "The HMAC key: the secret"},
	"digest.key-md5":           {RO: "Cheia are peste 64 de octeți, deci se înlocuiește cu MD5-ul ei", EN: "The key is longer than 64 bytes, so it is replaced by its MD5"},
	"digest.key-block":         {RO: "Cheia completată cu octeți 0 până la 64 de octeți (blocul MD5)", EN: "The key padded with zero bytes to 64 bytes (the MD5 block)"},
	"digest.ipad-key":          {RO: "Cheia XOR ipad (0x36 repetat)", EN: "The key XOR ipad (0x36 repeated)"},
	"digest.opad-key":          {RO: "Cheia XOR opad (0x5c repetat)", EN: "The key XOR opad (0x5c repeated)"},
	"digest.inner-hash":        {RO: "Rezumatul interior: MD5((cheie XOR ipad) + provocare)", EN: "Inner hash: MD5((key XOR ipad) + challenge)"},
	"digest.outer-hash":        {RO: "Rezumatul exterior: MD5((cheie XOR opad) + rezumatul interior) = HMAC-MD5", EN: "Outer hash: MD5((key XOR opad) + inner hash) = HMAC-MD5"},
	"digest.response-plain":    {RO: "Răspunsul: utilizatorul, un spațiu și HMAC-ul în hexazecimal", EN: "The response: the user, a space and the HMAC in hexadecimal"},
	"digest.response":          {RO: "Răspunsul trimis, în Base64", EN: "The response sent, in Base64"},
}

// msg fills the catalog entry key with args in both languages.
func msg(key string, args ...any) lang.Text {
	t := Catalog[key]
	if len(args) == 0 {
		return t
	}
	return lang.Text{RO: fmt.Sprintf(t.RO, args...), EN: fmt.Sprintf(t.EN, args...)}
}

// ref returns a pointer to a catalog text, for optional JSON fields.
func ref(key string) *lang.Text {
	t := Catalog[key]
	return &t
}
