package mimelab

import (
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http/httptest"
	"net/mail"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mailsim/lang"
	smime "mailsim/sim/mime"
	"mailsim/web/browsertest"
	"mailsim/web/webtest"
)

// cellSel is the CSS selector of an exercise blank.
func cellSel(id string) string { return `input[data-cell="` + id + `"]` }

// fillSheet types every answer into its blank.
func fillSheet(tb *browsertest.Tab, answers smime.Answers) {
	tb.T.Helper()
	for id, v := range answers {
		tb.Do("typing "+id, browsertest.TypeInto(cellSel(id), v)...)
	}
}

// wrongCells lists the blanks the page marks wrong.
const wrongCells = `[...document.querySelectorAll('.wrong input[data-cell]')].map(i => i.dataset.cell).join(',')`

func TestBrowserExerciseMarksTheOneMistake(t *testing.T) {
	srv := httptest.NewServer(serve(webtest.Shipped(t)))
	defer srv.Close()
	tb := browsertest.Open(t)

	ex := smime.NewExercise(42, smime.ExerciseEncode)
	answers := expected(ex)
	const mistake = "g0.s1.index"
	n, _ := strconv.Atoi(answers[mistake])
	answers[mistake] = strconv.Itoa(n + 1)
	want := smime.Check(ex, answers)

	tb.Navigate(srv.URL + "/lab/exercise?kind=encode&seed=42&lang=en")
	fillSheet(tb, answers)
	tb.Until("the score", fmt.Sprintf(`document.querySelector('[data-role="correct"]').textContent === '%d'`, want.Correct))
	if got := tb.Eval(wrongCells); got != mistake {
		t.Errorf("cells marked wrong: %q, want only %s", got, mistake)
	}
	if got := tb.Eval(`document.querySelector('[data-role="score"]').textContent`); got != strconv.Itoa(want.Score) {
		t.Errorf("score %s%%, want %d%%", got, want.Score)
	}
	if n := tb.Eval(`String(document.querySelectorAll('.ok input[data-cell]').length)`); n != strconv.Itoa(want.Total-1) {
		t.Errorf("%s cells marked right, want %d", n, want.Total-1)
	}

	// Hints on demand: only the wrong cell shows one.
	tb.Do("asking for hints", chromedp.Click(chromedp.CSS(`#ex-hints`)))
	hint := tb.Eval(`[...document.querySelectorAll('.hint')].filter(h => !h.hidden).map(h => h.textContent).join('|')`)
	if hint != smime.Catalog["hint.index"].EN {
		t.Errorf("visible hints %q, want the index hint once", hint)
	}

	// Correcting the cell brings the score to 100.
	tb.Eval(`document.querySelector('` + cellSel(mistake) + `').value = ''`)
	tb.Do("correcting", browsertest.TypeInto(cellSel(mistake), strconv.Itoa(n))...)
	tb.Until("a perfect score", `document.querySelector('[data-role="score"]').textContent === '100'`)
	tb.Close()
}

func TestBrowserDecodeExercise(t *testing.T) {
	srv := httptest.NewServer(serve(webtest.Shipped(t)))
	defer srv.Close()
	tb := browsertest.Open(t)

	ex, err := smime.ExerciseFor([]byte("TWE="), smime.ExerciseDecode)
	if err != nil {
		t.Fatal(err)
	}
	answers := expected(ex)
	answers["g0.b1.value"] = "97" // the decimal value is as good as the character
	tb.Navigate(srv.URL + "/lab/exercise?kind=decode&input=TWE%3D&lang=ro")
	if got := tb.Eval(`document.querySelector('[data-testid="ex-input"]').textContent`); got != "TWE=" {
		t.Errorf("the sheet decodes %q", got)
	}
	fillSheet(tb, answers)
	tb.Until("a perfect score", `document.querySelector('[data-role="score"]').textContent === '100'`)
	if got := tb.Eval(wrongCells); got != "" {
		t.Errorf("cells marked wrong on a right sheet: %q", got)
	}
	tb.Close()
}

func TestBrowserBase64Tracer(t *testing.T) {
	srv := httptest.NewServer(serve(webtest.Shipped(t)))
	defer srv.Close()
	tb := browsertest.Open(t)
	text := func(sel string) string {
		t.Helper()
		return tb.Eval(`document.querySelector('` + sel + `').textContent`)
	}
	submit := chromedp.Click(chromedp.CSS(`#lab-form button[type="submit"]`))

	tb.Navigate(srv.URL + "/lab?lang=en")
	tb.Until("the trace of Man", `document.querySelector('[data-testid="count"]').textContent === '1'`)
	if got := text("#lab-output mark"); got != "TWFu" {
		t.Errorf("the output marks %q, want TWFu", got)
	}

	// Two groups; the arrow key steps to the padded one.
	tb.Do("tracing Many", chromedp.SetValue(chromedp.CSS(`#lab-text`), "Many"), submit)
	tb.Until("two groups", `document.querySelector('[data-testid="count"]').textContent === '2'`)
	tb.Do("stepping with →", chromedp.Click(chromedp.CSS(`h1`)), chromedp.KeyEvent(kb.ArrowRight))
	tb.Until("group 2", `document.querySelector('[data-testid="pos"]').textContent === '2'`)
	if got := tb.Eval(`[...document.querySelectorAll('.b64-table li.lit')].map(l => l.dataset.index).join(',')`); got != "16,30" {
		t.Errorf("lit table entries %q, want 16,30 (Q and e of eQ==)", got)
	}
	if got := text(`#lab-step [data-role="rule"]`); got != smime.Catalog["rule.pad-two"].EN {
		t.Errorf("padding rule %q", got)
	}

	// An empty input is refused with a sentence, not a blank page.
	tb.Eval(`document.querySelector('#lab-text').value = ''`)
	tb.Do("tracing nothing", submit)
	tb.Until("the refusal", `!document.querySelector('[data-testid="lab-error"]').hidden`)
	if got := text(`[data-testid="lab-error"]`); got != smime.Catalog["err.empty"].EN {
		t.Errorf("empty input says %q", got)
	}

	// Decoding stops at the first character outside the alphabet.
	tb.Do("decoding bad Base64", chromedp.Click(chromedp.CSS(`input[value="decode"]`)),
		chromedp.SetValue(chromedp.CSS(`#lab-text`), "TWFu\nTW!u"), submit)
	tb.Until("where it stopped", `document.querySelector('[data-testid="lab-stopped"]') !== null`)
	if got := text(`[data-testid="lab-stopped"] mark.bad`); got != "!" {
		t.Errorf("the stop marks %q, want !", got)
	}
	if got := text(`[data-testid="lab-stopped"] p`); !strings.Contains(got, "offset 7") {
		t.Errorf("the stop says %q, want the offset", got)
	}
	if got := text(`[data-testid="lab-decoded"]`); !strings.HasPrefix(got, "Man") {
		t.Errorf("decoded before the stop: %q, want Man", got)
	}

	// A file over 64 KB is refused before it is sent.
	big := filepath.Join(t.TempDir(), "big.bin")
	if err := os.WriteFile(big, make([]byte, smime.MaxInput+100), 0o644); err != nil {
		t.Fatal(err)
	}
	tb.Do("dropping a big file to encode", chromedp.Click(chromedp.CSS(`input[value="encode"]`)), chromedp.SetUploadFiles(chromedp.CSS(`#lab-file`), []string{big}))
	tb.Until("the size refusal", `document.querySelector('[data-testid="lab-error"]').textContent.includes('big.bin')`)
	if got := text(`[data-testid="lab-error"]`); !strings.Contains(got, strconv.Itoa(smime.MaxInput+100)) {
		t.Errorf("big file says %q, want its size", got)
	}
	tb.Close()
}

func TestBrowserComposerMessageParsesBack(t *testing.T) {
	srv := httptest.NewServer(serve(webtest.Shipped(t)))
	defer srv.Close()
	tb := browsertest.Open(t)

	data := []byte("\x89PNG\r\n\x1a\n\x00\x01\x02 not really a picture \xff")
	file := filepath.Join(t.TempDir(), "diagram.png")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	const textBody = "Bună, Bob!\nȘtiai că = înseamnă ceva în quoted-printable?"
	const htmlBody = "<p>Bună, <b>Bob</b>!</p>"
	tb.Navigate(srv.URL + "/lab/compose?lang=en")
	tb.Load("composing",
		chromedp.SetValue(chromedp.CSS(`input[name="subject"]`), "Diagrama"),
		chromedp.SetValue(chromedp.CSS(`textarea[name="text"]`), textBody),
		chromedp.SetValue(chromedp.CSS(`select[name="text-enc"]`), "quoted-printable"),
		chromedp.SetValue(chromedp.CSS(`textarea[name="html"]`), htmlBody),
		chromedp.SetValue(chromedp.CSS(`select[name="html-enc"]`), "base64"),
		chromedp.SetUploadFiles(chromedp.CSS(`input[name="attach1"]`), []string{file}),
		chromedp.Click(chromedp.CSS(`[data-testid="compose-form"] button[type="submit"]`)),
	)
	tb.Do("waiting for the composed message", chromedp.WaitVisible(chromedp.CSS(`[data-testid="raw"]`)))
	raw := tb.Eval(`document.querySelector('[data-testid="raw"]').textContent`)

	m, err := mail.ReadMessage(strings.NewReader(raw))
	if err != nil {
		t.Fatalf("net/mail cannot read the page's message: %v\n%s", err, raw)
	}
	if s, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject")); s != "Diagrama" {
		t.Errorf("Subject %q", s)
	}
	parts := readParts(t, m.Header.Get("Content-Type"), m.Body)
	want := []string{"text/plain", "text/html", "image/png"}
	if len(parts) != len(want) {
		t.Fatalf("the message has %d leaves, want %d", len(parts), len(want))
	}
	for i, p := range parts {
		if p.typ != want[i] {
			t.Errorf("part %d is %s, want %s", i+1, p.typ, want[i])
		}
	}
	if got := strings.ReplaceAll(string(parts[0].body), "\r\n", "\n"); got != textBody {
		t.Errorf("text part %q, want %q", got, textBody)
	}
	if got := string(parts[1].body); got != htmlBody {
		t.Errorf("HTML part %q, want %q", got, htmlBody)
	}
	if string(parts[2].body) != string(data) || parts[2].name != "diagram.png" {
		t.Errorf("attachment %q (%q), want the file's bytes", parts[2].name, parts[2].body)
	}

	// "Send it" opens scenario 4 carrying the message, over the websocket too.
	tb.Load("sending it", chromedp.Click(chromedp.CSS(`[data-testid="send"]`)))
	tb.Do("finding the player", chromedp.WaitVisible(chromedp.CSS(`#player`)))
	tb.Until("the player", `document.getElementById('player')?.dataset.live === 'true'`)
	if h1 := tb.Eval(`document.querySelector('h1').textContent`); !strings.Contains(h1, tr(lang.EN, "compose.yours")) {
		t.Errorf("the player's title %q does not say it carries the composed message", h1)
	}
	tb.Close()
}

// leaf is one decoded leaf of a parsed message.
type leaf struct {
	typ, name string
	body      []byte
}

// readParts walks a multipart body with mime/multipart, decoding Base64
// itself (multipart undoes only quoted-printable).
func readParts(t *testing.T, contentType string, body io.Reader) []leaf {
	t.Helper()
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		t.Fatalf("Content-Type %q: %v", contentType, err)
	}
	if !strings.HasPrefix(mt, "multipart/") {
		t.Fatalf("%s is not multipart", mt)
	}
	var out []leaf
	r := multipart.NewReader(body, params["boundary"])
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("reading a part: %v", err)
		}
		ct := p.Header.Get("Content-Type")
		if strings.HasPrefix(ct, "multipart/") {
			out = append(out, readParts(t, ct, p)...)
			continue
		}
		b, err := io.ReadAll(p)
		if err != nil {
			t.Fatal(err)
		}
		if strings.EqualFold(p.Header.Get("Content-Transfer-Encoding"), "base64") {
			if b, err = base64.StdEncoding.DecodeString(strings.Join(strings.Fields(string(b)), "")); err != nil {
				t.Fatalf("part %s: %v", ct, err)
			}
		}
		typ, _, _ := mime.ParseMediaType(ct)
		out = append(out, leaf{typ: typ, name: p.FileName(), body: b})
	}
}
