// Package static owns the browser's scripts, styles and icons, embedded in
// the binary: no build step and no CDN, so the app works in a lecture hall
// without a network.
package static

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"time"
)

// files holds every asset of this directory.
//
//go:embed *.js *.css *.svg
var files embed.FS

// asset is one embedded file, read once at start-up.
type asset struct {
	body  []byte
	ctype string
	etag  string // weak: the file goes out gzip-compressed or plain (see compressed), the same content either way
}

// assets maps a file name to its content; Version is a
// hash of them all. Asset URLs carry the version in their path, so browsers
// may cache them for a year and still get new files after an upgrade, and an
// ES module's relative imports land in the same version.
var assets, Version = loadAssets()

func loadAssets() (map[string]asset, string) {
	all := map[string]asset{}
	sum := sha256.New()
	err := fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		name := p
		h := sha256.Sum256(body)
		sum.Write([]byte(name))
		sum.Write(h[:])
		all[name] = asset{body: body, ctype: mime.TypeByExtension(path.Ext(name)), etag: `W/"` + hex.EncodeToString(h[:8]) + `"`}
		return nil
	})
	if err != nil {
		panic("static: reading embedded assets: " + err.Error()) // the binary itself is broken
	}
	return all, hex.EncodeToString(sum.Sum(nil)[:6])
}

// URL is the versioned URL of the asset name.
func URL(name string) string {
	return "/static/" + Version + "/" + name
}

// Serve answers /static/{version}/{file...}. A request for another
// version (a page rendered before an upgrade) still gets the current file,
// but without the long cache lifetime.
func Serve(w http.ResponseWriter, r *http.Request) {
	a, ok := assets[r.PathValue("file")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	if r.PathValue("version") == Version {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	w.Header().Set("Content-Type", a.ctype)
	w.Header().Set("ETag", a.etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.body))
}
