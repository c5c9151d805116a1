package dns

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// lectureServer is the resolver the lecture's nslookup session asked, as its
// Server: and Address: lines print it.
const lectureServer = "141.85.43.10"

// exchange is one typed line of a recorded session and what was printed
// after it, blank lines left out.
type exchange struct {
	typed string
	out   []string
}

// readSession reads the fenced lines of a lecture excerpt: a line after the
// shell prompt or nslookup's "> " is typed, any other line is output.
func readSession(t *testing.T, path string) []exchange {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var session []exchange
	fenced := false
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimRight(line, " \r")
		switch {
		case strings.HasPrefix(line, "```"):
			fenced = !fenced
		case !fenced || line == "":
		case strings.HasPrefix(line, "root@matrix:~# "):
			session = append(session, exchange{typed: strings.TrimPrefix(line, "root@matrix:~# ")})
		case strings.HasPrefix(line, "> "):
			session = append(session, exchange{typed: strings.TrimPrefix(line, "> ")})
		case len(session) == 0:
			t.Fatalf("output %q before anything was typed", line)
		default:
			session[len(session)-1].out = append(session[len(session)-1].out, line)
		}
	}
	return session
}

// rrset names the record set an output line belongs to when nslookup may
// print that set's lines in any order (a server rotates records of equal
// rank, as the lecture's mta7, mta5, mta6 shows); "" for any other line.
func rrset(line string) string {
	if owner, _, ok := strings.Cut(line, " mail exchanger = "); ok {
		return owner + " MX"
	}
	return ""
}

// comparable normalises a session's lines for comparison: runs of blanks
// become one space (the slides turned nslookup's tabs into spaces), and the
// lines of each rotatable record set are sorted in place.
func comparable(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.Join(strings.Fields(l), " ")
	}
	for i := 0; i < len(out); {
		j := i + 1
		for j < len(out) && rrset(out[i]) != "" && rrset(out[j]) == rrset(out[i]) {
			j++
		}
		slices.Sort(out[i:j])
		i = j
	}
	return out
}

// TestLectureSession replays the lecture's nslookup demonstration (nslookup,
// yahoo.com, set type=MX, yahoo.com) against the shipped zones and compares
// every printed line with the slides.
func TestLectureSession(t *testing.T) {
	session := readSession(t, "testdata/lecture_nslookup.txt")
	var typed []string
	for _, ex := range session {
		typed = append(typed, ex.typed)
	}
	if want := []string{"nslookup", "yahoo.com", "set type=MX", "yahoo.com"}; !slices.Equal(typed, want) {
		t.Fatalf("the excerpt types %q, want %q", typed, want)
	}
	r, err := NewResolver(mustZones(t)...)
	if err != nil {
		t.Fatal(err)
	}
	c := NewConsole(r, lectureServer)
	for _, ex := range session {
		var got []string
		for _, line := range c.Feed(ex.typed) {
			if line != "" {
				got = append(got, line)
			}
		}
		if g, w := comparable(got), comparable(ex.out); !slices.Equal(g, w) {
			t.Errorf("after %q nslookup printed\n%s\nthe lecture shows\n%s", ex.typed, strings.Join(g, "\n"), strings.Join(w, "\n"))
		}
	}
}

// TestLabDomain: the live lab's own domain answers MX with the lab host.
func TestLabDomain(t *testing.T) {
	r, err := NewResolver(mustZones(t)...)
	if err != nil {
		t.Fatal(err)
	}
	hosts, err := r.MailHosts("mailsim.test")
	if err != nil || len(hosts) != 1 || hosts[0].Host != "mailsim.test" || hosts[0].Addrs[0].String() != "127.0.0.1" {
		t.Fatalf("MailHosts(mailsim.test) = %+v, %v", hosts, err)
	}
}
