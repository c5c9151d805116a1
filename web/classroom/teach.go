package classroom

import (
	"bytes"
	"fmt"
	"net/http"

	qrcode "github.com/skip2/go-qrcode"

	"mailsim/web/view"
)

// teachView is the projector page: the code, the address students open,
// and the class's view when the page was drawn.
type teachView struct {
	Code, JoinURL string
}

// GET /class/{code}/teach is the instructor's projector page. It opens
// only in the browser whose cookie holds the class's secret.
func (a *Section) teach(w http.ResponseWriter, r *http.Request) {
	l := view.PageLang(w, r)
	c := teacherOf(r, a.reg)
	if c == nil || c.Code() != r.PathValue("code") {
		view.Fail(w, r, a.log, http.StatusForbidden, l, tr(l, "class.projector"), tr(l, "class.notyours"), "")
		return
	}
	m := view.NewMeta(r, l, tr(l, "class.projector")+" · "+c.Code())
	m.Styles = []string{"classroom.css"}
	view.Render(w, r, a.log, http.StatusOK, teachPage(m, teachView{Code: c.Code(), JoinURL: joinURL(r, c.Code())}))
}

// joinURL is the address a student opens to join, on the host the
// instructor reached: the one the room's network reaches too.
func joinURL(r *http.Request, code string) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + "/class/" + code
}

// GET /class/{code}/qr.svg is the join address as a QR code, drawn as SVG
// so that a projector shows it sharp at any size. Anyone may fetch it: it
// holds only the address, which the page prints too.
func (a *Section) qr(w http.ResponseWriter, r *http.Request) {
	l, _ := view.RequestLang(r)
	code := r.PathValue("code")
	if _, ok := a.reg.Get(code); !ok {
		view.Fail(w, r, a.log, http.StatusNotFound, l, tr(l, "class.join"), tr(l, "class.gone"), "")
		return
	}
	svg, err := qrSVG(joinURL(r, code))
	if err != nil {
		view.InternalError(w, r, a.log, l, err)
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(svg)
}

// qrSVG draws text's QR code (medium error correction, with its quiet
// zone) as one SVG path of unit squares.
func qrSVG(text string) ([]byte, error) {
	q, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return nil, err
	}
	bits := q.Bitmap() // with the 4-module quiet zone
	n := len(bits)
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges">`, n, n)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="`, n, n)
	for y, row := range bits {
		for x, on := range row {
			if on {
				fmt.Fprintf(&b, "M%d %dh1v1h-1z", x, y)
			}
		}
	}
	b.WriteString(`"/></svg>`)
	return b.Bytes(), nil
}
