package mimelab

import (
	"net/http"

	"mailsim/lang"
	"mailsim/sim/mime"
	"mailsim/web/view"
)

// labTab is one entry of the lab's own navigation.
type labTab struct {
	Path string
	Key  string // its name in the words catalog
}

// labTabs are the lab's pages in the order its navigation shows them.
var labTabs = []labTab{
	{"/lab", "lab.tab.base64"},
	{"/lab/qp", "lab.tab.qp"},
	{"/lab/uu", "lab.tab.uu"},
	{"/lab/exercise", "lab.tab.exercise"},
	{"/lab/compose", "lab.tab.compose"},
	{"/lab/digest", "lab.tab.digest"},
}

// tracerKind names one of the three tracer pages, which share a frame.
type tracerKind string

const (
	labBase64 tracerKind = "base64"
	labQP     tracerKind = "qp"
	labUU     tracerKind = "uu"
)

// tracerView is what a tracer renders before its script takes over: on
// its page, the input box prefilled from ?text= (so an instructor can link
// an example) and the decode switch from ?mode=decode.
type tracerView struct {
	ID       string // the prefix of its elements' ids
	Kind     tracerKind
	Text     string
	Decode   bool
	Compact  bool
	Why      string // on the lab's page: the lesson that explains the encodings, and its title
	WhyTitle string
}

// tracerDefaults are the inputs a page opens with: the lecture's own
// example for Base64, and for the others a text that shows their rules.
var tracerDefaults = map[tracerKind]string{
	labBase64: "Man",
	labQP:     "Salut, Ștefan! Prețul e 5 € = 5 euro.  \nRândul acesta este destul de lung ca să treacă de 76 de caractere, deci se rupe moale.",
	labUU:     "Cat",
}

// labPage renders one of the tracer pages.
func (a *Section) labPage(kind tracerKind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		l := view.PageLang(w, r)
		q := r.URL.Query()
		v := tracerView{ID: "lab", Kind: kind, Text: q.Get("text"), Decode: kind == labBase64 && q.Get("mode") == "decode"}
		v.Why, v.WhyTitle = a.why(l)
		switch {
		case len(v.Text) > mime.MaxText:
			v.Text = "" // a link that long is not an example; the box opens empty
		case !q.Has("text") && v.Decode:
			v.Text = "TWFu" // "Man" again, the other way
		case !q.Has("text"):
			v.Text = tracerDefaults[kind]
		}
		view.Render(w, r, a.log, http.StatusOK, tracerPage(labMeta(r, l, "lab.title."+string(kind)), v))
	}
}

// labMeta is the frame of a lab page: its title and the lab's stylesheets,
// the tracers' first, which the exercises' tables share.
func labMeta(r *http.Request, l lang.Lang, titleKey string) view.Meta {
	m := view.NewMeta(r, l, tr(l, titleKey))
	m.Styles = []string{"tracer.css", "lab.css"}
	return m
}
