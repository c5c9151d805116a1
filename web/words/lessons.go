package words

import "mailsim/lang"

// uiLessons is the words of the lessons (/lessons): the index, a lesson's
// frame, its widgets and its quizzes, and the names of the lecture's topics.
var uiLessons = lang.Catalog{
	"nav.lessons":     {RO: "Lecții", EN: "Lessons"},
	"lessons.title":   {RO: "Lecțiile", EN: "The lessons"},
	"lessons.lede":    {RO: "Teoria dintre demonstrații: citește o lecție, încearcă demonstrațiile din ea și răspunde la întrebări. Progresul tău rămâne în acest browser.", EN: "The theory between the demonstrations: read a lesson, try its demonstrations and answer its questions. Your progress stays in this browser."},
	"lessons.topics":  {RO: "Subiecte", EN: "Topics"},
	"lessons.quizzes": {RO: "Întrebări corecte: {right} din {total}", EN: "Questions right: {right} of {total}"},
	"lessons.visited": {RO: "citită", EN: "read"},
	"lessons.toc":     {RO: "Cuprins", EN: "Contents"},
	"lessons.prev":    {RO: "Lecția anterioară", EN: "Previous lesson"},
	"lessons.next":    {RO: "Lecția următoare", EN: "Next lesson"},
	"lessons.index":   {RO: "Toate lecțiile", EN: "All lessons"},

	"lessons.open.player":   {RO: "Deschide scenariul în player", EN: "Open the scenario in the player"},
	"lessons.open.lab":      {RO: "Deschide tracerul Base64", EN: "Open the Base64 tracer"},
	"lessons.open.console":  {RO: "Deschide consola", EN: "Open the console"},
	"lessons.open.nslookup": {RO: "Deschide consola nslookup", EN: "Open the nslookup console"},
	"lessons.script":        {RO: "Scrie, linie cu linie:", EN: "Type, line by line:"},
	"lessons.base64.encode": {RO: "„{in}” în Base64 este {out}", EN: "“{in}” in Base64 is {out}"},
	"lessons.base64.decode": {RO: "{in} decodificat din Base64 este „{out}”", EN: "{in} decoded from Base64 is “{out}”"},
	"lessons.base64.bad":    {RO: "{in} nu este Base64 valid: deschide tracerul ca să vezi de ce.", EN: "{in} is not valid Base64: open the tracer to see why."},

	"lessons.col.code":     {RO: "Cod", EN: "Code"},
	"lessons.col.command":  {RO: "Comandă", EN: "Command"},
	"lessons.col.meaning":  {RO: "Ce înseamnă", EN: "What it means"},
	"lessons.col.type":     {RO: "Tip/subtip", EN: "Type/subtype"},
	"lessons.col.encoding": {RO: "Codificare", EN: "Encoding"},
	"lessons.col.value":    {RO: "Valoare", EN: "Value"},
	"lessons.col.bits":     {RO: "Biți", EN: "Bits"},
	"lessons.col.char":     {RO: "Caracter", EN: "Character"},

	"lessons.quiz":        {RO: "Întrebare", EN: "Question"},
	"lessons.quiz.answer": {RO: "Răspunsul tău", EN: "Your answer"},
	"lessons.quiz.check":  {RO: "Verifică", EN: "Check"},
	"lessons.quiz.right":  {RO: "Corect.", EN: "Right."},
	"lessons.quiz.wrong":  {RO: "Greșit.", EN: "Wrong."},
	"lessons.quiz.back":   {RO: "Înapoi la lecție", EN: "Back to the lesson"},
	"lessons.quiz.bad":    {RO: "Răspunsul nu se potrivește cu întrebarea: alege o variantă sau scrie un răspuns.", EN: "The answer does not fit the question: pick an option or type an answer."},
	"lessons.quiz.failed": {RO: "Răspunsul nu a putut fi verificat; încearcă din nou.", EN: "The answer could not be checked; try again."},
	"lessons.notes":       {RO: "Note pentru profesor", EN: "Instructor notes"},
	"lessons.notfound":    {RO: "Nu există o lecție cu acest nume.", EN: "There is no lesson of this name."},

	"lessons.topic.architecture": {RO: "Arhitectura poștei", EN: "Mail architecture"},
	"lessons.topic.scenarios":    {RO: "Cele patru scenarii", EN: "The four scenarios"},
	"lessons.topic.mta-maa":      {RO: "MTA și MAA", EN: "MTA and MAA"},
	"lessons.topic.ua":           {RO: "Agentul utilizator", EN: "The user agent"},
	"lessons.topic.format":       {RO: "Formatul mesajului", EN: "Message format"},
	"lessons.topic.mx":           {RO: "Adrese și MX", EN: "Addresses and MX"},
	"lessons.topic.mime":         {RO: "MIME", EN: "MIME"},
	"lessons.topic.encodings":    {RO: "Codificări", EN: "Encodings"},
	"lessons.topic.smtp":         {RO: "SMTP", EN: "SMTP"},
	"lessons.topic.telnet-smtp":  {RO: "SMTP prin telnet", EN: "SMTP over telnet"},
	"lessons.topic.pop3":         {RO: "POP3", EN: "POP3"},
	"lessons.topic.imap":         {RO: "IMAP", EN: "IMAP"},
	"lessons.topic.rfcs":         {RO: "RFC-uri", EN: "RFCs"},
}
