package console

import (
	"net/http"
	"strconv"
	"strings"

	"mailsim/sim"
	"mailsim/sim/dns"
	"mailsim/web/socket"
	"mailsim/web/view"
)

// nslookupServer is the resolver the console asks, as nslookup prints it
// in its "Server:" and "Address:" lines: the one of the lecture's session,
// so that the session replays on the page line for line.
const nslookupServer = "141.85.43.10"

// The websocket at /ws/nslookup is one nslookup session over the simulated
// zones: it remembers "set type=" between lines, as nslookup does. The
// browser sends {"line":"set type=MX"}; the server answers each line with
//
//	{"line":"set type=MX","lines":[...],"text":"...","qtype":"MX","rows":["0.3","0.4"]}
//
// lines are what nslookup prints, text explains the line in the page's
// language, qtype is the type the next query asks for, and rows name the
// zone table rows ("zone.row", both counted from 0) that the answer holds.

// lectureSession is what the lecture types in its nslookup demonstration;
// the page invites the reader to type it too.
var lectureSession = []string{"nslookup", "yahoo.com", "set type=MX", "yahoo.com"}

// nslookupFrame is the answer to one line.
type nslookupFrame struct {
	Line  string   `json:"line"`
	Lines []string `json:"lines"`
	Text  string   `json:"text"`
	QType dns.Type `json:"qtype"`
	Rows  []string `json:"rows"`
}

// consoleZones are the zones the nslookup console knows: the shipped ones
// (the lecture's example.com first, the lab's mailsim.test, the lecture's
// yahoo.com), then those of every scenario of the library in its order,
// each origin once (scenarios share their zones' names, and the first one
// given is the one asked).
func consoleZones(lib sim.Library) ([]*dns.Zone, error) {
	zones, err := dns.Zones()
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, z := range zones {
		seen[z.Origin()] = true
	}
	for _, s := range lib.List() {
		for _, z := range s.Zones {
			if !seen[z.Origin()] {
				seen[z.Origin()] = true
				zones = append(zones, z)
			}
		}
	}
	return zones, nil
}

// newNslookup starts a console over the library's zones.
func (a *Section) newNslookup() (*dns.Console, error) {
	zones, err := consoleZones(a.lib)
	if err != nil {
		return nil, err
	}
	res, err := dns.NewResolver(zones...)
	if err != nil {
		return nil, err
	}
	return dns.NewConsole(res, nslookupServer), nil
}

// nslookupView is what nslookup.templ draws.
type nslookupView struct {
	Tables  []dns.Table
	MaxLine int
}

// nslookup renders /console/nslookup.
func (a *Section) nslookup(w http.ResponseWriter, r *http.Request) {
	l := view.PageLang(w, r)
	c, err := a.newNslookup()
	if err != nil {
		view.InternalError(w, r, a.log, l, err)
		return
	}
	m := view.NewMeta(r, l, tr(l, "nslookup.title"))
	m.Styles = []string{"console.css", "nslookup.css"}
	view.Render(w, r, a.log, http.StatusOK, nslookupPage(m, nslookupView{Tables: c.Table(), MaxLine: consoleMaxLine}))
}

// nslookupSocket runs one nslookup session.
func (a *Section) nslookupSocket(w http.ResponseWriter, r *http.Request) {
	l, _ := view.RequestLang(r)
	c, err := a.newNslookup()
	if err != nil {
		view.InternalError(w, r, a.log, l, err)
		return
	}
	conn, err := socket.Upgrade(w, r, a.log)
	if err != nil {
		return
	}
	tables := c.Table()
	readLines(conn, 0, func(line string, _ bool) (any, bool) {
		out := c.Do(line)
		return nslookupFrame{Line: line, Lines: out.Lines, Text: explain(l, out.Key), QType: c.QueryType(),
			Rows: answerRows(tables, out.Answer)}, c.Done()
	})
}

// answerRows finds the records of an answer in the zone tables.
func answerRows(tables []dns.Table, a *dns.Answer) []string {
	rows := []string{}
	if a == nil {
		return rows
	}
	for _, rec := range a.Records {
		for i, t := range tables {
			for j, row := range t.Rows {
				if row.Type == rec.Type && row.Data == rec.Data() &&
					strings.TrimSuffix(row.Name, ".") == strings.TrimSuffix(rec.Name, ".") {
					rows = append(rows, zoneRowID(i, j))
				}
			}
		}
	}
	return rows
}

// zoneRowID is a table row's name in nslookupFrame.Rows.
func zoneRowID(table, row int) string { return strconv.Itoa(table) + "." + strconv.Itoa(row) }
