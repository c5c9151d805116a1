package scenarios

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"strings"
)

// fileBytes makes up the size octets of an attached file, the same every
// run, since a scenario file holds no binary data. An image/png or
// image/jpeg is a real picture of that type, as large as fits, padded to
// size with comments its decoders skip, so that a student who decodes the
// Base64 in the lab gets a file that opens (and sees the magic numbers
// behind "iVBORw0KGgo" and "/9j/"). Any other type gets bytes seeded by the
// file's name.
func fileBytes(name, mediaType string, size int) ([]byte, error) {
	seed := fnv.New64a()
	seed.Write([]byte(name))
	switch mediaType {
	case "image/png":
		return picture(seed.Sum64(), size, "image/png", encodePNG, padPNG)
	case "image/jpeg":
		return picture(seed.Sum64(), size, "image/jpeg", encodeJPEG, padJPEG)
	}
	rng := rand.New(rand.NewPCG(seed.Sum64(), uint64(size)))
	data := make([]byte, size)
	for i := range data {
		data[i] = byte(rng.Uint32())
	}
	return data, nil
}

// picture encodes the largest square picture, up to 64 pixels a side, that
// pad can bring to exactly size octets.
func picture(seed uint64, size int, mediaType string, encode func(image.Image) []byte, pad func([]byte, int) ([]byte, bool)) ([]byte, error) {
	var best []byte
	for side := 1; side <= 64; side *= 2 {
		data := encode(gradient(seed, side))
		if side == 1 && len(data) > size {
			return nil, fmt.Errorf("size=%d is too small for an %s picture: it needs at least %d octets", size, mediaType, len(data))
		}
		padded, ok := pad(data, size)
		if !ok {
			break
		}
		best = padded
	}
	if best == nil { // the smallest fits but cannot be padded to size
		return nil, fmt.Errorf("size=%d cannot be made an %s picture; try a few octets more", size, mediaType)
	}
	return best, nil
}

// gradient is a side×side picture shading from one colour to another along
// the diagonal, both colours drawn from seed.
func gradient(seed uint64, side int) image.Image {
	rng := rand.New(rand.NewPCG(seed, 1))
	from := color.RGBA{uint8(rng.Uint32()), uint8(rng.Uint32()), uint8(rng.Uint32()), 255}
	to := color.RGBA{uint8(rng.Uint32()), uint8(rng.Uint32()), uint8(rng.Uint32()), 255}
	img := image.NewRGBA(image.Rect(0, 0, side, side))
	mix := func(a, b uint8, t, n int) uint8 { return uint8((int(a)*(n-t) + int(b)*t) / n) }
	for y := range side {
		for x := range side {
			t, n := x+y, 2*side-1
			img.SetRGBA(x, y, color.RGBA{mix(from.R, to.R, t, n), mix(from.G, to.G, t, n), mix(from.B, to.B, t, n), 255})
		}
	}
	return img
}

// filler is n octets of comment text.
func filler(n int) []byte {
	return []byte(strings.Repeat("mailsim ", n/8+1)[:n])
}

// encodePNG is img as a PNG file.
func encodePNG(img image.Image) []byte {
	var b bytes.Buffer
	png.Encode(&b, img) // cannot fail: writing to memory, an RGBA picture
	return b.Bytes()
}

// padPNG brings a PNG file to exactly size octets with a tEXt chunk before
// IEND (PNG §11.3.4.3), or reports that it does not fit: the chunk takes 20
// octets with no text, 12 of framing and the "Comment" keyword's 8.
func padPNG(data []byte, size int) ([]byte, bool) {
	pad := size - len(data) - 20
	switch {
	case size == len(data):
		return data, true
	case pad < 0:
		return nil, false
	}
	const iend = 12 // the last chunk: length, "IEND", CRC
	body := append([]byte("tEXtComment\x00"), filler(pad)...)
	chunk := binary.BigEndian.AppendUint32(nil, uint32(len(body)-4))
	chunk = append(chunk, body...)
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(body))
	out := append([]byte{}, data[:len(data)-iend]...)
	out = append(out, chunk...)
	return append(out, data[len(data)-iend:]...), true
}

// encodeJPEG is img as a JPEG file.
func encodeJPEG(img image.Image) []byte {
	var b bytes.Buffer
	jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}) // cannot fail: writing to memory
	return b.Bytes()
}

// padJPEG brings a JPEG file to exactly size octets with COM segments right
// after SOI (JPEG §B.2.4.5), or reports that it does not fit: a segment
// takes 4 octets with no text and at most 65537 with.
func padJPEG(data []byte, size int) ([]byte, bool) {
	pad := size - len(data)
	if pad < 0 || pad > 0 && pad < 4 {
		return nil, false
	}
	out := append([]byte{}, data[:2]...)
	for pad > 0 {
		n := min(pad, 0xFFFF+2) // the length counts itself, not the marker
		if rest := pad - n; rest > 0 && rest < 4 {
			n -= 4 // leave room for one more whole segment
		}
		out = append(out, 0xFF, 0xFE)
		out = binary.BigEndian.AppendUint16(out, uint16(n-2))
		out = append(out, filler(n-4)...)
		pad -= n
	}
	return append(out, data[2:]...), true
}
