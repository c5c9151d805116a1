package mime

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
)

// rightAnswers fills every cell correctly, padded with spaces the way a
// student's answer box may be.
func rightAnswers(ex Exercise) Answers {
	a := Answers{}
	for _, c := range ex.Cells {
		a[c.ID] = " " + c.want + "\t"
	}
	return a
}

func TestExerciseSameSeedSameExercise(t *testing.T) {
	for _, kind := range []ExerciseKind{ExerciseEncode, ExercisePadding, ExerciseDecode} {
		a, b := NewExercise(42, kind), NewExercise(42, kind)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: seed 42 gave two exercises: %q and %q", kind, a.Input, b.Input)
		}
		differ := false
		for seed := int64(1); seed < 20 && !differ; seed++ {
			differ = NewExercise(seed, kind).Input != a.Input
		}
		if !differ {
			t.Errorf("%s: every seed gives %q", kind, a.Input)
		}
	}
}

func TestExerciseKindsShape(t *testing.T) {
	for seed := range int64(200) {
		enc := NewExercise(seed, ExerciseEncode)
		if n := len(enc.Input); n != 3 && n != 6 {
			t.Fatalf("seed %d: encode input %q", seed, enc.Input)
		}
		pad := NewExercise(seed, ExercisePadding)
		if len(pad.Input)%3 == 0 || len(pad.Input) > 5 {
			t.Fatalf("seed %d: padding input %q", seed, pad.Input)
		}
		dec := NewExercise(seed, ExerciseDecode)
		tr, err := TraceDecode(dec.Input)
		if err != nil || len(tr.Output) < 2 || len(tr.Output) > 6 {
			t.Fatalf("seed %d: decode input %q: %v", seed, dec.Input, err)
		}
		for _, ex := range []Exercise{enc, pad, dec} {
			if r := Check(ex, rightAnswers(ex)); r.Score != 100 || len(r.Wrong) != 0 || r.Total != len(ex.Cells) {
				t.Fatalf("seed %d %s: right answers scored %+v", seed, ex.Kind, r)
			}
			if ex.Seed != seed || ex.Given || !ex.Prompt.Complete() {
				t.Fatalf("seed %d %s: %+v", seed, ex.Kind, ex)
			}
			for _, c := range ex.Cells {
				if !Catalog[c.hint].Complete() || !Catalog[c.hintFor("x")].Complete() {
					t.Fatalf("cell %s: hint %q missing", c.ID, c.hint)
				}
			}
		}
	}
	if NewExercise(1, "nonsense").Kind != ExerciseEncode {
		t.Errorf("unknown kind does not fall back to encode")
	}
}

func TestExerciseCellsMan(t *testing.T) {
	ex, err := ExerciseFor([]byte("Man"), ExerciseEncode)
	if err != nil {
		t.Fatal(err)
	}
	var ids, wants []string
	for _, c := range ex.Cells {
		ids = append(ids, c.ID)
		wants = append(wants, c.want)
	}
	wantIDs := []string{
		"g0.b0.bits", "g0.b1.bits", "g0.b2.bits",
		"g0.s0.bits", "g0.s0.index", "g0.s0.char",
		"g0.s1.bits", "g0.s1.index", "g0.s1.char",
		"g0.s2.bits", "g0.s2.index", "g0.s2.char",
		"g0.s3.bits", "g0.s3.index", "g0.s3.char",
	}
	wantAnswers := []string{
		"01001101", "01100001", "01101110",
		"010011", "19", "T", "010110", "22", "W", "000101", "5", "F", "101110", "46", "u",
	}
	if !reflect.DeepEqual(ids, wantIDs) || !reflect.DeepEqual(wants, wantAnswers) {
		t.Errorf("cells %v = %v", ids, wants)
	}
	if !ex.Given || ex.Seed != 0 || ex.InputHex != "4D616E" {
		t.Errorf("exercise %+v", ex)
	}
}

func TestCheckOneWrongCell(t *testing.T) {
	ex, _ := ExerciseFor([]byte("Man"), ExerciseEncode)
	a := rightAnswers(ex)
	a["g0.s1.index"] = "21"
	r := Check(ex, a)
	if !reflect.DeepEqual(r.Wrong, []string{"g0.s1.index"}) || r.Correct != 14 || r.Total != 15 || r.Score != 93 {
		t.Fatalf("result wrong %v, %d/%d, score %d", r.Wrong, r.Correct, r.Total, r.Score)
	}
	for _, c := range r.Cells {
		if c.ID == "g0.s1.index" {
			if c.OK || c.Given != "21" || c.Expected != "22" || c.Hint == nil || *c.Hint != Catalog["hint.index"] {
				t.Errorf("wrong cell %+v", c)
			}
		} else if !c.OK || c.Hint != nil {
			t.Errorf("cell %s graded %+v", c.ID, c)
		}
	}
}

func TestCheckTolerance(t *testing.T) {
	ex, _ := ExerciseFor([]byte("Man"), ExerciseEncode)
	a := rightAnswers(ex)
	a["g0.s2.index"] = " 05 " // numbers compare as numbers
	a["g0.s3.char"] = "U"     // case matters in Base64
	delete(a, "g0.b0.bits")   // a blank is wrong
	r := Check(ex, a)
	if !reflect.DeepEqual(r.Wrong, []string{"g0.b0.bits", "g0.s3.char"}) || r.Score != 86 {
		t.Fatalf("wrong %v score %d", r.Wrong, r.Score)
	}
	if h := r.Cells[14].Hint; h == nil || *h != Catalog["hint.char-case"] {
		t.Errorf("case slip hint %v", h)
	}
	if h := r.Cells[0].Hint; h == nil || *h != Catalog["hint.byte-bits"] {
		t.Errorf("blank byte hint %v", h)
	}
}

func TestPaddingExercise(t *testing.T) {
	ex, err := ExerciseFor([]byte("Ma"), ExercisePadding)
	if err != nil {
		t.Fatal(err)
	}
	a := rightAnswers(ex)
	if a["g0.fill"] != " 2\t" || a["g0.s3.char"] != " =\t" {
		t.Fatalf("fill %q, last char %q", a["g0.fill"], a["g0.s3.char"])
	}
	if _, ok := a["g0.s3.index"]; ok {
		t.Errorf("a padding position asks for an index")
	}
	a["g0.s3.char"] = "A"
	r := Check(ex, a)
	if !reflect.DeepEqual(r.Wrong, []string{"g0.s3.char"}) || *r.Cells[len(r.Cells)-1].Hint != Catalog["hint.pad-char"] {
		t.Errorf("result %+v", r)
	}
	one, _ := ExerciseFor([]byte("M"), ExercisePadding)
	if rightAnswers(one)["g0.fill"] != " 4\t" {
		t.Errorf("1 byte left should need 4 zero bits")
	}
}

func TestDecodeExercise(t *testing.T) {
	ex, err := ExerciseFor([]byte("TWE="), ExerciseDecode)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range ex.Cells {
		ids = append(ids, c.ID)
	}
	want := []string{
		"g0.s0.index", "g0.s0.bits", "g0.s1.index", "g0.s1.bits", "g0.s2.index", "g0.s2.bits",
		"g0.b0.bits", "g0.b0.value", "g0.b1.bits", "g0.b1.value",
	}
	if !reflect.DeepEqual(ids, want) {
		t.Fatalf("cells %v", ids)
	}
	// A byte may be answered by its character or its decimal value.
	a := rightAnswers(ex)
	a["g0.b0.value"] = "77"
	a["g0.b1.value"] = "b"
	r := Check(ex, a)
	if !reflect.DeepEqual(r.Wrong, []string{"g0.b1.value"}) || r.Score != 90 {
		t.Errorf("wrong %v score %d", r.Wrong, r.Score)
	}
	// A byte with no writable character takes its decimal value only.
	ctl, _ := ExerciseFor([]byte("AQ=="), ExerciseDecode)
	if r := Check(ctl, Answers{"g0.b0.value": "1"}); r.Cells[5].ID != "g0.b0.value" || !r.Cells[5].OK || r.Cells[5].Expected != "1" {
		t.Errorf("control byte %+v", r.Cells)
	}
}

func TestExerciseForErrors(t *testing.T) {
	for _, c := range []struct {
		in     string
		kind   ExerciseKind
		reason Reason
	}{
		{"Man", "bogus", ReasonBadKind},
		{"", ExerciseEncode, ReasonEmpty},
		{"0123456789012345678901234", ExerciseEncode, ReasonExerciseSize},
		{"Man", ExercisePadding, ReasonPaddingRemainder},
		{"TWF!", ExerciseDecode, ReasonNotInAlphabet},
		{"TWFuTWFuTWFuTWFuTWFuTWFuTWFuTWFuTWFu", ExerciseDecode, ReasonExerciseSize},
	} {
		_, err := ExerciseFor([]byte(c.in), c.kind)
		var e *Error
		if !errors.As(err, &e) || e.Reason != c.reason || !e.Text.Complete() {
			t.Errorf("ExerciseFor(%q, %s) error %v, want %s", c.in, c.kind, err, c.reason)
		}
	}
	if k, err := ParseKind(" padding "); err != nil || k != ExercisePadding {
		t.Errorf("ParseKind = %q, %v", k, err)
	}
}

func ExampleCheck() {
	ex, _ := ExerciseFor([]byte("Man"), ExerciseEncode)
	r := Check(ex, Answers{"g0.b0.bits": "01001101", "g0.s0.index": "19"})
	fmt.Println(r.Correct, r.Total, r.Score)
	// Output: 2 15 13
}
