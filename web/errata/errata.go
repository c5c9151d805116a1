// Package errata lists the lecture's examples that cannot be reproduced as
// printed. mailsim teaches what the RFCs say, so where the lecture differs
// the pages say so: each entry quotes the lecture's lines as printed, what the RFC (or a
// conforming server) gives instead, and why, in both languages under
// "lecture.ID.title" and "lecture.ID.why". /codes#lecture lists them all;
// the APOP page shows the APOP one beside its computation.
package errata

import (
	"fmt"
	"strconv"
	"strings"

	"mailsim/sim/mime"
	"mailsim/sim/pop3"
)

// Diff is one place where the lecture differs.
type Diff struct {
	ID      string   // the anchor on /codes is "lecture-" + ID
	Lecture []string // the lecture's lines, verbatim
	Right   []string // the RFC's text or what a conforming session shows
	Source  string   // where Right comes from: the RFC sections
	// SourceNote and RightNote are catalog keys, or "": words that follow
	// Source, and Right retold in the reader's language when Right is an
	// English quote that the Romanian page would otherwise leave untold.
	SourceNote, RightNote string
	APOP                  []apopCheck
}

// apopCheck is the digest one candidate password gives for the lecture's
// APOP timestamp, and whether it is the digest the lecture prints.
type apopCheck struct {
	Secret, Input, Digest string
	Matches               bool
}

// lectureAPOP runs the lecture's APOP example with the password its text
// names and with the one its digest was made with.
func lectureAPOP() []apopCheck {
	var checks []apopCheck
	for _, secret := range []string{mime.LectureAPOPSaid, mime.LectureAPOPSecret} {
		t := mime.TraceAPOP(mime.LectureAPOPTimestamp, secret)
		checks = append(checks, apopCheck{Secret: secret, Input: mime.LectureAPOPTimestamp + secret,
			Digest: t.Response, Matches: t.Response == mime.LectureAPOPDigest})
	}
	return checks
}

// Diffs lists the differences in the lecture's order.
func Diffs() []Diff {
	return []Diff{
		{
			ID: "keywords",
			Lecture: []string{
				"VERFY\tName of recipient to be verified",
				"SMOL FROM\tIntended recipient of the message",
				"SMAL FROM\tIntended recipient of the message",
			},
			Right:  []string{"VRFY <SP> <string>", "SOML <SP> FROM:<reverse-path>", "SAML <SP> FROM:<reverse-path>"},
			Source: "RFC 821 §4.1.2, RFC 5321 §4.1.1.6",
		},
		{
			ID: "send-args",
			Lecture: []string{
				"SEND FROM\tIntended recipient of the message",
				"SMOL FROM\tIntended recipient of the message",
				"SMAL FROM\tIntended recipient of the message",
			},
			Right:  []string{"SEND <SP> FROM:<reverse-path> <CRLF>", "SOML <SP> FROM:<reverse-path> <CRLF>", "SAML <SP> FROM:<reverse-path> <CRLF>"},
			Source: "RFC 821 §4.1.1, §4.1.2; RFC 5321 Appendix F.6",
		},
		{
			ID:      "reply-504",
			Lecture: []string{"504\tCommand temporarily not implemented"},
			Right:   []string{"504  Command parameter not implemented"},
			Source:  "RFC 5321 §4.2.2, §4.2.3",
		},
		{
			ID:      "esmtd",
			Lecture: []string{"220 matrix ESMTD Postfix (Ubuntu)"},
			Right:   []string{"220 matrix ESMTP Postfix (Ubuntu)"},
			Source:  "Postfix smtpd_banner = $myhostname ESMTP $mail_name; RFC 5321 §3.1",
		},
		{
			ID:         "pop3-sequence",
			Lecture:    lecturePOP3,
			Right:      pop3Replay(),
			Source:     "RFC 1939 §3, §5",
			SourceNote: "lecture.pop3-sequence.source",
		},
		{
			ID:      "apop",
			Lecture: []string{"clientul și serverul cunosc amândoi parola mypass", "Clientul va aplica MD5 pe șirul <2004.....>mypass și va obține hashul 786b5c12203b391c9a903b515ce65a12"},
			Right: []string{"The 'digest' parameter is calculated by applying the MD5 algorithm [RFC1321] to a string " +
				"consisting of the timestamp (including angle-brackets) followed by a shared secret."},
			Source:    "RFC 1939 §7",
			RightNote: "lecture.apop.right",
			APOP:      lectureAPOP(),
		},
		{
			ID:      "esmttp",
			Lecture: []string{"server:      by mx1.example.com with ESMTTP"},
			Right:   []string{"by mx1.example.com with ESMTP", "Protocol = \"ESMTP\" / \"SMTP\" / Attdl-Protocol"},
			Source:  "RFC 5321 §4.4, RFC 3848",
		},
	}
}

// lecturePOP3 is the lecture's "Exemplu de secvență de comenzi
// Client-Server", as printed.
var lecturePOP3 = []string{
	"S: +OK POP3 server ready",
	"C: user bob", "S: +OK",
	"C: pass hungry", "S: +OK user conectat cu succes",
	"C: list", "S: 1 498", "S: 2 912", "S: .",
	"C: retr 1", "S: <message 1 contents>", "S: .",
	"C: dele 1",
	"C: retr 2", "S: <message 1 contents>", "S: .",
	"C: dele 2",
	"C: quit", "S: +OK Deconectare server POP3",
}

// pop3Replay types the lecture's commands into mailsim's own POP3 server,
// over a maildrop holding two messages of the lecture's sizes, and writes
// the session as the lecture does, each message's text shortened to
// "<message N contents>".
func pop3Replay() []string {
	store := pop3.NewStoreDrop()
	store.AddUser("bob", "hungry")
	for i, size := range []int{498, 912} {
		head := "Subject: message " + strconv.Itoa(i+1)
		// Three lines with CRLF: the header, the blank line, the body.
		body := strings.Repeat("x", size-len(head)-6)
		if err := store.Deliver("bob", pop3.Message{UID: "m" + strconv.Itoa(i+1), Data: []byte(head + "\r\n\r\n" + body + "\r\n")}); err != nil {
			panic(err) // the maildrop and ids above are fixed
		}
	}
	s := pop3.NewServer(pop3.Config{Maildrop: store})
	var lines []string
	say := func(out pop3.Output, retr int) {
		for i, l := range out.Lines {
			if retr > 0 && i > 0 && l != "." {
				if i == 1 {
					lines = append(lines, fmt.Sprintf("S: <message %d contents>", retr))
				}
				continue
			}
			lines = append(lines, "S: "+l)
		}
	}
	say(s.Greet(), 0)
	for _, line := range []string{"user bob", "pass hungry", "list", "retr 1", "dele 1", "retr 2", "dele 2", "quit"} {
		lines = append(lines, "C: "+line)
		retr := 0
		if n, ok := strings.CutPrefix(line, "retr "); ok {
			retr, _ = strconv.Atoi(n)
		}
		say(s.Feed([]byte(line)), retr)
	}
	return lines
}

// ByID returns one entry, for the page that shows it alone.
func ByID(id string) Diff {
	for _, d := range Diffs() {
		if d.ID == id {
			return d
		}
	}
	panic("web: no lecture difference " + id)
}
