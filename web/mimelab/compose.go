package mimelab

import (
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	gomime "mime"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/sim/mime"
	"mailsim/web/outbox"
	"mailsim/web/player"
	"mailsim/web/view"
	"mailsim/web/words"
)

// The MIME composer: GET /lab/compose shows the form, POST /lab/compose
// builds the message with mime.Compose and shows its header fields, its MIME
// tree (mime.Parse of the very bytes) and the raw text, keeps it in the
// message store and links to scenario 4 carrying it. GET
// /lab/compose?msg=<hash> shows a stored message again, and
// /lab/compose/<hash>.eml downloads it with its CRLF line ends intact.

// composeAttachments is how many files the form takes, each with its own
// type and transfer encoding.
const composeAttachments = 2

// composeBodyLimit bounds the form: two texts and two files of at most
// mime.MaxInput each, and room for the other fields and the multipart
// framing.
const composeBodyLimit = 4*mime.MaxInput + 16<<10

// The scenario's users, who send and receive every composed message.
const (
	composeFrom = "Alice <alice@example.org>"
	composeTo   = "Bob <bob@example.net>"
)

// composeForm is what the student filled in, kept to show the form again.
type composeForm struct {
	Subject  string
	Text     string
	TextEnc  string
	HTMLOn   bool
	HTML     string
	HTMLEnc  string
	Attached [composeAttachments]attachmentForm
}

// attachmentForm is one file slot. Name is the file that was sent; a browser
// cannot refill a file input, so the page names it instead.
type attachmentForm struct {
	Type string
	Enc  string
	Name string
}

// composeView is the composer page: the form, the reason a choice was
// refused, and the message once it was built.
type composeView struct {
	Form   composeForm
	Error  string
	Result *composed
}

// composed is a built message as the page shows it.
type composed struct {
	Hash     string
	Raw      string
	Tree     *mime.Node
	Sendable bool // small enough for the store, hence for the player
}

// defaultForm is the form a student starts from: a text with an HTML
// alternative, so that the first message already shows multipart.
func defaultForm(l lang.Lang) composeForm {
	return composeForm{
		Subject: tr(l, "compose.default.subject"),
		Text:    tr(l, "compose.default.text"),
		HTMLOn:  true,
		HTML:    tr(l, "compose.default.html"),
	}
}

// composer shows the form, with a stored message when ?msg= names one.
func (a *Section) composer(w http.ResponseWriter, r *http.Request) {
	l := view.PageLang(w, r)
	v := composeView{Form: defaultForm(l)}
	status := http.StatusOK
	if key := r.URL.Query().Get("msg"); key != "" {
		if raw, _, ok := a.msgs.Get(key); ok {
			v.Result = a.inspect(raw)
		} else {
			v.Error, status = tr(l, "compose.gone"), http.StatusNotFound
		}
	}
	view.Render(w, r, a.log, status, composePage(labMeta(r, l, "lab.title.compose"), v))
}

// compose builds the message from the form.
func (a *Section) compose(w http.ResponseWriter, r *http.Request) {
	l := view.PageLang(w, r)
	page := func(status int, v composeView) {
		view.Render(w, r, a.log, status, composePage(labMeta(r, l, "lab.title.compose"), v))
	}
	r.Body = http.MaxBytesReader(w, r.Body, composeBodyLimit)
	if err := r.ParseMultipartForm(composeBodyLimit); err != nil {
		why := tr(l, "compose.err.form")
		if tooBig := new(http.MaxBytesError); errors.As(err, &tooBig) {
			why = fmt.Sprintf(tr(l, "compose.err.too-large"), composeBodyLimit>>10)
		}
		page(http.StatusBadRequest, composeView{Form: defaultForm(l), Error: why})
		return
	}
	f, d, err := readDraft(r)
	if err == nil {
		err = checkParts(d, f)
	}
	var raw []byte
	if err == nil {
		raw, err = mime.Compose(d)
	}
	if err != nil {
		page(http.StatusUnprocessableEntity, composeView{Form: f, Error: describe(err, l)})
		return
	}
	v := composeView{Form: f, Result: a.inspect(raw)}
	if v.Result.Sendable {
		a.msgs.Put(raw, f.Subject)
	}
	page(http.StatusOK, v)
}

// inspect parses a composed message back into its tree, as a mail reader
// would see it.
func (a *Section) inspect(raw []byte) *composed {
	c := &composed{Hash: outbox.Hash(raw), Raw: string(raw), Sendable: len(raw) <= outbox.MaxMessage}
	tree, err := mime.Parse(raw)
	if err != nil {
		// Compose and Parse are meant to agree; a message one writes and the
		// other refuses is a sim/mime bug worth a log line, not a dead page.
		a.log.Error("parsing a composed message", "err", err)
		return c
	}
	c.Tree = tree
	return c
}

// partError is a refusal of one part, named as the form names it.
type partError struct {
	part string // UI key of the part
	n    int    // attachment number, from 1; 0 for the texts
	err  *mime.Error
}

func (e *partError) Error() string { return e.err.Error() }

// describe says why the message cannot be built, in l, naming the part.
func describe(err error, l lang.Lang) string {
	var pe *partError
	if errors.As(err, &pe) {
		name := tr(l, pe.part)
		if pe.n > 0 {
			name = fmt.Sprintf("%s %d", name, pe.n)
		}
		return name + ": " + pe.err.Text.In(l)
	}
	return asMimeError(err).Text.In(l)
}

// checkParts composes each part alone first, so that a refused encoding is
// reported with the part it was chosen for; mime.Compose itself only says
// what is wrong. f numbers the attachments as the form's slots do.
func checkParts(d mime.Draft, f composeForm) error {
	one := func(p mime.Part, key string, n int, attach bool) error {
		single := mime.Draft{Text: &p}
		if attach {
			single = mime.Draft{Attachments: []mime.Part{p}}
		}
		if _, err := mime.Compose(single); err != nil {
			return &partError{part: key, n: n, err: asMimeError(err)}
		}
		return nil
	}
	if d.Text != nil {
		if err := one(*d.Text, "compose.text", 0, false); err != nil {
			return err
		}
	}
	if d.HTML != nil {
		if err := one(*d.HTML, "compose.html", 0, false); err != nil {
			return err
		}
	}
	var slots []int // the form's slot of each attachment, from 1
	for i, a := range f.Attached {
		if a.Name != "" {
			slots = append(slots, i+1)
		}
	}
	for i, p := range d.Attachments {
		if err := one(p, "compose.attachment", slots[i], true); err != nil {
			return err
		}
	}
	return nil
}

// readDraft turns the parsed form into the form to show again and the
// draft to compose.
func readDraft(r *http.Request) (composeForm, mime.Draft, error) {
	f := composeForm{
		Subject: r.FormValue("subject"),
		Text:    r.FormValue("text"),
		TextEnc: r.FormValue("text-enc"),
		HTMLOn:  r.FormValue("html-on") != "",
		HTML:    r.FormValue("html"),
		HTMLEnc: r.FormValue("html-enc"),
	}
	d := mime.Draft{Header: []mime.Field{
		{Name: "From", Value: composeFrom},
		{Name: "To", Value: composeTo},
		{Name: "Subject", Value: f.Subject},
		{Name: "Date", Value: sim.Epoch.Format(time.RFC1123Z)},
	}}
	for _, t := range []struct {
		text, key string
	}{{f.Subject, "compose.subject"}, {f.Text, "compose.text"}, {f.HTML, "compose.html"}} {
		if !utf8.ValidString(t.text) || len(t.text) > mime.MaxInput {
			return f, d, &partError{part: t.key, err: asMimeError(mime.CheckText(t.text))}
		}
	}
	if f.Text != "" {
		d.Text = &mime.Part{Type: "text/plain; charset=utf-8", Encoding: f.TextEnc, Data: []byte(f.Text)}
	}
	if f.HTMLOn && f.HTML != "" {
		d.HTML = &mime.Part{Type: "text/html; charset=utf-8", Encoding: f.HTMLEnc, Data: []byte(f.HTML)}
	}
	for i := range composeAttachments {
		slot := &f.Attached[i]
		field := fmt.Sprintf("attach%d", i+1)
		slot.Type = strings.TrimSpace(r.FormValue(field + "-type"))
		slot.Enc = r.FormValue(field + "-enc")
		file, header, err := r.FormFile(field)
		if errors.Is(err, http.ErrMissingFile) {
			continue
		}
		if err != nil {
			return f, d, &partError{part: "compose.attachment", n: i + 1, err: labError("bad-request", words.Text("lab.err.read"))}
		}
		data, err := readUpload(file, header.Size)
		if err != nil {
			return f, d, &partError{part: "compose.attachment", n: i + 1, err: asMimeError(err)}
		}
		slot.Name = uploadName(header)
		typ := slot.Type
		if typ == "" {
			typ = guessType(slot.Name, data)
		}
		d.Attachments = append(d.Attachments, mime.Part{Type: typ, Encoding: slot.Enc, Filename: slot.Name, Data: data})
	}
	return f, d, nil
}

// readUpload reads one uploaded file of the given size, refusing an empty
// or oversized one.
func readUpload(file multipart.File, size int64) ([]byte, error) {
	defer file.Close()
	if size > mime.MaxInput {
		return nil, tooLarge(size, mime.MaxInput)
	}
	data, err := io.ReadAll(io.LimitReader(file, mime.MaxInput+1))
	if err != nil {
		return nil, labError("bad-request", words.Text("lab.err.read"))
	}
	return data, mime.CheckInput(data)
}

// uploadName is the file name a part's Content-Disposition gets: the base
// name the browser sent, as valid UTF-8 without control characters, since it
// goes into a header field.
func uploadName(h *multipart.FileHeader) string {
	name := strings.ToValidUTF8(path.Base(strings.ReplaceAll(h.Filename, `\`, "/")), "_")
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if len(name) > 255 || name == "" || name == "." || name == "/" {
		return "attachment"
	}
	return name
}

// guessType picks a media type for a file the student gave no type for: by
// its extension, else by sniffing its first bytes as browsers do.
func guessType(name string, data []byte) string {
	if t := gomime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return http.DetectContentType(data)
}

// composedFile serves /lab/compose/<hash>.eml: the stored message exactly
// as composed, for a mail program to open.
func (a *Section) composedFile(w http.ResponseWriter, r *http.Request) {
	key, ok := strings.CutSuffix(r.PathValue("file"), ".eml")
	raw, _, found := a.msgs.Get(key)
	if !ok || !found {
		view.NotFound(w, r, a.log)
		return
	}
	w.Header().Set("Content-Type", "message/rfc822")
	w.Header().Set("Content-Disposition", gomime.FormatMediaType("attachment", map[string]string{"filename": key + ".eml"}))
	w.Header().Set("Cache-Control", "no-store")
	w.Write(raw)
}

// sendURL opens scenario 4 in the player with the stored message in it.
func sendURL(hash string) string {
	return player.URL(outbox.SendScenario) + "?msg=" + hash
}

// composeEncodings are the choices of a part's transfer encoding; "" lets
// mime.Compose pick the simplest valid one.
var composeEncodings = []string{"", mime.Enc7bit, mime.Enc8bit, mime.EncBinary, mime.EncBase64, mime.EncQP}

// previewLimit is how much of a text part the tree shows.
const previewLimit = 2000

// preview is the start of a text, cut at a character boundary.
func preview(s string) string {
	if len(s) <= previewLimit {
		return s
	}
	cut := previewLimit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + " …"
}
