//go:build unix

package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestLoadSkipsSpecialFiles: a FIFO named *.scn used to block start-up for
// ever, and a directory was reported as a line too long. Both, and a device,
// are skipped with an error that names them, and the good file beside them
// loads. The
// test would hang, not fail, if the FIFO were opened for reading.
func TestLoadSkipsSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.scn"), 0o644); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.scn"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "good.scn"), named("good"))
	want := []string{"fifo.scn: is a named pipe (FIFO), not a regular file; skipped", "folder.scn: is a directory, not a regular file; skipped"}
	// A character device like /dev/null (1, 3), where this test may make one.
	if err := syscall.Mknod(filepath.Join(dir, "device.scn"), syscall.S_IFCHR|0o644, 1<<8|3); err == nil {
		want = append([]string{"device.scn: is a device, not a regular file; skipped"}, want...)
	} else {
		t.Logf("no device node here (%v): only the FIFO and the directory are tried", err)
	}

	lib, errs := loadDir(t, dir)
	if len(errs) != len(want) {
		t.Fatalf("want an error for each of %q, got %q", want, errs)
	}
	for i, want := range want {
		if !strings.HasSuffix(errs[i], want) {
			t.Errorf("error %d is %q, want it to end %q", i, errs[i], want)
		}
		if strings.Contains(errs[i], "longer than") {
			t.Errorf("error %q misreports the file", errs[i])
		}
	}
	if _, ok := lib.Get("good"); !ok {
		t.Error("the good file beside them was not loaded")
	}
}
