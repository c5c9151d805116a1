package mimelab

import (
	"bytes"
	"fmt"
	"html"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"mailsim/sim"
	"mailsim/sim/mime"
	"mailsim/web/outbox"
	"mailsim/web/webtest"
)

// composeRequest builds a multipart form post to /lab/compose: fields, then
// files as name -> (file name, content).
func composeRequest(t *testing.T, fields map[string]string, files map[string][2]string) *http.Request {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for field, f := range files {
		w, err := mw.CreateFormFile(field, f[0])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(f[1]))
	}
	mw.Close()
	r := httptest.NewRequest("POST", "/lab/compose?lang=en", &b)
	r.Host = "localhost" // httptest's example.com is not a name the app answers to
	r.Header.Set("Content-Type", mw.FormDataContentType())
	return r
}

// rawOf is the composed message as the page shows it.
var rawOf = regexp.MustCompile(`(?s)<pre class="output raw-message" data-testid="raw"[^>]*>(.*?)</pre>`)

// sendOf is the page's "Send it" link.
var sendOf = regexp.MustCompile(`href="(/play/lan-both\?msg=[0-9a-f]+)"`)

func TestComposeBuildsStoresAndSends(t *testing.T) {
	h := serve(webtest.Shipped(t))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, composeRequest(t, map[string]string{
		"subject": "Notă", "text": "Bună ziua!\r\nA doua linie.", "text-enc": "quoted-printable",
		"html-on": "1", "html": "<p>Bună</p>", "html-enc": "base64", "attach1-enc": "base64",
	}, map[string][2]string{"attach1": {"cat.png", "\x89PNG\r\n\x1a\n\x00binary"}}))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d:\n%s", w.Code, w.Body)
	}
	body := w.Body.String()
	m := rawOf.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("the page shows no raw message")
	}
	raw := html.UnescapeString(m[1])
	tree, err := mime.Parse([]byte(raw))
	if err != nil {
		t.Fatalf("the message shown does not parse: %v", err)
	}
	if tree.Type != "multipart/mixed" || len(tree.Parts) != 2 || tree.Parts[0].Type != "multipart/alternative" ||
		tree.Parts[1].Filename != "cat.png" || tree.Parts[1].Type != "image/png" {
		t.Errorf("tree: %s with %d parts", tree.Type, len(tree.Parts))
	}
	for _, want := range []string{`data-type="multipart/alternative"`, `data-path="1.2"`, "Content-Transfer-Encoding"} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %s", want)
		}
	}

	link := sendOf.FindStringSubmatch(body)
	if link == nil {
		t.Fatal("the page has no Send link")
	}
	hash := strings.TrimPrefix(link[1], "/play/lan-both?msg=")
	if hash != outbox.Hash([]byte(raw)) {
		t.Errorf("the link's key is not the hash of the message shown")
	}
	play := webtest.Get(t, h, "GET", link[1]+"&step=100000&lang=en")
	if play.Code != http.StatusOK || !strings.Contains(play.Body.String(), "Notă") {
		t.Errorf("the player with the message: status %d, want Bob's mailbox to show the subject", play.Code)
	}
	eml := webtest.Get(t, h, "GET", "/lab/compose/"+hash+".eml")
	if eml.Code != http.StatusOK || eml.Header().Get("Content-Type") != "message/rfc822" || eml.Body.String() != raw {
		t.Errorf(".eml: status %d, type %q, same bytes %v", eml.Code, eml.Header().Get("Content-Type"), eml.Body.String() == raw)
	}
	again := webtest.Get(t, h, "GET", "/lab/compose?msg="+hash+"&lang=en")
	if again.Code != http.StatusOK || !strings.Contains(again.Body.String(), `data-testid="raw"`) {
		t.Errorf("reopening a stored message: status %d", again.Code)
	}
}

func TestComposedMessageTravelsThroughScenarioFour(t *testing.T) {
	h := serve(webtest.Shipped(t))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, composeRequest(t, map[string]string{"subject": "Över the wire", "text": "ü"}, nil))
	link := sendOf.FindStringSubmatch(w.Body.String())
	if link == nil {
		t.Fatalf("no Send link (status %d)", w.Code)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	conn, _, err := webtest.Dial(t, srv, "/ws"+link[1]+"&lang=en")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	end := webtest.Goto(t, conn, 100000)
	stored := -1
	for i, e := range end.Events {
		if e.Kind == sim.KindStore && e.Box == "bob@example.net" {
			stored = i
		}
	}
	f := webtest.Goto(t, conn, stored+1) // POP3 deletes it after QUIT, so look while it rests there
	var got []string
	for _, b := range f.Mailboxes {
		for _, m := range b.Messages {
			got = append(got, m.Subject)
			if b.Address == "bob@example.net" && m.Subject == "Över the wire" && !strings.Contains(m.Raw, "=C3=BC") {
				t.Errorf("Bob's copy is not the composed message:\n%s", m.Raw)
			}
		}
	}
	if !strings.Contains(fmt.Sprint(got), "Över the wire") {
		t.Errorf("at the end the mailboxes hold %q, want the composed subject", got)
	}
}

func TestComposeExplainsRefusals(t *testing.T) {
	h := serve(webtest.Shipped(t))
	for _, c := range []struct {
		name   string
		fields map[string]string
		files  map[string][2]string
		want   string
	}{
		{"7bit with non-ASCII", map[string]string{"text": "Bună", "text-enc": "7bit"}, nil, "Text part: 7bit allows ASCII only"},
		{"long line in 8bit", map[string]string{"text": strings.Repeat("x", 1200), "text-enc": "8bit"}, nil, "Text part: Line 1 has 1200 octets"},
		{"binary", map[string]string{"html-on": "1", "html": "<p>x</p>", "html-enc": "binary"}, nil, "HTML alternative: The binary encoding cannot pass"},
		{"attachment in 7bit", map[string]string{"attach2-enc": "7bit"}, map[string][2]string{"attach2": {"a.bin", "\x00\xff"}}, "Attachment 2: "},
		{"no parts", map[string]string{"subject": "empty"}, nil, "The message has no part"},
		{"empty file", map[string]string{}, map[string][2]string{"attach1": {"e.txt", ""}}, "Attachment 1: The input is empty"},
		{"oversized file", map[string]string{}, map[string][2]string{"attach1": {"big.bin", strings.Repeat("x", mime.MaxInput+1)}}, "Attachment 1: The input has 65537 bytes"},
		{"bad type", map[string]string{"attach1-type": "nonsense"}, map[string][2]string{"attach1": {"a.txt", "x"}}, "Attachment 1: The type"},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, composeRequest(t, c.fields, c.files))
			body := w.Body.String()
			if w.Code != http.StatusUnprocessableEntity {
				t.Errorf("status %d, want 422", w.Code)
			}
			if !strings.Contains(body, webtest.Escape(c.want)) || !strings.Contains(body, `data-testid="lab-error"`) {
				t.Errorf("the page does not say %q", c.want)
			}
			if strings.Contains(body, `data-testid="send"`) {
				t.Errorf("a refused message can be sent")
			}
		})
	}

	big := composeRequest(t, map[string]string{"text": strings.Repeat("x", composeBodyLimit)}, nil)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, big)
	if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), fmt.Sprintf("%d KiB", composeBodyLimit>>10)) {
		t.Errorf("an oversized form: status %d, want 400 naming the limit", w.Code)
	}
	if w := webtest.Get(t, h, "GET", "/lab/compose?msg=0123&lang=en"); w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), tr("en", "compose.gone")) {
		t.Errorf("an unknown message: status %d", w.Code)
	}
	if w := webtest.Get(t, h, "GET", "/lab/compose/0123.eml"); w.Code != http.StatusNotFound {
		t.Errorf("an unknown .eml: status %d", w.Code)
	}
}

func TestPlayerRefusesAnUnknownMessage(t *testing.T) {
	h := serve(webtest.Shipped(t))
	for _, target := range []string{"/play/lan-both?msg=feed", "/ws/play/lan-both?msg=feed", "/play/two-systems?msg=feed"} {
		if w := webtest.Get(t, h, "GET", target); w.Code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", target, w.Code)
		}
	}
	if w := webtest.Get(t, h, "GET", "/play/lan-both?msg=feed&lang=en"); !strings.Contains(w.Body.String(), tr("en", "compose.gone")) {
		t.Errorf("a message no longer kept is not said to be gone:\n%s", w.Body.String())
	}
}

func TestComposeStoreBoundsMessageSize(t *testing.T) {
	h := serve(webtest.Shipped(t))
	// Four full parts as quoted-printable of non-ASCII text grow well past
	// the store's limit: the page shows the message but offers no sending.
	text := strings.Repeat("ș", mime.MaxInput/2)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, composeRequest(t, map[string]string{"text": text, "text-enc": "quoted-printable", "html-on": "1", "html": text, "html-enc": "quoted-printable"}, nil))
	body := w.Body.String()
	if w.Code != http.StatusOK || strings.Contains(body, `data-testid="send"`) || !strings.Contains(body, webtest.Escape(tr("en", "compose.too-big-to-send"))) {
		t.Errorf("a message over %d bytes: status %d; want it shown without a Send link", outbox.MaxMessage, w.Code)
	}
}
