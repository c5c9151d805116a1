package smtp

import (
	"encoding/base64"
	"slices"
	"strings"
	"testing"

	"mailsim/sim/sasl"
)

// secrets is an Authenticator over a map of user to password.
type secrets map[string]string

func (m secrets) Secret(user string) (string, bool) {
	p, ok := m[user]
	return p, ok
}

const challenge = "<1.2@matrix>"

// secure can start TLS and check logins, relaying for nobody.
func secure() Config {
	c := matrix()
	c.Backend = policyBackend{newBackend(), Policy{Dir: matrixDir, Domain: "matrix"}}
	c.TLS, c.Auth, c.Challenge = true, secrets{"asil": "parola"}, challenge
	return c
}

// loopback cannot start TLS but offers PLAIN and LOGIN in clear.
func loopback() Config {
	c := secure()
	c.TLS, c.ClearAuth = false, true
	return c
}

// submission is secure with AUTH required before MAIL.
func submission() Config {
	c := secure()
	c.Submission = true
	return c
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

var (
	ehlo     = []string{"EHLO client.example"}
	inTLS    = []string{"EHLO client.example", "STARTTLS", "EHLO client.example"}
	loggedIn = append(slices.Clone(inTLS), "AUTH PLAIN "+b64("\x00asil\x00parola"))
	cramAns  = b64("asil " + sasl.CRAMDigest(challenge, "parola"))
)

// The situations of STARTTLS and AUTH join the table of every code, so
// that the explanation tests see them produced.
func init() {
	codeCases = append(codeCases, []codeCase{
		{"220 STARTTLS", secure, ehlo, "STARTTLS", "220 2.0.0 Ready to start TLS", Greeted},
		{"554 STARTTLS twice", secure, inTLS, "STARTTLS", "554 5.5.1 Error: TLS already active", Ready},
		{"503 STARTTLS in a transaction", secure, []string{"EHLO c", "MAIL FROM:<a@matrix>"}, "STARTTLS", "503 5.5.1 Error: MAIL transaction in progress", MailFrom},
		{"503 MAIL after STARTTLS without EHLO", secure, []string{"EHLO c", "STARTTLS"}, "MAIL FROM:<a@matrix>", "503 5.5.1 Error: send HELO/EHLO first", Greeted},
		{"538 PLAIN before TLS", secure, ehlo, "AUTH PLAIN " + b64("\x00asil\x00parola"), "538 5.7.11 Encryption required for requested authentication mechanism", Ready},
		{"504 AUTH unknown mechanism", secure, inTLS, "AUTH XOAUTH2", "504 5.5.4 Unrecognized authentication type", Ready},
		{"503 AUTH before EHLO", secure, nil, "AUTH CRAM-MD5", "503 5.5.1 Error: send EHLO first", Greeted},
		{"334 PLAIN without initial response", secure, inTLS, "AUTH PLAIN", "334 ", Ready},
		{"235 PLAIN inside TLS", secure, inTLS, "AUTH PLAIN " + b64("\x00asil\x00parola"), "235 2.7.0 Authentication successful", Ready},
		{"235 PLAIN in two steps", secure, append(slices.Clone(inTLS), "AUTH PLAIN"), b64("asil\x00asil\x00parola"), "235 2.7.0 Authentication successful", Ready},
		{"235 PLAIN in clear on loopback", loopback, ehlo, "AUTH PLAIN " + b64("\x00asil\x00parola"), "235 2.7.0 Authentication successful", Ready},
		{"535 wrong password", secure, inTLS, "AUTH PLAIN " + b64("\x00asil\x00gresit"), "535 5.7.8 Error: authentication failed: authentication failure", Ready},
		{"535 acting as another user", secure, inTLS, "AUTH PLAIN " + b64("ana\x00asil\x00parola"), "535 5.7.8 Error: authentication failed: authentication failure", Ready},
		{"535 unknown user", secure, inTLS, "AUTH PLAIN " + b64("\x00nimeni\x00parola"), "535 5.7.8 Error: authentication failed: authentication failure", Ready},
		{"334 LOGIN asks the user", secure, inTLS, "AUTH LOGIN", "334 VXNlcm5hbWU6", Ready},
		{"334 LOGIN asks the password", secure, append(slices.Clone(inTLS), "AUTH LOGIN"), b64("asil"), "334 UGFzc3dvcmQ6", Ready},
		{"235 LOGIN", secure, append(slices.Clone(inTLS), "AUTH LOGIN", b64("asil")), b64("parola"), "235 2.7.0 Authentication successful", Ready},
		{"334 LOGIN with the user at once", secure, inTLS, "AUTH LOGIN " + b64("asil"), "334 UGFzc3dvcmQ6", Ready},
		{"334 CRAM-MD5 challenge", secure, ehlo, "AUTH CRAM-MD5", "334 " + b64(challenge), Ready},
		{"235 CRAM-MD5 before TLS", secure, append(slices.Clone(ehlo), "AUTH CRAM-MD5"), cramAns, "235 2.7.0 Authentication successful", Ready},
		{"535 CRAM-MD5 wrong digest", secure, append(slices.Clone(ehlo), "AUTH CRAM-MD5"), b64("asil 00"), "535 5.7.8 Error: authentication failed: authentication failure", Ready},
		{"501 CRAM-MD5 with an initial response", secure, ehlo, "AUTH CRAM-MD5 " + cramAns, "501 5.5.4 CRAM-MD5 takes no initial response", Ready},
		{"501 CRAM-MD5 without a digest", secure, append(slices.Clone(ehlo), "AUTH CRAM-MD5"), b64("asil"), "501 5.5.4 CRAM-MD5 response is not user SP digest", Ready},
		{"501 cancelled", secure, append(slices.Clone(inTLS), "AUTH LOGIN"), "*", "501 5.7.0 Authentication aborted", Ready},
		{"501 not base64", secure, append(slices.Clone(inTLS), "AUTH PLAIN"), "!!!", "501 5.5.2 Cannot decode response", Ready},
		{"501 PLAIN without NULs", secure, inTLS, "AUTH PLAIN " + b64("asil parola"), "501 5.5.4 PLAIN response is not authzid NUL user NUL password", Ready},
		{"500 response too long", secure, append(slices.Clone(inTLS), "AUTH PLAIN"), strings.Repeat("A", maxAuthLine), "500 5.5.6 Authentication Exchange line is too long", Ready},
		{"503 AUTH twice", secure, loggedIn, "AUTH PLAIN " + b64("\x00asil\x00parola"), "503 5.5.1 Error: already authenticated", Ready},
		{"503 AUTH in a transaction", secure, append(slices.Clone(inTLS), "MAIL FROM:<a@matrix>"), "AUTH CRAM-MD5", "503 5.5.1 Error: MAIL transaction in progress", MailFrom},
		{"530 submission before AUTH", submission, inTLS, "MAIL FROM:<asil@matrix>", "530 5.7.0 Authentication required", Ready},
		{"250 submission after AUTH", submission, loggedIn, "MAIL FROM:<asil@matrix>", "250 2.1.0 Ok", MailFrom},
		{"250 MAIL with AUTH=<>", secure, loggedIn, "MAIL FROM:<asil@matrix> AUTH=<>", "250 2.1.0 Ok", MailFrom},
		{"555 AUTH= where AUTH is not offered", matrix, helo, "MAIL FROM:<a@matrix> AUTH=<>", "555 5.5.4 Unsupported option: AUTH", Ready},
		// Logging in never opens a relay.
		{"554 relay after AUTH", submission, append(slices.Clone(loggedIn), "MAIL FROM:<asil@matrix>"), "RCPT TO:<bob@elsewhere.example>", "554 5.7.1 <bob@elsewhere.example>: Relay access denied", MailFrom},
	}...)
}

func TestEHLOOffersTLSAndAuth(t *testing.T) {
	extensions := func(cfg Config, lines ...string) []string {
		_, s := session(cfg, lines[:len(lines)-1]...)
		got := wire(s.Feed([]byte(lines[len(lines)-1])))
		var ext []string
		for _, l := range got {
			if t := l[4:]; strings.HasPrefix(t, "STARTTLS") || strings.HasPrefix(t, "AUTH") {
				ext = append(ext, t)
			}
		}
		return ext
	}
	for _, tc := range []struct {
		name  string
		cfg   Config
		lines []string
		want  []string
	}{
		{"in clear", secure(), ehlo, []string{"STARTTLS", "AUTH CRAM-MD5"}},
		{"inside TLS", secure(), inTLS, []string{"AUTH PLAIN LOGIN CRAM-MD5"}},
		{"logged in", secure(), append(slices.Clone(loggedIn), "EHLO again"), nil},
		{"loopback without TLS", loopback(), ehlo, []string{"AUTH PLAIN LOGIN CRAM-MD5"}},
		{"neither", matrix(), ehlo, nil},
	} {
		if got := extensions(tc.cfg, tc.lines...); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestStartTLSForgets checks RFC 3207 §4.2: the 220 asks the adapter for
// the handshake, and the machine forgets the EHLO name and the login.
func TestStartTLSForgets(t *testing.T) {
	s := NewServer(loopback())
	s.cfg.TLS = true
	s.Greet()
	for _, l := range []string{"EHLO first.example", "AUTH CRAM-MD5", cramAns} {
		s.Feed([]byte(l))
	}
	if s.AuthUser() != "asil" || s.TLS() {
		t.Fatalf("before STARTTLS: user %q, TLS %v", s.AuthUser(), s.TLS())
	}
	out := s.Machine().Feed([]byte("STARTTLS"))
	if !out.StartTLS || out.Replies[0].Lines[0] != "220 2.0.0 Ready to start TLS" {
		t.Fatalf("STARTTLS -> %+v", out)
	}
	if s.AuthUser() != "" || s.clientName != "" || !s.TLS() || s.State() != Greeted {
		t.Errorf("after STARTTLS: user %q, name %q, TLS %v, state %v", s.AuthUser(), s.clientName, s.TLS(), s.State())
	}
	if out := s.Machine().Feed([]byte("NOOP")); out.StartTLS {
		t.Error("the upgrade was asked for twice")
	}
}

// TestEnvelopeSaysHowItCame: the envelope records the greeting, TLS and the
// login at MAIL, for the Received line's "with" (RFC 3848), and SMTPUTF8 gives the
// UTF8 forms (RFC 6531 §3.7.3).
func TestEnvelopeSaysHowItCame(t *testing.T) {
	for _, tc := range []struct {
		cfg   Config
		lines []string
		param string // MAIL's parameters
		want  string
	}{
		{secure(), []string{"HELO c"}, "", "SMTP"},
		{secure(), ehlo, "", "ESMTP"},
		{secure(), inTLS, "", "ESMTPS"},
		{loopback(), []string{"EHLO c", "AUTH PLAIN " + b64("\x00asil\x00parola")}, "", "ESMTPA"},
		{secure(), loggedIn, "", "ESMTPSA"},
		{secure(), ehlo, " SMTPUTF8", "UTF8SMTP"},
		{secure(), loggedIn, " SMTPUTF8", "UTF8SMTPSA"},
	} {
		_, s := session(tc.cfg, append(slices.Clone(tc.lines), "MAIL FROM:<asil@matrix>"+tc.param)...)
		if got := s.Envelope().With(); got != tc.want {
			t.Errorf("after %q: with %s, want %s", tc.lines, got, tc.want)
		}
		name := ""
		for _, l := range tc.lines {
			if verb, arg, _ := strings.Cut(l, " "); verb == "EHLO" || verb == "HELO" {
				name = arg
			}
		}
		if s.Envelope().Helo != name {
			t.Errorf("after %q: the envelope names the client %q, want %q", tc.lines, s.Envelope().Helo, name)
		}
	}
}

// TestAuthResponseIsNeverACommand: the line after a 334 is an answer,
// whatever it spells, and its limit is the longer one of RFC 4954.
func TestAuthResponseIsNeverACommand(t *testing.T) {
	_, s := session(secure(), "EHLO c", "AUTH CRAM-MD5")
	m := s.Machine()
	if max, _ := m.Limit(); max != maxAuthLine {
		t.Errorf("limit while waiting for the response %d", max)
	}
	out := m.Feed([]byte("QUIT"))
	if out.Close || out.Key != "smtp.cmd.AUTH-RESPONSE" || out.Replies[0].Code != 501 {
		t.Errorf("QUIT as a response: %+v", out)
	}
	if max, _ := m.Limit(); max != maxCommandLine {
		t.Errorf("limit after the exchange %d", max)
	}
}

// FuzzAuth feeds arbitrary lines to a server that offers STARTTLS and
// AUTH: a login happens only with a 235 and only as a user that exists,
// the upgrade is asked for only with the 220 of STARTTLS, and every reply
// stays well-formed for a client.
func FuzzAuth(f *testing.F) {
	f.Add(true, "EHLO x\r\nAUTH PLAIN "+b64("\x00asil\x00parola")+"\r\nMAIL FROM:<a@matrix>")
	f.Add(false, "EHLO x\r\nSTARTTLS\r\nEHLO x\r\nAUTH LOGIN\r\n"+b64("asil")+"\r\n"+b64("parola"))
	f.Add(true, "EHLO x\r\nAUTH CRAM-MD5\r\n"+cramAns+"\r\nAUTH LOGIN\r\n*\r\nSTARTTLS\r\nSTARTTLS")
	f.Add(false, "AUTH PLAIN\r\nEHLO x\r\nAUTH PLAIN\r\n=\r\nAUTH PLAIN =\r\nAUTH LOGIN "+b64("asil")+"\r\n!!")
	f.Fuzz(func(t *testing.T, clear bool, input string) {
		cfg := submission()
		cfg.ClearAuth = clear
		s := NewServer(cfg)
		m := s.Machine()
		m.Greet()
		for line := range strings.SplitSeq(input, "\r\n") {
			before := s.AuthUser()
			out := m.Feed([]byte(line))
			codes := map[int]bool{}
			for _, r := range out.Replies {
				codes[r.Code] = true
				for _, w := range r.Lines {
					if _, ok := parseReplyLine(w); !ok {
						t.Fatalf("client cannot read %q", w)
					}
				}
			}
			switch after := s.AuthUser(); {
			case after == before:
			case after == "" && !out.StartTLS:
				t.Fatalf("%q forgot the login with replies %v", line, out.Replies)
			case after != "" && (!codes[235] || after != "asil"):
				t.Fatalf("%q logged in as %q with replies %v", line, after, out.Replies)
			}
			if out.StartTLS && !codes[220] {
				t.Fatalf("%q asked for TLS with replies %v", line, out.Replies)
			}
			if codes[250] && strings.HasPrefix(strings.ToUpper(line), "MAIL") && s.AuthUser() == "" {
				t.Fatalf("MAIL accepted on the submission port without AUTH")
			}
		}
	})
}
