package live

import "testing"

// TestConsoleStartTLSNotOffered types each protocol's STARTTLS into the
// browser console of a lab whose real ports offer TLS. The console has no
// connection to encrypt, so the server answers as a real server that does
// not offer the command, with the explanation that it exists but is not
// offered here, never as a command the protocol lacks.
func TestConsoleStartTLSNotOffered(t *testing.T) {
	l := startTLSLab(t)
	for _, tc := range []struct{ proto, line, reply, key string }{
		{"smtp", "STARTTLS", "502 5.5.1 Error: command not implemented", "smtp.why.tls-unavailable"},
		{"pop3", "STLS", "-ERR STLS not available on this server", "pop3.err.tls-unavailable"},
		{"imap", "a1 STARTTLS", "a1 BAD STARTTLS not available on this server", "imap.bad.tls-unavailable"},
	} {
		s, err := l.Console(tc.proto)
		if err != nil {
			t.Fatal(err)
		}
		s.Greet()
		if tc.proto == "smtp" {
			s.Feed("EHLO pc.example.org")
		}
		out := s.Feed(tc.line)
		if got := first(out); got != tc.reply || out.Replies[0].Key != tc.key || out.StartTLS {
			t.Errorf("%s console, %q: %q key %q, want %q key %q", tc.proto, tc.line, got, out.Replies[0].Key, tc.reply, tc.key)
		}
		s.Close()
	}
}
