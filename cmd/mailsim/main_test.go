package main

import (
	"bytes"
	"strings"
	"testing"

	"mailsim/scenarios"
)

func TestListAndTranscript(t *testing.T) {
	lib, errs := scenarios.Load("")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var out bytes.Buffer
	if err := list(&out, lib); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "lan-both ") || strings.Count(out.String(), "\n") != len(lib.List()) {
		t.Fatalf("list:\n%s", &out)
	}

	out.Reset()
	if err := transcript(&out, lib, []string{"two-systems"}, "ro"); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{"Scenariul 2", "S: 220 sysb.example.net", "C: MAIL FROM:<alice@example.org>", "S: 221 2.0.0 Bye", "(răspuns, SMTP, push)"} {
		if !strings.Contains(text, want) {
			t.Errorf("Romanian transcript lacks %q", want)
		}
	}
	for _, bad := range [][]string{{"nope"}, {}, {"a", "b"}} {
		if err := transcript(&out, lib, bad, "en"); err == nil {
			t.Errorf("transcript %v: no error", bad)
		}
	}
	if err := transcript(&out, lib, []string{"two-systems"}, "fr"); err == nil {
		t.Error("transcript -lang fr: no error")
	}
}
