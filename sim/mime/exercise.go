package mime

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"mailsim/lang"
)

// ExerciseKind is the kind of Base64 exercise a student works by hand.
type ExerciseKind string

// The kinds.
const (
	ExerciseEncode  ExerciseKind = "encode"  // whole 3-byte groups to encode
	ExercisePadding ExerciseKind = "padding" // an encoding that ends with 1 or 2 bytes left
	ExerciseDecode  ExerciseKind = "decode"  // a short Base64 text to decode
)

// ParseKind maps a kind from a URL to an ExerciseKind.
func ParseKind(s string) (ExerciseKind, error) {
	switch k := ExerciseKind(strings.TrimSpace(s)); k {
	case ExerciseEncode, ExercisePadding, ExerciseDecode:
		return k, nil
	}
	return "", wholeError(ReasonBadKind, s)
}

// Exercise sizes: long enough to need two groups, short enough for paper.
const (
	MaxExerciseBytes = 24 // input bytes of an encode or padding exercise
	MaxExerciseText  = 32 // characters of a decode exercise
)

// CellKind is what a blank in an exercise asks for.
type CellKind string

// The kinds of cell.
const (
	CellByteBits   CellKind = "byte-bits"   // the 8 binary digits of a byte
	CellSextetBits CellKind = "sextet-bits" // the 6 binary digits of a group
	CellIndex      CellKind = "index"       // a value from 0 to 63
	CellChar       CellKind = "char"        // a Base64 character or '='
	CellFill       CellKind = "fill"        // how many zero bits complete the last 6-bit group
	CellValue      CellKind = "value"       // a decoded byte: its character or its decimal value
)

// Cell is one blank the student fills in. IDs are "g<group>.b<byte>.bits",
// "g<group>.s<sextet>.bits", "g<group>.s<sextet>.index",
// "g<group>.s<sextet>.char", "g<group>.fill" and "g<group>.b<byte>.value",
// counting from 0. The expected answer is not part of the JSON: the server
// rebuilds the exercise from its seed or input to grade it.
//
// JSON: {"id":"g0.s0.index","kind":"index","group":0,"pos":0}
type Cell struct {
	ID    string   `json:"id"`
	Kind  CellKind `json:"kind"`
	Group int      `json:"group"`
	Pos   int      `json:"pos"` // byte or sextet position within the group; 0 for fill
	want  string   // the canonical answer
	alt   string   // a second accepted answer (a value cell's decimal form), or ""
	hint  string   // the Catalog key of the hint for a wrong answer
}

// Exercise is a Base64 exercise: what to work on and the blanks to fill.
// Input is the bytes to encode (encode, padding) or the Base64 text to
// decode (decode); InputHex shows the bytes to encode in hexadecimal.
//
// JSON: {"seed":42,"given":false,"kind":"encode","input":"Man","inputHex":"4D616E","prompt":lang.Text,"cells":[Cell…]}
type Exercise struct {
	Seed     int64        `json:"seed"`  // the seed it was drawn with; 0 when Given
	Given    bool         `json:"given"` // the input was given explicitly (ExerciseFor)
	Kind     ExerciseKind `json:"kind"`
	Input    string       `json:"input"`
	InputHex string       `json:"inputHex,omitempty"` // encode and padding only
	Prompt   lang.Text    `json:"prompt"`
	Cells    []Cell       `json:"cells"`
}

// Answers are a student's entries by cell ID.
type Answers map[string]string

// CellResult is the grade of one cell. Expected is revealed so the page can
// show the correction once the student asks for it.
//
// JSON: {"id":"g0.s0.index","given":"18","expected":"19","ok":false,"hint":lang.Text}
type CellResult struct {
	ID       string     `json:"id"`
	Given    string     `json:"given"` // the answer with surrounding spaces removed
	Expected string     `json:"expected"`
	OK       bool       `json:"ok"`
	Hint     *lang.Text `json:"hint,omitempty"` // only on a wrong cell
}

// Result grades a whole exercise, cell by cell, in the exercise's order.
//
// JSON: {"cells":[CellResult…],"wrong":["g0.s0.index"],"correct":15,"total":16,"score":93}
type Result struct {
	Cells   []CellResult `json:"cells"`
	Wrong   []string     `json:"wrong"`   // IDs of the wrong cells, in order
	Correct int          `json:"correct"` // cells right
	Total   int          `json:"total"`
	Score   int          `json:"score"` // 100*Correct/Total rounded down, so only a perfect sheet shows 100
}

// exerciseChars are the characters random inputs are drawn from: letters and
// digits, so every byte has a character a student can write and none is a
// space an answer box would trim away.
const exerciseChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// exerciseStream is the PCG stream; fixed so a seed alone picks the exercise.
const exerciseStream = 0x6d61696c73696d // "mailsim"

// NewExercise draws an exercise of the given kind from seed: the same seed
// and kind always give the same exercise, so a seed in a URL reproduces it.
// An unknown kind gives an encode exercise; use ParseKind to refuse one.
func NewExercise(seed int64, kind ExerciseKind) Exercise {
	rng := rand.New(rand.NewPCG(uint64(seed), exerciseStream))
	var n int
	switch kind {
	case ExercisePadding:
		n = []int{1, 2, 4, 5}[rng.IntN(4)]
	case ExerciseDecode:
		n = 2 + rng.IntN(5) // 2..6 bytes: one or two groups, with and without padding
	default:
		kind = ExerciseEncode
		n = 3 * (1 + rng.IntN(2))
	}
	b := make([]byte, n)
	for i := range b {
		b[i] = exerciseChars[rng.IntN(len(exerciseChars))]
	}
	input := b
	if kind == ExerciseDecode {
		input = []byte(TraceEncode(b).Output)
	}
	// The input was drawn within every limit, so building cannot fail.
	ex, _ := build(input, kind)
	ex.Seed = seed
	return ex
}

// ExerciseFor builds an exercise on an explicit input: the bytes to encode
// for encode and padding, the Base64 text for decode.
func ExerciseFor(input []byte, kind ExerciseKind) (Exercise, error) {
	if _, err := ParseKind(string(kind)); err != nil {
		return Exercise{}, err
	}
	if len(input) == 0 {
		return Exercise{}, wholeError(ReasonEmpty)
	}
	limit := MaxExerciseBytes
	if kind == ExerciseDecode {
		limit = MaxExerciseText
	}
	if len(input) > limit {
		return Exercise{}, wholeError(ReasonExerciseSize, limit, len(input))
	}
	if kind == ExercisePadding && len(input)%3 == 0 {
		return Exercise{}, wholeError(ReasonPaddingRemainder, len(input))
	}
	ex, err := build(input, kind)
	if err != nil {
		return Exercise{}, err
	}
	ex.Given = true
	return ex, nil
}

// build makes the cells from the trace of the input, so the answers are
// exactly what the lab's own trace shows.
func build(input []byte, kind ExerciseKind) (Exercise, error) {
	ex := Exercise{Kind: kind, Input: string(input), Prompt: Catalog["prompt."+string(kind)]}
	if kind == ExerciseDecode {
		t, err := TraceDecode(string(input))
		if err != nil {
			return Exercise{}, err
		}
		ex.Cells = decodeCells(t)
		return ex, nil
	}
	ex.InputHex = upperHex(input)
	ex.Cells = encodeCells(TraceEncode(input), kind == ExercisePadding)
	return ex, nil
}

func encodeCells(t EncodeTrace, fill bool) []Cell {
	var cells []Cell
	for g, grp := range t.Groups {
		for j, b := range grp.Bytes {
			cells = append(cells, Cell{ID: fmt.Sprintf("g%d.b%d.bits", g, j), Kind: CellByteBits, Group: g, Pos: j, want: b.Bits, hint: "hint.byte-bits"})
		}
		if fill && grp.Pad > 0 {
			zeros := strings.Count(grp.BitKinds, string(rune(BitFill)))
			cells = append(cells, Cell{ID: fmt.Sprintf("g%d.fill", g), Kind: CellFill, Group: g, want: strconv.Itoa(zeros), hint: "hint.fill"})
		}
		for s, x := range grp.Sextets {
			if x.Pad {
				cells = append(cells, Cell{ID: fmt.Sprintf("g%d.s%d.char", g, s), Kind: CellChar, Group: g, Pos: s, want: x.Char, hint: "hint.pad-char"})
				continue
			}
			cells = append(cells,
				Cell{ID: fmt.Sprintf("g%d.s%d.bits", g, s), Kind: CellSextetBits, Group: g, Pos: s, want: x.Bits, hint: "hint.sextet-bits"},
				Cell{ID: fmt.Sprintf("g%d.s%d.index", g, s), Kind: CellIndex, Group: g, Pos: s, want: strconv.Itoa(x.Index), hint: "hint.index"},
				Cell{ID: fmt.Sprintf("g%d.s%d.char", g, s), Kind: CellChar, Group: g, Pos: s, want: x.Char, hint: "hint.char"},
			)
		}
	}
	return cells
}

func decodeCells(t DecodeTrace) []Cell {
	var cells []Cell
	for g, grp := range t.Groups {
		for s, x := range grp.Sextets {
			if x.Pad {
				continue
			}
			cells = append(cells,
				Cell{ID: fmt.Sprintf("g%d.s%d.index", g, s), Kind: CellIndex, Group: g, Pos: s, want: strconv.Itoa(x.Index), hint: "hint.decode-index"},
				Cell{ID: fmt.Sprintf("g%d.s%d.bits", g, s), Kind: CellSextetBits, Group: g, Pos: s, want: x.Bits, hint: "hint.decode-sextet"},
			)
		}
		for j, b := range grp.Bytes {
			v := Cell{ID: fmt.Sprintf("g%d.b%d.value", g, j), Kind: CellValue, Group: g, Pos: j, want: strconv.Itoa(b.Value), hint: "hint.decode-value"}
			if b.Char != "" && b.Char != " " {
				v.want, v.alt = b.Char, strconv.Itoa(b.Value)
			}
			cells = append(cells,
				Cell{ID: fmt.Sprintf("g%d.b%d.bits", g, j), Kind: CellByteBits, Group: g, Pos: j, want: b.Bits, hint: "hint.decode-byte-bits"},
				v,
			)
		}
	}
	return cells
}

// Check grades every cell of ex. Answers are trimmed of surrounding spaces;
// numbers are compared as numbers ("07" is 7); characters are compared
// exactly, since Base64 tells upper from lower case. A missing answer is
// wrong.
func Check(ex Exercise, answers Answers) Result {
	r := Result{Cells: make([]CellResult, 0, len(ex.Cells)), Wrong: []string{}, Total: len(ex.Cells)}
	for _, c := range ex.Cells {
		given := strings.TrimSpace(answers[c.ID])
		cr := CellResult{ID: c.ID, Given: given, Expected: c.want, OK: c.accepts(given)}
		if cr.OK {
			r.Correct++
		} else {
			r.Wrong = append(r.Wrong, c.ID)
			cr.Hint = ref(c.hintFor(given))
		}
		r.Cells = append(r.Cells, cr)
	}
	if r.Total > 0 {
		r.Score = 100 * r.Correct / r.Total
	}
	return r
}

// accepts reports whether a trimmed answer is right for the cell.
func (c Cell) accepts(given string) bool {
	switch c.Kind {
	case CellIndex, CellFill:
		return sameNumber(given, c.want)
	case CellValue:
		if c.alt != "" {
			return given == c.want || sameNumber(given, c.alt)
		}
		return sameNumber(given, c.want)
	}
	return given == c.want
}

// hintFor picks the hint key for a wrong answer: a letter in the wrong case
// gets its own hint, since that is the commonest slip with the table.
func (c Cell) hintFor(given string) string {
	if c.Kind == CellChar && given != c.want && strings.EqualFold(given, c.want) {
		return "hint.char-case"
	}
	return c.hint
}

func sameNumber(a, b string) bool {
	x, err := strconv.Atoi(a)
	if err != nil {
		return false
	}
	y, err := strconv.Atoi(b)
	return err == nil && x == y
}
