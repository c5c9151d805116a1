package words

import "mailsim/lang"

// uiPlayer is the player's words beyond the first version's in uiCore: the
// ladder, the state diagrams, the message inspector, predict and
// presentation modes, and the exports.
var uiPlayer = lang.Catalog{
	"player.why":   {RO: "De ce? Citește lecția:", EN: "Why? Read the lesson:"},
	"ladder.title": {RO: "Diagrama de secvență", EN: "Sequence diagram"},

	"state.smtp": {RO: "Stările serverului SMTP", EN: "SMTP server states"},
	"state.pop3": {RO: "Stările serverului POP3", EN: "POP3 server states"},
	"state.imap": {RO: "Stările serverului IMAP", EN: "IMAP server states"},

	"state.edge.close":   {RO: "închidere", EN: "close"},
	"state.smtp.lenient": {RO: "Linia întreruptă: Postfix acceptă MAIL imediat după 220, deși RFC 5321 §4.1.4 cere întâi EHLO (sau HELO).", EN: "Dashed line: Postfix accepts MAIL straight after the 220, though RFC 5321 §4.1.4 wants EHLO (or HELO) first."},

	"topology.mailbox": {RO: "Căsuță poștală", EN: "Mailbox"},

	"ctl.end":      {RO: "La sfârșit", EN: "End"},
	"ctl.speed":    {RO: "Viteză", EN: "Speed"},
	"ctl.progress": {RO: "Pasul scenariului", EN: "Scenario step"},

	"present.toggle": {RO: "Prezentare (P)", EN: "Present (P)"},

	"predict.toggle":   {RO: "Ghicește răspunsul (Q)", EN: "Predict replies (Q)"},
	"predict.question": {RO: "Ce răspunde serverul la", EN: "What does the server answer to"},
	"predict.greeting": {RO: "deschiderea conexiunii", EN: "the new connection"},
	"predict.dataend":  {RO: "sfârșitul mesajului (linia „.”)", EN: "the end of the message (the “.” line)"},
	"predict.choices":  {RO: "Răspunsuri posibile", EN: "Possible replies"},
	"predict.right":    {RO: "Corect!", EN: "Right!"},
	"predict.wrong":    {RO: "Greșit: răspunsul a fost", EN: "Wrong: the reply was"},
	"predict.score":    {RO: "Scor:", EN: "Score:"},

	"predict.question.imap": {RO: "Cu ce încheie serverul comanda", EN: "How does the server complete the command"},
	"predict.untagged":      {RO: "Ce a trimis serverul înainte de încheiere:", EN: "What the server sent before the completion:"},
	"predict.start":         {RO: "Apasă →: înainte de fiecare răspuns al serverului vine o întrebare.", EN: "Press →: a question comes before each reply of the server."},
	"predict.next":          {RO: "Nicio întrebare la acest pas. Pași până la următoarea, care vine înaintea răspunsului serverului: {n}.", EN: "No question at this step. Steps to the next one, which comes before the server's reply: {n}."},
	"predict.none":          {RO: "Nu mai urmează nicio întrebare în acest scenariu.", EN: "No more questions in this scenario."},
	"predict.legend.pop3":   {RO: "+OK … = +OK urmat de alte linii, până la o linie cu un singur „.”; -ERR [SYS/TEMP] = eroare temporară; -ERR [AUTH] = date de autentificare respinse (RFC 3206).", EN: "+OK … = +OK followed by more lines, up to a line holding only “.”; -ERR [SYS/TEMP] = a temporary failure; -ERR [AUTH] = credentials refused (RFC 3206)."},

	"inspect.title":      {RO: "Mesajul", EN: "Message"},
	"inspect.none":       {RO: "Niciun mesaj încă.", EN: "No message yet."},
	"inspect.envelope":   {RO: "Plicul (SMTP)", EN: "Envelope (SMTP)"},
	"inspect.header":     {RO: "Antetul", EN: "Header"},
	"inspect.body":       {RO: "Corpul", EN: "Body"},
	"inspect.tree":       {RO: "Arborele MIME", EN: "MIME tree"},
	"inspect.raw":        {RO: "Octeții exacți", EN: "Raw bytes"},
	"inspect.raw.legend": {RO: "= CRLF la capăt de linie; punctele evidențiate sunt adăugate de dot-stuffing sau încheie mesajul.", EN: "= CRLF at each line end; highlighted dots are added by dot-stuffing or end the message."},
	"inspect.wire.smtp":  {RO: "Pe fir, în DATA (SMTP): liniile care încep cu „.” primesc un punct în plus, iar o linie cu „.” încheie mesajul.", EN: "On the wire, inside DATA (SMTP): lines starting with “.” get one more dot, and a line holding “.” ends the message."},
	"inspect.wire.pop3":  {RO: "Pe fir, în răspunsul la RETR (POP3), cu același dot-stuffing ca SMTP.", EN: "On the wire, in the reply to RETR (POP3), with the same dot-stuffing as SMTP."},
	"inspect.wire.imap":  {RO: "Pe fir, în răspunsul la FETCH (IMAP): textul vine ca literal {n}: exact n octeți, deci fără dot-stuffing și fără „.” la sfârșit.", EN: "On the wire, in the reply to FETCH (IMAP): the text comes as a literal {n}, n counted octets, so without dot-stuffing and without a closing “.”."},
	"inspect.consumed":   {RO: "Plicul s-a consumat la livrare; a rămas Return-Path (și „for” din Received).", EN: "The envelope was consumed at delivery; Return-Path (and Received's “for”) remain."},
	"inspect.place":      {RO: "Copia din", EN: "The copy in"},
	"inspect.queue":      {RO: "În coada de ieșire, înainte de SMTP.", EN: "In the outgoing queue, before SMTP."},
	"inspect.waiting":    {RO: "fără răspuns încă", EN: "no reply yet"},
	"inspect.noenvelope": {RO: "—", EN: "—"},
	"inspect.decoded":    {RO: "după decodare", EN: "after decoding"},

	"export.title":      {RO: "Export pentru slide-uri", EN: "Export for slides"},
	"export.transcript": {RO: "Transcriere (.txt)", EN: "Transcript (.txt)"},
	"export.ladder":     {RO: "Diagramă (.svg)", EN: "Diagram (.svg)"},
	"export.eml":        {RO: "Mesaj (.eml)", EN: "Message (.eml)"},
}
