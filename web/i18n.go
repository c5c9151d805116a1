package web

import (
	"maps"
	"net/http"
	"net/url"
	"time"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/sim/live"
	"mailsim/sim/wire"
)

// ui holds every word the pages and scripts show that is not scenario or
// protocol content: the frame's and player's words, then each section's own
// catalog from its file. Templates look keys up with tr; a test fails when a
// key lacks a language or when a template asks for a key that is not here.
var ui = mergeCatalogs(
	uiCore,
	uiLab,
	uiPlayer,
	uiConsole,
	uiMailbox,
	uiCodes,
	uiLayout,
	uiHost,
	uiStates,
	uiTLS,
)

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

	"home.title": {RO: "Scenarii", EN: "Scenarios"},
	"home.open":  {RO: "Deschide", EN: "Open"},
	"home.empty": {RO: "Nu există niciun scenariu.", EN: "There are no scenarios."},

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

// explanations is every protocol and world explanation by event key, merged
// once: the world's own sentences first, then each protocol package's, then
// those of the live lab's own events and of its real-socket adapter.
var explanations = mergeCatalogs(sim.AllExplanations, live.Explanations, wire.Explanations)

func mergeCatalogs(cs ...lang.Catalog) lang.Catalog {
	out := lang.Catalog{}
	for _, c := range cs {
		maps.Copy(out, c)
	}
	return out
}

// tr returns the UI text for key in l. A missing key shows as itself in
// brackets, so that a forgotten key is visible on the page as well as in tests.
func tr(l lang.Lang, key string) string {
	t, ok := ui[key]
	if !ok {
		return "[" + key + "]"
	}
	return t.In(l)
}

// explain returns the one-line explanation of an event key in l, or "" when
// no catalog has it.
func explain(l lang.Lang, key string) string {
	return explanations[key].In(l)
}

// langCookie remembers the reader's choice between visits.
const langCookie = "lang"

// requestLang picks the reader's language: ?lang= first (the switch links
// use it), then the cookie the switch left, then the browser's preference.
// fromQuery tells the caller to remember the choice in the cookie.
func requestLang(r *http.Request) (l lang.Lang, fromQuery bool) {
	if l, ok := lang.Parse(r.URL.Query().Get("lang")); ok {
		return l, true
	}
	if c, err := r.Cookie(langCookie); err == nil {
		if l, ok := lang.Parse(c.Value); ok {
			return l, false
		}
	}
	return lang.FromAcceptLanguage(r.Header.Get("Accept-Language")), false
}

// pageLang is requestLang for pages: it also stores a choice made with
// ?lang= in a cookie, so that the next page opens in the same language.
func pageLang(w http.ResponseWriter, r *http.Request) lang.Lang {
	l, fromQuery := requestLang(r)
	if fromQuery {
		http.SetCookie(w, &http.Cookie{
			Name: langCookie, Value: string(l), Path: "/",
			MaxAge: int((365 * 24 * time.Hour).Seconds()), HttpOnly: true, SameSite: http.SameSiteLaxMode,
		})
	}
	w.Header().Add("Vary", "Accept-Language, Cookie")
	return l
}

// langHref is the link of the language switch: the same page and query with
// lang set, so that switching keeps the current step.
func langHref(u *url.URL, l lang.Lang) string {
	q := u.Query()
	q.Set("lang", string(l))
	return u.Path + "?" + q.Encode()
}
