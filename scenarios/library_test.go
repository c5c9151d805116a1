package scenarios

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// named is the test header's scenario renamed to name.
func named(name string) string {
	return strings.Replace(header, "scenario t\n", "scenario "+name+"\n", 1)
}

// loadDir loads dir and returns the error texts, which must all be *Error
// values naming a file.
func loadDir(t *testing.T, dir string) (*Library, []string) {
	t.Helper()
	lib, errs := Load(dir)
	var texts []string
	for _, err := range errs {
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("error %v does not name its file", err)
		}
		texts = append(texts, err.Error())
	}
	return lib, texts
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLoadSymlinks: a link that stays inside the directory is followed; one
// that leads out is refused without a word of the file it points to.
func TestLoadSymlinks(t *testing.T) {
	outside := t.TempDir()
	secret := "root:$6$SECRET-FIRST-LINE:19000:0:99999:7:::"
	writeFile(t, filepath.Join(outside, "shadow"), secret+"\n")
	writeFile(t, filepath.Join(outside, "away.scn"), named("away"))
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "real.txt"), named("inside"))
	links := map[string]string{
		"inside.scn":   "real.txt",                                              // relative, inside
		"shadow.scn":   filepath.Join(outside, "shadow"),                        // absolute, outside
		"away.scn":     filepath.Join("..", filepath.Base(outside), "away.scn"), // relative, outside
		"dangling.scn": "missing.txt",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}

	lib, errs := loadDir(t, dir)
	if _, ok := lib.Get("inside"); !ok {
		t.Errorf("the link inside the directory was not followed: %q", errs)
	}
	if _, ok := lib.Get("away"); ok {
		t.Error("a link out of the directory was followed")
	}
	if len(errs) != 3 {
		t.Fatalf("want errors for away.scn, dangling.scn and shadow.scn, got %q", errs)
	}
	for i, name := range []string{"away.scn", "dangling.scn", "shadow.scn"} {
		if !strings.Contains(errs[i], name+": a symbolic link that leads out of the scenario directory") {
			t.Errorf("error %d is %q, want %s refused as a link out", i, errs[i], name)
		}
		if strings.Contains(errs[i], "SECRET") || strings.Contains(errs[i], "root:") {
			t.Errorf("error %q quotes the file outside", errs[i])
		}
	}
}

// TestLoadDuplicateName: two files of the directory with one scenario name
// are an error naming both, and the first in file-name order stays; a file
// may still replace a built-in scenario.
func TestLoadDuplicateName(t *testing.T) {
	dir := t.TempDir()
	first := strings.Replace(named("twice"), `en="Title"`, `en="First"`, 1)
	writeFile(t, filepath.Join(dir, "a.scn"), first)
	writeFile(t, filepath.Join(dir, "b.scn"), named("twice"))
	writeFile(t, filepath.Join(dir, "c.scn"), named("two-systems"))

	lib, errs := loadDir(t, dir)
	if len(errs) != 1 {
		t.Fatalf("want one error, got %q", errs)
	}
	a, b := filepath.Join(dir, "a.scn"), filepath.Join(dir, "b.scn")
	if !strings.HasPrefix(errs[0], b+": ") || !strings.Contains(errs[0], `"twice" is already defined in `+a) {
		t.Errorf("the error %q does not name both files", errs[0])
	}
	if s, ok := lib.Get("twice"); !ok || s.Title.EN != "First" {
		t.Errorf("the first file's scenario must stay: %+v", s)
	}
	if s, ok := lib.Get("two-systems"); !ok || s.Title.EN != "Title" {
		t.Errorf("c.scn must replace the built-in two-systems: %+v", s)
	}
}

// TestLoadErrorQuotesOnlyItsLine: an error names the line at fault and quotes
// nothing of the file's other lines.
func TestLoadErrorQuotesOnlyItsLine(t *testing.T) {
	dir := t.TempDir()
	text := strings.Replace(named("leak"), "title ", "# a comment with PRIVATE words\ntitle ", 1) + "link a b kind=fibre latency=1ms\n"
	writeFile(t, filepath.Join(dir, "leak.scn"), text)
	writeFile(t, filepath.Join(dir, "binary.scn"), "\x00\x1b[2J"+strings.Repeat("x", 100)+"\nPRIVATE\n")

	_, errs := loadDir(t, dir)
	if len(errs) != 2 {
		t.Fatalf("want two errors, got %q", errs)
	}
	for _, e := range errs {
		if strings.Contains(e, "PRIVATE") || strings.Contains(e, "\x1b") || strings.Contains(e, "\x00") {
			t.Errorf("the error %q quotes another line or a control character", e)
		}
	}
	if !strings.Contains(errs[1], "leak.scn:14: unknown link kind") {
		t.Errorf("the error %q does not name the line at fault", errs[1])
	}
}
