package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"mailsim/scenarios"
	"mailsim/sim/live"
)

func TestListAndTranscript(t *testing.T) {
	lib, errs := scenarios.Load("")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var out bytes.Buffer
	if err := list(&out, lib); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "lan-both ") || strings.Count(out.String(), "\n") != len(lib.List()) {
		t.Fatalf("list:\n%s", &out)
	}

	out.Reset()
	if err := transcript(&out, lib, []string{"two-systems"}, "ro"); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{"Scenariul 2", "S: 220 sysb.example.net", "C: MAIL FROM:<alice@example.org>", "S: 221 2.0.0 Bye", "(răspuns, SMTP, push)",
		"Subject: Salut de pe sistemul A", "C: mesajul =C4=83sta traverseaz=C4=83 WAN-ul"} {
		if !strings.Contains(text, want) {
			t.Errorf("Romanian transcript lacks %q", want)
		}
	}
	for _, bad := range [][]string{{"nope"}, {}, {"a", "b"}} {
		if err := transcript(&out, lib, bad, "en"); err == nil {
			t.Errorf("transcript %v: no error", bad)
		}
	}
	if err := transcript(&out, lib, []string{"two-systems"}, "fr"); err == nil {
		t.Error("transcript -lang fr: no error")
	}
}

func TestPrintLab(t *testing.T) {
	cfg := live.DefaultConfig()
	cfg.SMTPAddr, cfg.POP3Addr, cfg.IMAPAddr, cfg.SubmissionAddr = "127.0.0.1:0", "off", "127.0.0.1:0", "127.0.0.1:0"
	l, err := live.Start(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	var out bytes.Buffer
	printLab(&out, l)
	text := out.String()
	for _, want := range []string{"lab SMTP port: telnet 127.0.0.1 ", "lab POP3 port: off", "lab IMAP port: telnet 127.0.0.1 ", "curl 'imap://alice%40mailsim.test:wonderland@127.0.0.1:", "student@mailsim.test", "password student", "list of ",
		"lab submission port (AUTH required): 127.0.0.1:", "lab TLS certificate SHA-256 fingerprint: " + l.Fingerprint() + "\n",
		"openssl s_client -starttls smtp -connect 127.0.0.1:",
		"ștefan@mailsim.test      password martisor  (MAIL FROM:<...> SMTPUTF8)"} {
		if !strings.Contains(text, want) {
			t.Errorf("lab banner lacks %q:\n%s", want, text)
		}
	}
}

func TestTimeouts(t *testing.T) {
	d := func(s string) *time.Duration {
		v, err := time.ParseDuration(s)
		if err != nil {
			t.Fatal(err)
		}
		return &v
	}
	cfg := live.DefaultConfig()
	if err := timeouts(&cfg, map[string]*time.Duration{"smtp": d("90s"), "pop3": d("2m")}, 0); err != nil {
		t.Fatal(err)
	}
	if cfg.Idle["smtp"] != 90*time.Second || cfg.Idle["pop3"] != 2*time.Minute || cfg.Wire.Pregreet != 0 {
		t.Errorf("config %+v", cfg)
	}
	for _, bad := range []map[string]*time.Duration{{"imap": d("0s")}, {"smtp": d("-1s")}} {
		if err := timeouts(&cfg, bad, 0); err == nil || !strings.Contains(err.Error(), "-idle") {
			t.Errorf("%v: %v", bad, err)
		}
	}
	if err := timeouts(&cfg, nil, -time.Second); err == nil {
		t.Error("a negative -pregreet was taken")
	}
}
