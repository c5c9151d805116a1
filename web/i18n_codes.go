package web

import "mailsim/lang"

// uiCodes is the words of the reply-code page (/codes), of the places where
// the lecture differs from the RFCs (on that page and on the APOP page), and
// of the nslookup console's invitation to replay the lecture's session.
var uiCodes = lang.Catalog{
	"nslookup.lecture": {RO: "Sesiunea din curs, linie cu linie:", EN: "The lecture's session, line by line:"},
}
