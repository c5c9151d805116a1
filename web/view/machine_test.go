package view

import (
	"mailsim/lang"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestStateLabelsClear lays out every state diagram in both languages and
// wants each transition's label clear of every other label and of every
// other transition's line, and no label that is a lone ".".
func TestStateLabelsClear(t *testing.T) {
	type box struct{ x0, y0, x1, y1 int }
	for _, l := range []lang.Lang{lang.RO, lang.EN} {
		for _, m := range Machines(l) {
			labels := make([]box, len(m.Edges))
			for i, e := range m.Edges {
				if strings.TrimSpace(e.Label) == "." {
					t.Errorf("%s %s: a lone %q label", m.Proto, e.ID, e.Label)
				}
				if e.BoxW < utf8.RuneCountInString(e.Label)*labelCharW || e.BoxX > e.LabelX-e.BoxW/2 {
					t.Errorf("%s %s: the background box %d+%d does not hold the label at %d", m.Proto, e.ID, e.BoxX, e.BoxW, e.LabelX)
				}
				labels[i] = box{e.BoxX, e.BoxY, e.BoxX + e.BoxW, e.BoxY + labelH - 2}
			}
			for i, a := range labels {
				for j, e := range m.Edges {
					if j > i && a.x0 < labels[j].x1 && labels[j].x0 < a.x1 && a.y0 < labels[j].y1 && labels[j].y0 < a.y1 {
						t.Errorf("%s (%s): the labels of %s and %s overlap", m.Proto, l, m.Edges[i].ID, e.ID)
					}
					if j == i {
						continue
					}
					for _, s := range segments(t, e.Path) {
						if s.x0 <= a.x1 && a.x0 <= s.x1 && s.y0 <= a.y1 && a.y0 <= s.y1 {
							t.Errorf("%s (%s): %s's line crosses the label of %s", m.Proto, l, e.ID, m.Edges[i].ID)
						}
					}
				}
			}
		}
	}
}

// TestStateEdgeWords checks the labels the review asked for: PASS / APOP
// (scenario pop3-apop takes that edge), HELO/EHLO, a Romanian word for the
// connection closing, and MAIL straight after the greeting drawn dashed
// with a note, since only the server's leniency allows it.
func TestStateEdgeWords(t *testing.T) {
	want := map[lang.Lang]map[string]string{
		lang.RO: {"pop3 Authorization>Transaction": "PASS / APOP", "smtp Greeted>Ready": "HELO/EHLO", "pop3 Update>Closed": "închidere"},
		lang.EN: {"pop3 Update>Closed": "close"},
	}
	for l, labels := range want {
		for _, m := range Machines(l) {
			for _, e := range m.Edges {
				if w, ok := labels[m.Proto+" "+e.ID]; ok && e.Label != w {
					t.Errorf("%s %s (%s): label %q, want %q", m.Proto, e.ID, l, e.Label, w)
				}
				if lenient := m.Proto == "smtp" && e.ID == "Greeted>MailFrom"; e.Dashed != lenient {
					t.Errorf("%s %s: dashed %v", m.Proto, e.ID, e.Dashed)
				}
			}
			if (m.Note != "") != (m.Proto == "smtp") {
				t.Errorf("%s (%s): note %q", m.Proto, l, m.Note)
			}
		}
	}
}

// segments reads the straight segments of an SVG path made of M, H and V,
// as boxes from the smaller to the larger corner.
func segments(t *testing.T, d string) []struct{ x0, y0, x1, y1 int } {
	var out []struct{ x0, y0, x1, y1 int }
	f := strings.Fields(d)
	x, y := 0, 0
	for i := 0; i < len(f); i++ {
		num := func() int {
			i++
			n, err := strconv.Atoi(f[i])
			if err != nil {
				t.Fatalf("path %q: %v", d, err)
			}
			return n
		}
		nx, ny := x, y
		switch f[i] {
		case "M":
			x, y = num(), num()
			continue
		case "H":
			nx = num()
		case "V":
			ny = num()
		default:
			t.Fatalf("path %q: command %s", d, f[i])
		}
		out = append(out, struct{ x0, y0, x1, y1 int }{min(x, nx), min(y, ny), max(x, nx), max(y, ny)})
		x, y = nx, ny
	}
	return out
}
