package mime

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCatalogComplete(t *testing.T) {
	if m := Catalog.Missing(); len(m) != 0 {
		t.Errorf("keys missing a language: %v", m)
	}
}

// TestCatalogVerbs keeps both languages of a text taking the same arguments
// in the same order, since msg fills them from one list.
func TestCatalogVerbs(t *testing.T) {
	verb := regexp.MustCompile(`%[a-z]`)
	for k, v := range Catalog {
		if ro, en := verb.FindAllString(v.RO, -1), verb.FindAllString(v.EN, -1); !slices.Equal(ro, en) {
			t.Errorf("%s: verbs %v (ro) and %v (en) differ", k, ro, en)
		}
	}
}

// TestCatalogRomanian catches the cedilla forms of ș and ț (ş, ţ), which
// look alike but are not correct Romanian.
func TestCatalogRomanian(t *testing.T) {
	for k, v := range Catalog {
		if strings.ContainsAny(v.RO, "şţŞŢ") {
			t.Errorf("%s: cedilla instead of comma below: %s", k, v.RO)
		}
	}
	if !strings.ContainsAny(Catalog["hint.index"].RO, "ăâîșț") {
		t.Errorf("Romanian hints lack diacritics")
	}
}

func TestEveryReasonHasMessage(t *testing.T) {
	for _, r := range []Reason{ReasonEmpty, ReasonTooLarge, ReasonNotUTF8, ReasonNotInAlphabet, ReasonMisplacedPadding,
		ReasonDataAfterPadding, ReasonBadLength, ReasonBadName, ReasonBadKind, ReasonExerciseSize, ReasonPaddingRemainder} {
		if _, ok := Catalog["err."+string(r)]; !ok {
			t.Errorf("no message for %s", r)
		}
	}
}

func TestCheckInputAndText(t *testing.T) {
	reason := func(err error) Reason {
		var e *Error
		if errors.As(err, &e) {
			return e.Reason
		}
		return ""
	}
	if r := reason(CheckInput(nil)); r != ReasonEmpty {
		t.Errorf("empty: %s", r)
	}
	if r := reason(CheckInput(make([]byte, MaxInput+1))); r != ReasonTooLarge {
		t.Errorf("too large: %s", r)
	}
	if err := CheckInput([]byte{0xff, 0}); err != nil {
		t.Errorf("binary bytes refused: %v", err)
	}
	if err := CheckText("Mâine ședință"); err != nil {
		t.Errorf("Romanian text refused: %v", err)
	}
	err := CheckText("ok\xc3(")
	var e *Error
	if !errors.As(err, &e) || e.Reason != ReasonNotUTF8 || e.Offset != 2 || e.Char != `"\xc3"` {
		t.Errorf("invalid UTF-8: %#v", err)
	}
	if r := reason(CheckText("")); r != ReasonEmpty {
		t.Errorf("empty text: %s", r)
	}
	if !utf8.ValidString(e.Text.RO) || !strings.Contains(e.Text.EN, "byte 2") {
		t.Errorf("message %+v", e.Text)
	}
}
