package web

import (
	"net/http"
	"strings"

	"github.com/klauspost/compress/gzhttp"
)

// compressed serves next's answers gzip- or zstd-compressed to a browser
// that asks for it (Accept-Encoding), and plain otherwise; every answer
// carries Vary: Accept-Encoding. A 5,000-student lecture hall shares one
// uplink, and the player (page, scripts and styles) shrinks to a quarter.
// Answers under gzhttp's minimum size (1 KiB) stay plain, where the frame
// would cost more than it saves. Websocket upgrades pass through: gzhttp's
// writer hands Hijack to the connection underneath.
//
// Brotli is not offered: gzhttp does not write it, and a writer of our own
// is what this wrapper exists to avoid.
var compressed = func() func(http.Handler) http.HandlerFunc {
	wrap, err := gzhttp.NewWrapper(gzhttp.ContentTypeFilter(compressible))
	if err != nil {
		panic("web: configuring compression: " + err.Error()) // the options above are constant
	}
	return wrap
}()

// compressible is gzhttp's own filter (no audio, video, JPEG or archives)
// that also passes over every other raster image: PNG, GIF and WebP are
// compressed already, and deflating them again costs CPU for nothing. SVG is
// text and is compressed.
func compressible(ct string) bool {
	ct = strings.ToLower(strings.TrimSpace(ct))
	if strings.HasPrefix(ct, "image/") && !strings.HasPrefix(ct, "image/svg") {
		return false
	}
	return gzhttp.DefaultContentTypeFilter(ct)
}
