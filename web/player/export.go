package player

import (
	"bytes"
	"mime"
	"net/http"
	"strings"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/web/view"
)

// The exports give an instructor the scenario for slides: the transcript as
// plain text, a message as an .eml file a mail program opens, and the
// ladder diagram as a standalone SVG. Each takes ?step=N (the whole
// scenario without it) and ?lang=.

// exportSpec resolves the scenario (with ?msg=, the lab's composed message
// as the player plays it) and step of an export request, or answers 404
// itself.
func (a *Section) exportSpec(w http.ResponseWriter, r *http.Request) (*sim.Spec, *run, int, lang.Lang, bool) {
	l, _ := view.RequestLang(r)
	spec, ok := a.specFor(r.PathValue("name"), r.URL.Query().Get("msg"), l)
	if !ok {
		a.noScenario(w, r, l, r.PathValue("name"))
		return nil, nil, 0, l, false
	}
	run, err := a.totals.get(spec)
	if err != nil {
		view.InternalError(w, r, a.log, l, err)
		return nil, nil, 0, l, false
	}
	step := len(run.trace)
	if r.URL.Query().Has("step") {
		step = min(max(parseStep(r.URL.Query().Get("step")), 0), len(run.trace))
	}
	return spec, run, step, l, true
}

// download answers with body as a file named name for the browser to save.
func download(w http.ResponseWriter, r *http.Request, ctype, name string, body []byte) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Header().Set("Cache-Control", "no-cache")
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// transcriptText answers /play/{name}/transcript.txt with sim.WriteTranscript.
func (a *Section) transcriptText(w http.ResponseWriter, r *http.Request) {
	spec, run, step, l, ok := a.exportSpec(w, r)
	if !ok {
		return
	}
	var b bytes.Buffer
	if err := sim.WriteTranscript(&b, spec, run.trace[:step], l); err != nil {
		view.InternalError(w, r, a.log, l, err)
		return
	}
	download(w, r, "text/plain; charset=utf-8", spec.Name+".txt", b.Bytes())
}

// ladderSVG answers /play/{name}/ladder.svg with the events up to step.
func (a *Section) ladderSVG(w http.ResponseWriter, r *http.Request) {
	spec, run, step, l, ok := a.exportSpec(w, r)
	if !ok {
		return
	}
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	title := spec.Title.In(l) + " · " + tr(l, "ladder.title")
	if err := ladderView(newLadder(spec, run.trace[:step], step, l), title).Render(r.Context(), &b); err != nil {
		view.InternalError(w, r, a.log, l, err)
		return
	}
	download(w, r, "image/svg+xml", spec.Name+"-ladder.svg", b.Bytes())
}

// messageEML answers /play/{name}/message/{id}.eml: the message as the
// inspector shows it at step, or else its first copy stored in a mailbox,
// with CRLF line ends as RFC 5322 and .eml readers expect.
func (a *Section) messageEML(w http.ResponseWriter, r *http.Request) {
	spec, run, step, _, ok := a.exportSpec(w, r)
	if !ok {
		return
	}
	id, isEML := strings.CutSuffix(r.PathValue("file"), ".eml")
	raw := ""
	if m := run.inspect(step); r.URL.Query().Has("step") && m != nil && m.ID == id {
		raw = m.Raw
	}
	for i := 0; raw == "" && i < len(run.trace); i++ {
		if e := run.trace[i]; e.Kind == sim.KindStore && e.Msg == id {
			raw = run.copies[copyKey{e.Box, id}]
		}
	}
	if !isEML || raw == "" {
		view.NotFound(w, r, a.log)
		return
	}
	download(w, r, "message/rfc822", spec.Name+"-"+id+".eml", []byte(raw))
}
