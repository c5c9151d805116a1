package pop3

import (
	"slices"
	"testing"
)

func TestSTLS(t *testing.T) {
	s := newSession(t, newStore(t, 1), Config{TLS: true})
	if capa := s.srv.Feed([]byte("CAPA")).Lines; !slices.Contains(capa, "STLS") {
		t.Errorf("CAPA before TLS lacks STLS: %q", capa)
	}
	s.want("STLS now", "-ERR Usage: STLS")
	s.want("USER "+lectureUser, "+OK "+lectureUser)
	out := s.srv.Machine().Feed([]byte("STLS"))
	if !out.StartTLS || out.Replies[0].Lines[0] != "+OK Begin TLS negotiation" || out.Key != "pop3.cmd.STLS" {
		t.Fatalf("STLS -> %+v", out)
	}
	if !s.srv.TLS() {
		t.Error("the session does not count as inside TLS")
	}
	// The USER given in clear is forgotten: PASS needs a USER again.
	if got := s.do("PASS " + lecturePass); got[:4] != "-ERR" {
		t.Errorf("PASS after STLS without USER: %q", got)
	}
	if capa := s.srv.Feed([]byte("CAPA")).Lines; slices.Contains(capa, "STLS") {
		t.Errorf("CAPA inside TLS still offers STLS: %q", capa)
	}
	s.want("STLS", "-ERR Command not permitted when TLS active")
	s.login()
	s.want("STLS", "-ERR STLS is not valid in the Transaction state")
}

func TestSTLSUnavailable(t *testing.T) {
	s := newSession(t, newStore(t, 0), Config{})
	if capa := s.srv.Feed([]byte("CAPA")).Lines; slices.Contains(capa, "STLS") {
		t.Errorf("CAPA offers STLS without TLS: %q", capa)
	}
	out := s.srv.Machine().Feed([]byte("STLS"))
	if out.StartTLS || out.Replies[0].Lines[0] != "-ERR STLS not available on this server" {
		t.Errorf("STLS without TLS -> %+v", out)
	}
	// The command exists; only this server does not offer it.
	if k := out.Replies[0].Key; k != KeyTLSMissing {
		t.Errorf("STLS without TLS explained by %q, want %q", k, KeyTLSMissing)
	}
}
