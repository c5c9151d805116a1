package live

import (
	"net"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseAccounts(t *testing.T) {
	in := `# the lab's users
Ana@Curs.test   parolă cu spații
dan@curs.test	x

grupa@curs.test: ana@curs.test, dan@curs.test
`
	got, err := ParseAccounts(strings.NewReader(in), "accounts.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []Account{
		{Address: "ana@curs.test", Password: "parolă cu spații"},
		{Address: "dan@curs.test", Password: "x"},
		{Address: "grupa@curs.test", Members: []string{"ana@curs.test", "dan@curs.test"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v", got)
	}
}

func TestParseAccountsErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a@x.test pw\nnot-an-address pw\n", "accounts.txt:2: \"not-an-address\" is not an address"},
		{"a@x.test\n", "accounts.txt:1: a@x.test has no password"},
		{"a@x.test pw\n\n# c\nA@x.test other\n", "accounts.txt:4: a@x.test is defined twice"},
		{"l@x.test: a@x.test\na@x.test pw\nm@x.test: b@x.test\n", "accounts.txt:3: list m@x.test: member b@x.test is not a user of the lab"},
		{"l@x.test:\n", "accounts.txt:1: list l@x.test has no members"},
		{"# nothing\n", "accounts.txt: no accounts"},
	}
	for _, tt := range tests {
		_, err := ParseAccounts(strings.NewReader(tt.in), "accounts.txt")
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.in, err, tt.want)
		}
	}
}

// TestAccountsFile: a lab started from a file serves its accounts, and
// Accounts lists users before lists, sorted.
func TestAccountsFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "accounts.txt")
	if err := os.WriteFile(path, []byte("zoe@curs.test z\nana@curs.test a\ntoti@curs.test: zoe@curs.test ana@curs.test\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	accts, err := LoadAccountsFile(path)
	if err != nil {
		t.Fatal(err)
	}
	l := startLab(t, func(c *Config) { c.Accounts = accts })
	var names []string
	for _, a := range l.Accounts() {
		names = append(names, a.Address)
	}
	if strings.Join(names, " ") != "ana@curs.test zoe@curs.test toti@curs.test" {
		t.Errorf("Accounts() = %v", names)
	}
	deliver(t, l, "ana@curs.test", "zoe", "Subject: x\r\n\r\ny\r\n") // a bare name is in the first account's domain
	if len(box(l, "zoe@curs.test")) != 1 {
		t.Fatal("not delivered")
	}
	if _, err := LoadAccountsFile(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("a missing file gave no error")
	}
}

func TestDefaultAccounts(t *testing.T) {
	l := startLab(t, nil)
	want := []Account{
		{Address: "alice@mailsim.test", Password: "wonderland"},
		{Address: "bob@mailsim.test", Password: "hungry"},
		{Address: "student@mailsim.test", Password: "student"},
		{Address: "ștefan@mailsim.test", Password: "martisor"},
		{Address: "all@mailsim.test", Members: []string{"student@mailsim.test", "alice@mailsim.test", "bob@mailsim.test"}},
	}
	if got := l.Accounts(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Accounts() = %+v", got)
	}
	if _, err := Start(Config{Accounts: []Account{{Address: "Bad"}}}, nil); err == nil {
		t.Error("invalid accounts started a lab")
	}
}

// TestPortTaken: a port in use is a warning, and the other port still works.
func TestPortTaken(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	l, err := Start(Config{SMTPAddr: taken.Addr().String(), POP3Addr: "127.0.0.1:0"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if len(l.Warnings()) != 1 || l.SMTPAddr() != nil || l.POP3Addr() == nil {
		t.Fatalf("warnings %v smtp %v pop3 %v", l.Warnings(), l.SMTPAddr(), l.POP3Addr())
	}
	s := dial(t, l.POP3Addr())
	s.expect("+OK ")
	s.c.Close()
}

func TestPortsOff(t *testing.T) {
	l, err := Start(Config{SMTPAddr: "off"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if l.SMTPAddr() != nil || l.POP3Addr() != nil || len(l.Warnings()) != 0 {
		t.Fatal("a port is open")
	}
}
