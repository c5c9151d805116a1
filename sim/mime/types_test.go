package mime

import "testing"

func TestLectureTablesBilingual(t *testing.T) {
	if len(MediaTypes) != 15 || len(TransferEncodings) != 5 {
		t.Fatalf("the lecture lists 15 types and 5 encodings, got %d and %d", len(MediaTypes), len(TransferEncodings))
	}
	for _, m := range MediaTypes {
		if !m.About.Complete() {
			t.Errorf("%s/%s lacks a language", m.Type, m.Subtype)
		}
	}
	for _, e := range TransferEncodings {
		if !e.About.Complete() {
			t.Errorf("%s lacks a language", e.Name)
		}
	}
}
