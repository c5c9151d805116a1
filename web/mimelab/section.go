// Package mimelab is the encoding lab: Base64, quoted-printable and uuencode traced step by
// step, Base64 exercises, the MIME composer and the login digests. Its pages
// are templ frames; the step-by-step views are drawn by tracer.js and
// lab*.js from the JSON of the sim/mime tracers, which POST /lab/api/trace
// returns. The Base64 tracer is also a component of its own
// (Base64Tracer), which the lessons embed.
package mimelab

import (
	"log/slog"
	"net/http"

	"mailsim/lang"
	"mailsim/lessons"
	"mailsim/web/outbox"
)

// Section holds what the lab's handlers share: the outbox where the
// composer leaves a message for the player to send, and the lessons its
// tracers link to.
type Section struct {
	msgs    *outbox.Store
	lessons *lessons.Set
	log     *slog.Logger
}

// New returns the lab, composing into msgs.
func New(msgs *outbox.Store, log *slog.Logger) *Section {
	return &Section{msgs: msgs, log: log}
}

// Teach links the tracers to the lesson of set that explains the
// encodings, so that a student who watched the bits move can read why.
func (a *Section) Teach(set *lessons.Set) { a.lessons = set }

// why is the link to the lesson about the encodings in l: its address and
// title, or "" when no lesson has that topic.
func (a *Section) why(l lang.Lang) (href, title string) {
	if a.lessons == nil {
		return "", ""
	}
	ls, ok := a.lessons.Topic("encodings")
	if !ok {
		return "", ""
	}
	return lessons.Path(ls.Slug) + "?lang=" + string(l), ls.In(l).Title
}

// Routes adds the lab's pages and endpoints to mux.
func (a *Section) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /lab", a.labPage(labBase64))
	mux.HandleFunc("GET /lab/qp", a.labPage(labQP))
	mux.HandleFunc("GET /lab/uu", a.labPage(labUU))
	mux.HandleFunc("GET /lab/exercise", a.exercise)
	mux.HandleFunc("GET /lab/compose", a.composer)
	mux.HandleFunc("GET /lab/compose/{file}", a.composedFile)
	mux.HandleFunc("GET /lab/digest", a.digest)
	mux.HandleFunc("POST /lab/compose", a.compose)
	mux.HandleFunc("POST /lab/api/trace", a.traceAPI)
	mux.HandleFunc("POST /lab/api/check", a.checkAPI)
}
