package imap

import (
	"strings"
	"testing"

	mailstore "mailsim/sim/store"
)

func TestStartTLS(t *testing.T) {
	srv := NewServer(Config{Store: mailstore.New(""), TLS: true})
	if g := srv.Greet().Lines[0]; !strings.Contains(g, " STARTTLS]") {
		t.Errorf("greeting lacks STARTTLS: %q", g)
	}
	if l := srv.Feed([]byte("a STARTTLS now")).Lines[0]; !strings.HasPrefix(l, "a BAD Syntax error") {
		t.Errorf("STARTTLS with an argument: %q", l)
	}
	out := srv.Machine().Feed([]byte("b STARTTLS"))
	if !out.StartTLS || out.Replies[0].Lines[0] != "b OK Begin TLS negotiation now" || out.Key != "imap.cmd.STARTTLS" {
		t.Fatalf("STARTTLS -> %+v", out)
	}
	if caps := srv.Feed([]byte("c CAPABILITY")).Lines[0]; strings.Contains(caps, "STARTTLS") || !srv.TLS() {
		t.Errorf("inside TLS: %q, TLS %v", caps, srv.TLS())
	}
	if l := srv.Feed([]byte("d STARTTLS")).Lines[0]; l != "d BAD TLS already active" {
		t.Errorf("second STARTTLS: %q", l)
	}
}

func TestStartTLSUnavailable(t *testing.T) {
	srv := NewServer(Config{Store: mailstore.New("")})
	if g := srv.Greet().Lines[0]; strings.Contains(g, "STARTTLS") {
		t.Errorf("greeting offers STARTTLS without TLS: %q", g)
	}
	out := srv.Machine().Feed([]byte("a STARTTLS"))
	if out.StartTLS || out.Replies[0].Lines[0] != "a BAD STARTTLS not available on this server" {
		t.Errorf("STARTTLS without TLS -> %+v", out)
	}
	// The command exists; only this server does not offer it, and the
	// explanation must not say otherwise.
	if k := out.Replies[0].Key; k != KeyTLSMissing {
		t.Errorf("STARTTLS without TLS explained by %q, want %q", k, KeyTLSMissing)
	}
}
