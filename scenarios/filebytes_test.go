package scenarios

import (
	"bytes"
	"encoding/base64"
	"image"
	_ "image/jpeg" // image.Decode reads what the scenarios attach
	_ "image/png"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"

	"mailsim/sim"
)

// magic is how each picture type's files begin, and so how their Base64
// begins.
var magic = map[string]struct {
	octets []byte
	base64 string
}{
	"image/png":  {[]byte("\x89PNG\r\n\x1a\n"), "iVBORw0KGgo"},
	"image/jpeg": {[]byte{0xFF, 0xD8, 0xFF}, "/9j/"},
}

// attachments is the files inside a stored multipart message, decoded from
// Base64, by their Content-Type.
func attachments(t *testing.T, raw string) map[string][]byte {
	t.Helper()
	m, err := mail.ReadMessage(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	media, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil || media != "multipart/mixed" {
		t.Fatalf("not multipart/mixed: %q %v", media, err)
	}
	files := map[string][]byte{}
	r := multipart.NewReader(m.Body, params["boundary"])
	for {
		p, err := r.NextRawPart()
		if err == io.EOF {
			return files
		}
		if err != nil {
			t.Fatal(err)
		}
		if p.FileName() == "" {
			continue
		}
		text, _ := io.ReadAll(p)
		if !strings.HasPrefix(string(text), magic[p.Header.Get("Content-Type")].base64) {
			t.Errorf("%s: the Base64 starts %.12q, want %q", p.FileName(), text, magic[p.Header.Get("Content-Type")].base64)
		}
		data, err := base64.StdEncoding.DecodeString(strings.NewReplacer("\r", "", "\n", "").Replace(string(text)))
		if err != nil {
			t.Fatalf("%s: %v", p.FileName(), err)
		}
		files[p.Header.Get("Content-Type")] = data
	}
}

// TestAttachedPicturesAreReal: the PNG and JPEG files the scenarios attach
// begin with their type's magic octets, decode as pictures of that type, and
// have the size their scenario asks for; in Bob's mailbox they arrive whole.
func TestAttachedPicturesAreReal(t *testing.T) {
	for _, tc := range []struct{ scenario, box, typ string }{
		{"attachment", "bob@example.net", "image/png"},
		{"imap-pull", "bob@example.net", "image/jpeg"},
	} {
		spec, _ := library(t).Get(tc.scenario)
		var sent sim.Attachment
		for _, s := range spec.Sends {
			for _, a := range s.Attach {
				if a.Type == tc.typ {
					sent = a
				}
			}
		}
		got := attachments(t, storedAt(t, tc.scenario, tc.box).Raw)[tc.typ]
		if !bytes.Equal(got, sent.Data) || len(got) == 0 {
			t.Errorf("%s: the mailbox holds %d octets of %s, the send attached %d", tc.scenario, len(got), tc.typ, len(sent.Data))
		}
		if !bytes.HasPrefix(got, magic[tc.typ].octets) {
			t.Errorf("%s: %s starts % x", tc.scenario, sent.Name, got[:min(8, len(got))])
		}
		if _, format, err := image.Decode(bytes.NewReader(got)); err != nil || "image/"+format != tc.typ {
			t.Errorf("%s: %s decodes as %q: %v", tc.scenario, sent.Name, format, err)
		}
	}
}

// TestFileBytesKeepsTheSize: a picture has exactly the size asked for, over
// the range a scenario may ask, and one too small for its type is refused.
func TestFileBytesKeepsTheSize(t *testing.T) {
	for typ := range magic {
		small, smallest := 0, 0
		for _, size := range []int{1, 100, 299, 300, 301, 320, 640, 700, 1800, 3000, 20000, maxAttachment} {
			data, err := fileBytes("x", typ, size)
			if err != nil {
				small = size
				continue
			}
			if smallest == 0 {
				smallest = size
			}
			if len(data) != size {
				t.Errorf("%s of size=%d has %d octets", typ, size, len(data))
			}
			if _, format, err := image.Decode(bytes.NewReader(data)); err != nil || "image/"+format != typ {
				t.Errorf("%s of size=%d decodes as %q: %v", typ, size, format, err)
			}
		}
		if small == 0 || smallest == 0 || small > smallest {
			t.Errorf("%s: refused up to size=%d, made from size=%d", typ, small, smallest)
		}
	}
	if data, err := fileBytes("notes.bin", "application/octet-stream", 5); err != nil || len(data) != 5 {
		t.Errorf("other types: %d octets, %v", len(data), err)
	}
}
