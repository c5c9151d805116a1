package words

import "mailsim/lang"

// uiCore is the words of the frame, the home page and the player.
var uiCore = lang.Catalog{
	"app.name":      {RO: "mailsim", EN: "mailsim"},
	"app.tagline":   {RO: "Poșta electronică pas cu pas: UA, MTA, MAA, SMTP, POP3, IMAP", EN: "E-mail step by step: UA, MTA, MAA, SMTP, POP3, IMAP"},
	"lang.switch":   {RO: "Limba", EN: "Language"},
	"lang.ro":       {RO: "Română", EN: "Romanian"},
	"lang.en":       {RO: "Engleză", EN: "English"},
	"nav.home":      {RO: "Toate scenariile", EN: "All scenarios"},
	"nav.sections":  {RO: "Secțiuni", EN: "Sections"},
	"nav.scenarios": {RO: "Scenarii", EN: "Scenarios"},

	"home.title":    {RO: "Învață cum circulă poșta electronică", EN: "Learn how e-mail travels"},
	"home.open":     {RO: "Deschide", EN: "Open"},
	"home.lecture":  {RO: "Scenariile din curs", EN: "The lecture's scenarios"},
	"home.variants": {RO: "Variante: ce se întâmplă când ceva merge altfel", EN: "Variants: what happens when something goes otherwise"},
	"home.empty":    {RO: "Nu există niciun scenariu.", EN: "There are no scenarios."},
	"home.lessons":  {RO: "Lecții: de ce se întâmplă așa", EN: "Lessons: why it happens this way"},
	"home.lessons.text": {RO: "Teoria cursului, pas cu pas, cu scenariile și uneltele în pagină. Începe cu prima sau alege un subiect.",
		EN: "The lecture's theory, step by step, with the scenarios and tools in the page. Start with the first, or pick a topic."},

	"topology.title": {RO: "Topologie", EN: "Topology"},
	"legend.push":    {RO: "push (SMTP): poșta pleacă spre destinatar", EN: "push (SMTP): mail travels towards the recipient"},
	"legend.pull":    {RO: "pull (POP3, IMAP): cititorul își aduce poșta", EN: "pull (POP3, IMAP): the reader fetches the mail"},
	"legend.local":   {RO: "pe același sistem", EN: "on the same system"},
	"link.local":     {RO: "local", EN: "local"},
	"link.lan":       {RO: "LAN", EN: "LAN"},
	"link.wan":       {RO: "WAN", EN: "WAN"},
	"topology.dns":   {RO: "DNS (rezolvă MX și A)", EN: "DNS (resolves MX and A)"},

	"ctl.title":   {RO: "Comenzi", EN: "Controls"},
	"ctl.restart": {RO: "De la început", EN: "Restart"},
	"ctl.back":    {RO: "Înapoi", EN: "Back"},
	"ctl.play":    {RO: "Pornește", EN: "Play"},
	"ctl.pause":   {RO: "Pauză", EN: "Pause"},
	"ctl.step":    {RO: "Pas", EN: "Step"},
	"ctl.counter": {RO: "Pasul", EN: "Step"},
	"ctl.keys":    {RO: "Taste: spațiu = pornește/pauză, → sau PageDown = pas, ← sau PageUp = înapoi, Home = de la început, End = la sfârșit, P = prezentare, Q = ghicește", EN: "Keys: space = play/pause, → or PageDown = step, ← or PageUp = back, Home = restart, End = end, P = present, Q = predict"},
	"ctl.offline": {RO: "Legătura cu serverul s-a pierdut; reconectare…", EN: "Lost the connection to the server; reconnecting…"},

	"transcript.title": {RO: "Transcriere", EN: "Transcript"},
	"transcript.empty": {RO: "Apasă „Pas” pentru primul eveniment.", EN: "Press “Step” for the first event."},
	"transcript.ms":    {RO: "ms", EN: "ms"},

	"state.title": {RO: "Diagrame de stare", EN: "State diagrams"},

	"mailboxes.title": {RO: "Căsuțe poștale", EN: "Mailboxes"},
	"mailbox.empty":   {RO: "(goală)", EN: "(empty)"},
	"message.from":    {RO: "De la", EN: "From"},
	"message.seen":    {RO: "citit", EN: "read"},

	"error.notfound":        {RO: "Pagina nu există", EN: "Page not found"},
	"error.notfound.text":   {RO: "Nu există nimic la această adresă.", EN: "There is nothing at this address."},
	"error.noscenario.text": {RO: "Nu există un scenariu cu numele:", EN: "There is no scenario named:"},
	"error.method":          {RO: "Metodă nepermisă", EN: "Method not allowed"},
	"error.method.text":     {RO: "Această aplicație răspunde doar la cereri GET.", EN: "This application only answers GET requests."},
	"error.internal":        {RO: "Eroare internă", EN: "Internal error"},
	"error.internal.text":   {RO: "Scenariul nu a putut fi rulat. Detaliile sunt în jurnalul serverului.", EN: "The scenario could not be run. The details are in the server log."},
}
