package words

import "mailsim/lang"

// uiHost is the words of the refusal of a name the app does not answer to.
var uiHost = lang.Catalog{
	"host.title": {
		RO: "421 Nume de server greșit: mailsim nu răspunde la acest nume.",
		EN: "421 Misdirected Request: mailsim does not answer to this name.",
	},
	"host.asked": {
		RO: "Cererea a cerut numele",
		EN: "The request asked for the name",
	},
	"host.allowed": {
		RO: "Ca să nu poată o pagină străină să citească laboratorul prin DNS rebinding, mailsim răspunde doar la",
		EN: "So that no foreign page can read the lab through DNS rebinding, mailsim answers only to",
	},
	"host.add": {
		RO: "Dacă ai ajuns aici printr-un nume al tău, pornește mailsim cu -allow-host NUME (se poate repeta), de exemplu: mailsim -addr 0.0.0.0:8080 -allow-host laborator.local",
		EN: "If you reached it by a name of your own, start mailsim with -allow-host NAME (it may be repeated), for example: mailsim -addr 0.0.0.0:8080 -allow-host lab.local",
	},
}
