package scenarios

import (
	"cmp"
	"embed"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

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
func Load(extraDir string) (*Library, []error) {
	byName := map[string]*sim.Spec{}
	var errs []error
	add := func(fsys fs.FS, label string) {
		names, err := fs.Glob(fsys, "*"+Ext)
		if err != nil {
			errs = append(errs, err)
			return
		}
		for _, name := range names {
			f, err := fsys.Open(name)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			spec, err := Parse(filepath.Join(label, name), f)
			f.Close()
			if err != nil {
				errs = append(errs, err)
				continue
			}
			byName[spec.Name] = spec
		}
	}
	files, _ := fs.Sub(embedded, "files")
	add(files, "scenarios/files")
	if extraDir != "" {
		if _, err := os.Stat(extraDir); err != nil {
			errs = append(errs, err)
		} else {
			add(os.DirFS(extraDir), extraDir)
		}
	}
	lib := &Library{}
	for _, s := range byName {
		lib.specs = append(lib.specs, s)
	}
	slices.SortFunc(lib.specs, func(a, b *sim.Spec) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), strings.Compare(a.Name, b.Name))
	})
	return lib, errs
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
