package mimelab

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"

	"mailsim/sim/mime"
	"mailsim/web/view"
	"mailsim/web/words"
)

// Base64 exercises: GET /lab/exercise?kind=encode|padding|decode&seed=N (or
// &input=… for an instructor's own) draws the sheet; the page's script sends
// the answers to POST /lab/api/check as the student types and marks each
// cell from the mime.Result it gets back. The server never sends the
// answers with the sheet: it rebuilds the exercise from its seed or input to
// grade it, so the page source gives nothing away.

// checkRequest is the body of POST /lab/api/check: what identifies the
// exercise (as the sheet's data attributes carry it) and the answers.
type checkRequest struct {
	Kind    string       `json:"kind"`
	Seed    int64        `json:"seed"`
	Input   string       `json:"input"`
	Given   bool         `json:"given"`
	Answers mime.Answers `json:"answers"`
}

// checkBodyLimit bounds a check: an exercise has at most a few dozen cells
// of a few characters each.
const checkBodyLimit = 16 << 10

// exerciseSeeds is the range random seeds are drawn from: small numbers,
// easy to read out in a lecture hall.
const exerciseSeeds = 100000

// exerciseView is the sheet: the exercise, laid out group by group, or the
// reason there is none.
type exerciseView struct {
	Ex     mime.Exercise
	Kind   mime.ExerciseKind // the kind asked for, even when refused
	Groups []exGroup
	Error  string
	Input  string // the instructor's input, to keep in the form
}

// exGroup is one group of an exercise: tables of given values and blanks.
type exGroup struct {
	N      int // counted from 1 for the reader
	Tables []exTable
	Fill   *exCell // padding exercises: how many zero bits are added
}

// exTable has one column per byte, sextet or character of the group.
type exTable struct {
	Head string // the columns' common name (UI key)
	Cols int
	Rows []exRow
}

type exRow struct {
	Label string // UI key
	Cells []exCell
}

// exCell is a given value (Text), a blank to fill (ID set) or neither (a
// position the exercise does not ask about, such as a padding index).
type exCell struct {
	Text string
	ID   string
	Kind mime.CellKind
}

// exercise draws a sheet, first sending a sheet without a seed to one with.
func (a *Section) exercise(w http.ResponseWriter, r *http.Request) {
	l := view.PageLang(w, r)
	q := r.URL.Query()
	v := exerciseView{Kind: mime.ExerciseKind(q.Get("kind")), Input: q.Get("input")}
	if v.Kind == "" {
		v.Kind = mime.ExerciseEncode
	}
	if !q.Has("seed") && !q.Has("input") {
		// A random sheet gets its seed in the address, so that the link
		// (projected, or sent to a student) reopens the same exercise.
		to := url.Values{"kind": {string(v.Kind)}, "seed": {strconv.Itoa(1 + rand.IntN(exerciseSeeds))}}
		http.Redirect(w, r, "/lab/exercise?"+to.Encode(), http.StatusSeeOther)
		return
	}
	ex, err := exerciseFrom(string(v.Kind), q.Get("seed"), v.Input, q.Has("input"))
	if err != nil {
		v.Error = err.Text.In(l)
	} else {
		v.Ex, v.Groups = ex, sheet(ex)
	}
	status := http.StatusOK
	if err != nil {
		status = http.StatusBadRequest
	}
	view.Render(w, r, a.log, status, exercisePage(labMeta(r, l, "lab.title.exercise"), v))
}

// exerciseFrom rebuilds an exercise from what its URL or check request says.
func exerciseFrom(kind, seed, input string, given bool) (mime.Exercise, *mime.Error) {
	k, err := mime.ParseKind(kind)
	if err != nil {
		return mime.Exercise{}, asMimeError(err)
	}
	if given {
		ex, err := mime.ExerciseFor([]byte(input), k)
		if err != nil {
			return mime.Exercise{}, asMimeError(err)
		}
		return ex, nil
	}
	n, perr := strconv.ParseInt(seed, 10, 64)
	if perr != nil {
		return mime.Exercise{}, labError("bad-seed", format(words.Text("lab.err.seed"), seed))
	}
	return mime.NewExercise(n, k), nil
}

// sheet arranges an exercise's cells as the sheet shows them, with the
// values the student starts from (bytes to encode, characters to decode).
func sheet(ex mime.Exercise) []exGroup {
	blank := map[string]mime.Cell{}
	for _, c := range ex.Cells {
		blank[c.ID] = c
	}
	cell := func(id string) exCell {
		if c, ok := blank[id]; ok {
			return exCell{ID: id, Kind: c.Kind}
		}
		return exCell{}
	}
	var groups []exGroup
	if ex.Kind == mime.ExerciseDecode {
		t, _ := mime.TraceDecode(ex.Input) // the exercise was built from this same trace
		for g, grp := range t.Groups {
			chars := exTable{Head: "ex.chars", Cols: 4, Rows: []exRow{{Label: "ex.row.char"}, {Label: "ex.row.index"}, {Label: "ex.row.sextet"}}}
			for s, x := range grp.Sextets {
				chars.Rows[0].Cells = append(chars.Rows[0].Cells, exCell{Text: x.Char})
				chars.Rows[1].Cells = append(chars.Rows[1].Cells, cell(fmt.Sprintf("g%d.s%d.index", g, s)))
				chars.Rows[2].Cells = append(chars.Rows[2].Cells, cell(fmt.Sprintf("g%d.s%d.bits", g, s)))
			}
			bytes := exTable{Head: "ex.bytes", Cols: len(grp.Bytes), Rows: []exRow{{Label: "ex.row.bits"}, {Label: "ex.row.value"}}}
			for j := range grp.Bytes {
				bytes.Rows[0].Cells = append(bytes.Rows[0].Cells, cell(fmt.Sprintf("g%d.b%d.bits", g, j)))
				bytes.Rows[1].Cells = append(bytes.Rows[1].Cells, cell(fmt.Sprintf("g%d.b%d.value", g, j)))
			}
			groups = append(groups, exGroup{N: g + 1, Tables: []exTable{chars, bytes}})
		}
		return groups
	}
	t := mime.TraceEncode([]byte(ex.Input))
	for g, grp := range t.Groups {
		bytes := exTable{Head: "ex.bytes", Cols: len(grp.Bytes), Rows: []exRow{
			{Label: "ex.row.char"}, {Label: "ex.row.dec"}, {Label: "ex.row.hex"}, {Label: "ex.row.bits"}}}
		for j, b := range grp.Bytes {
			bytes.Rows[0].Cells = append(bytes.Rows[0].Cells, exCell{Text: b.Char})
			bytes.Rows[1].Cells = append(bytes.Rows[1].Cells, exCell{Text: strconv.Itoa(b.Value)})
			bytes.Rows[2].Cells = append(bytes.Rows[2].Cells, exCell{Text: b.Hex})
			bytes.Rows[3].Cells = append(bytes.Rows[3].Cells, cell(fmt.Sprintf("g%d.b%d.bits", g, j)))
		}
		sextets := exTable{Head: "ex.sextets", Cols: 4, Rows: []exRow{{Label: "ex.row.sextet"}, {Label: "ex.row.index"}, {Label: "ex.row.char"}}}
		for s := range grp.Sextets {
			sextets.Rows[0].Cells = append(sextets.Rows[0].Cells, cell(fmt.Sprintf("g%d.s%d.bits", g, s)))
			sextets.Rows[1].Cells = append(sextets.Rows[1].Cells, cell(fmt.Sprintf("g%d.s%d.index", g, s)))
			sextets.Rows[2].Cells = append(sextets.Rows[2].Cells, cell(fmt.Sprintf("g%d.s%d.char", g, s)))
		}
		eg := exGroup{N: g + 1, Tables: []exTable{bytes, sextets}}
		if c := cell(fmt.Sprintf("g%d.fill", g)); c.ID != "" {
			eg.Fill = &c
		}
		groups = append(groups, eg)
	}
	return groups
}

// checkAPI grades answers: POST /lab/api/check answers mime.Result as JSON.
func (a *Section) checkAPI(w http.ResponseWriter, r *http.Request) {
	body, ok := readBounded(w, r, checkBodyLimit)
	if !ok {
		return
	}
	var req checkRequest
	if err := json.Unmarshal(body, &req); err != nil {
		view.JSON(w, http.StatusBadRequest, refusal{labError("bad-request", words.Text("lab.err.read"))})
		return
	}
	ex, err := exerciseFrom(req.Kind, strconv.FormatInt(req.Seed, 10), req.Input, req.Given)
	if err != nil {
		view.JSON(w, http.StatusBadRequest, refusal{err})
		return
	}
	view.JSON(w, http.StatusOK, mime.Check(ex, req.Answers))
}

// kindURL is a fresh random sheet of kind k.
func kindURL(k mime.ExerciseKind) string {
	return "/lab/exercise?kind=" + url.QueryEscape(string(k))
}

// exerciseKinds are the sheets the page links to, in order.
var exerciseKinds = []mime.ExerciseKind{mime.ExerciseEncode, mime.ExercisePadding, mime.ExerciseDecode}

// Pages are the lab's pages its navigation reaches, tabs and sheets, in
// order: the tests that visit every page list them from here.
func Pages() []string {
	var out []string
	for _, t := range labTabs {
		out = append(out, t.Path)
	}
	for _, k := range exerciseKinds {
		out = append(out, kindURL(k))
	}
	return out
}
