package web

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

// staticFS holds the browser's scripts, styles and icons: no build step and
// no CDN, so the app works in a lecture hall without a network.
//
//go:embed static
var staticFS embed.FS

// asset is one embedded file, read once at start-up.
type asset struct {
	body  []byte
	ctype string
	etag  string // weak: the file goes out gzip-compressed or plain (see compressed), the same content either way
}

// assets maps a file name under static/ to its content; assetVersion is a
// hash of them all. Asset URLs carry the version in their path, so browsers
// may cache them for a year and still get new files after an upgrade, and an
// ES module's relative imports land in the same version.
var assets, assetVersion = loadAssets()

func loadAssets() (map[string]asset, string) {
	all := map[string]asset{}
	sum := sha256.New()
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := p[len("static/"):]
		h := sha256.Sum256(body)
		sum.Write([]byte(name))
		sum.Write(h[:])
		all[name] = asset{body: body, ctype: mime.TypeByExtension(path.Ext(name)), etag: `W/"` + hex.EncodeToString(h[:8]) + `"`}
		return nil
	})
	if err != nil {
		panic("web: reading embedded assets: " + err.Error()) // the binary itself is broken
	}
	return all, hex.EncodeToString(sum.Sum(nil)[:6])
}

// assetURL is the versioned URL of a file under static/.
func assetURL(name string) string {
	return "/static/" + assetVersion + "/" + name
}

// serveAsset answers /static/{version}/{file...}. A request for another
// version (a page rendered before an upgrade) still gets the current file,
// but without the long cache lifetime.
func serveAsset(w http.ResponseWriter, r *http.Request) {
	a, ok := assets[r.PathValue("file")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	if r.PathValue("version") == assetVersion {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	w.Header().Set("Content-Type", a.ctype)
	w.Header().Set("ETag", a.etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.body))
}
