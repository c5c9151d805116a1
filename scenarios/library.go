package scenarios

import (
	"cmp"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"mailsim/sim"
)

//go:embed files/*.scn
var embedded embed.FS

// Ext is the file name ending of scenario files.
const Ext = ".scn"

// Library is the set of scenarios the app serves.
type Library struct {
	specs []*sim.Spec
}

// Load reads the embedded scenarios and then, when extraDir is not empty,
// every *.scn file in it, which adds scenarios or replaces embedded ones of
// the same name. A bad file is reported and skipped: the good ones still load.
//
// Only regular files in extraDir are read: a directory, FIFO, socket or
// device named *.scn is skipped with an error naming it (a FIFO would block
// start-up for ever). A symbolic link is followed only while it stays inside
// extraDir, as os.Root enforces; one that leads out is refused, so a link to
// /etc/shadow neither loads nor has its first line quoted in an error. Two
// files of extraDir that name the same scenario are an error naming both;
// the first in file-name order is kept.
func Load(extraDir string) (*Library, []error) {
	ld := &loader{byName: map[string]loaded{}}
	files, _ := fs.Sub(embedded, "files")
	names, _ := fs.Glob(files, "*"+Ext)
	for _, name := range names {
		f, err := files.Open(name)
		if err != nil {
			ld.errs = append(ld.errs, err)
			continue
		}
		ld.parse(path.Join("scenarios/files", name), f, true)
	}
	if extraDir != "" {
		ld.dir(extraDir)
	}
	lib := &Library{}
	for _, s := range ld.byName {
		lib.specs = append(lib.specs, s.spec)
	}
	slices.SortFunc(lib.specs, func(a, b *sim.Spec) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), strings.Compare(a.Name, b.Name))
	})
	return lib, ld.errs
}

// loader gathers the scenarios of Load and the reasons files were skipped.
type loader struct {
	byName map[string]loaded
	errs   []error
}

// loaded is a scenario and the file it came from.
type loaded struct {
	spec    *sim.Spec
	file    string
	builtin bool
}

// parse reads one file and adds its scenario. A scenario of extraDir may
// replace a built-in one of its name, but not another file's.
func (ld *loader) parse(file string, f fs.File, builtin bool) {
	spec, err := Parse(file, f)
	f.Close()
	if err != nil {
		ld.errs = append(ld.errs, err)
		return
	}
	if prev, ok := ld.byName[spec.Name]; ok && !prev.builtin {
		ld.errs = append(ld.errs, &Error{File: file, Msg: fmt.Sprintf("scenario %q is already defined in %s; this file is skipped (give it another name)", spec.Name, prev.file)})
		return
	}
	ld.byName[spec.Name] = loaded{spec, file, builtin}
}

// dir reads the *.scn files of the directory dir in file-name order.
func (ld *loader) dir(dir string) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		ld.errs = append(ld.errs, err)
		return
	}
	defer root.Close()
	entries, err := fs.ReadDir(root.FS(), ".")
	if err != nil {
		ld.errs = append(ld.errs, err)
		return
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), Ext) {
			continue
		}
		file := filepath.Join(dir, e.Name())
		f, err := openRegular(root, e.Name())
		if err != nil {
			ld.errs = append(ld.errs, &Error{File: file, Msg: err.Error()})
			continue
		}
		ld.parse(file, f, false)
	}
}

// openRegular opens name in root for reading only when it is, or links
// inside root to, a regular file, so that no device or FIFO is ever opened.
// The open does not block and the opened file is checked again, so that a
// FIFO swapped in after the first look cannot hang start-up either.
func openRegular(root *os.Root, name string) (*os.File, error) {
	info, err := root.Stat(name)
	if err != nil {
		if lst, lerr := root.Lstat(name); lerr == nil && lst.Mode()&fs.ModeSymlink != 0 {
			return nil, errors.New("a symbolic link that leads out of the scenario directory, or to nothing; skipped")
		}
		return nil, fmt.Errorf("skipped: %w", err)
	}
	if !info.Mode().IsRegular() {
		return nil, notRegular(info.Mode())
	}
	f, err := root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("skipped: %w", err)
	}
	if info, err = f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		if err == nil {
			err = notRegular(info.Mode())
		}
		return nil, err
	}
	return f, nil
}

// notRegular says what a file that is not a regular one is.
func notRegular(m fs.FileMode) error {
	return fmt.Errorf("is a %s, not a regular file; skipped", kind(m))
}

// kind names the type of a file that is not a regular one.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "directory"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "special file"
}

// List returns the scenarios in the lecture's order, then by name.
func (l *Library) List() []*sim.Spec { return l.specs }

// Get returns the scenario called name.
func (l *Library) Get(name string) (*sim.Spec, bool) {
	i := slices.IndexFunc(l.specs, func(s *sim.Spec) bool { return s.Name == name })
	if i < 0 {
		return nil, false
	}
	return l.specs[i], true
}

// OpenRegular is openRegular for the lessons' -lessons directory, which
// takes its files on the same terms as -scenarios.
func OpenRegular(root *os.Root, name string) (*os.File, error) { return openRegular(root, name) }
