package live

import "testing"

func TestSubject(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Subject: test\r\n\r\nbody\r\n", "test"},
		{"From: a\r\nSUBJECT:  two\r\n  lines\r\nTo: b\r\n\r\n", "two  lines"},
		{"From: a\r\n\r\nSubject: in the body\r\n", ""},
		{"Subject: =?utf-8?q?Tem=C4=83?=\n\n", "Temă"},
		{"Subject:", ""},
	}
	for _, tt := range tests {
		if got := subject([]byte(tt.in)); got != tt.want {
			t.Errorf("subject(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
