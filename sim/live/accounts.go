package live

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// Account is one address of the lab: a user with a password and a mailbox,
// or a mailing list that delivers to its members.
type Account struct {
	Address  string   // "student@mailsim.test", lower case
	Password string   // a user's password; "" for a list
	Members  []string // a list's member addresses; nil for a user
}

// IsList reports whether the account is a mailing list.
func (a Account) IsList() bool { return len(a.Members) > 0 }

// DefaultAccounts are the lab's built-in users, the ones the README and the
// start-up banner name, and one list of all of them for EXPN.
func DefaultAccounts() []Account {
	return []Account{
		{Address: "student@mailsim.test", Password: "student"},
		{Address: "alice@mailsim.test", Password: "wonderland"},
		{Address: "bob@mailsim.test", Password: "hungry"},
		// A Romanian name, reached with SMTPUTF8; an ASCII password, so
		// that any client can log in as it.
		{Address: "ștefan@mailsim.test", Password: "martisor"},
		{Address: "all@mailsim.test", Members: []string{"student@mailsim.test", "alice@mailsim.test", "bob@mailsim.test"}},
	}
}

// LoadAccountsFile reads accounts from the file at path; see ParseAccounts.
func LoadAccountsFile(path string) ([]Account, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseAccounts(f, path)
}

// ParseAccounts reads accounts, one a line, in the form
//
//	student@mailsim.test  student          a user and its password (the rest of the line)
//	all@mailsim.test: student@mailsim.test, bob@mailsim.test   a list and its members
//	# a comment
//
// with lists written as /etc/aliases writes them. Errors name the file and
// line.
func ParseAccounts(r io.Reader, name string) ([]Account, error) {
	var out []Account
	var lines []int // the line of each account
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		a, err := parseAccount(text)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		out = append(out, a)
		lines = append(lines, n)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no accounts", name)
	}
	if i, err := checkAccounts(out); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, lines[i], err)
	}
	return out, nil
}

// parseAccount reads one line that is not empty. A user's address cannot
// hold a colon, so a colon in the first word makes the line a list.
func parseAccount(text string) (Account, error) {
	first, rest := text, ""
	if i := strings.IndexAny(text, " \t"); i >= 0 {
		first, rest = text[:i], strings.TrimSpace(text[i+1:])
	}
	if list, members, ok := strings.Cut(first, ":"); ok {
		addr, err := address(list)
		if err != nil {
			return Account{}, err
		}
		a := Account{Address: addr}
		for _, m := range strings.FieldsFunc(members+" "+rest, func(c rune) bool { return c == ',' || c == ' ' || c == '\t' }) {
			m, err := address(m)
			if err != nil {
				return Account{}, fmt.Errorf("list %s: %w", addr, err)
			}
			a.Members = append(a.Members, m)
		}
		if len(a.Members) == 0 {
			return Account{}, fmt.Errorf("list %s has no members", addr)
		}
		return a, nil
	}
	addr, err := address(first)
	if err != nil {
		return Account{}, err
	}
	if rest == "" {
		return Account{}, fmt.Errorf("%s has no password; write \"address password\"", addr)
	}
	return Account{Address: addr, Password: rest}, nil
}

// address checks the plain user@domain.tld form the lab uses and
// lower-cases it, since mailbox names are matched without case.
func address(s string) (string, error) {
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || !strings.Contains(domain, ".") || strings.ContainsAny(domain, "@") ||
		strings.ContainsAny(s, "<>()[]\\,;:\" \t") {
		return "", fmt.Errorf("%q is not an address of the form user@domain.tld", s)
	}
	return strings.ToLower(s), nil
}

// checkAccounts finds what single lines cannot show, and checks accounts
// built in Go as ParseAccounts checks a file: an address defined twice, a
// malformed account, or a list member that is not a user of the lab (mail to
// the list would be accepted and then lost). It returns the offending
// account's index.
func checkAccounts(accts []Account) (int, error) {
	first := map[string]int{}
	for i, a := range accts {
		if addr, err := address(a.Address); err != nil || addr != a.Address {
			return i, fmt.Errorf("%q is not a lower-case address of the form user@domain.tld", a.Address)
		}
		if a.IsList() == (a.Password != "") {
			return i, fmt.Errorf("%s must have either a password or list members", a.Address)
		}
		if _, dup := first[a.Address]; dup {
			return i, fmt.Errorf("%s is defined twice", a.Address)
		}
		first[a.Address] = i
	}
	for i, a := range accts {
		for _, m := range a.Members {
			if j, ok := first[m]; !ok || accts[j].IsList() {
				return i, fmt.Errorf("list %s: member %s is not a user of the lab", a.Address, m)
			}
		}
	}
	return 0, nil
}

// sortedAccounts returns a copy sorted by address, users before lists.
func sortedAccounts(accts []Account) []Account {
	out := make([]Account, len(accts))
	for i, a := range accts {
		out[i] = Account{Address: a.Address, Password: a.Password, Members: slices.Clone(a.Members)}
	}
	slices.SortStableFunc(out, func(a, b Account) int {
		if a.IsList() != b.IsList() {
			if a.IsList() {
				return 1
			}
			return -1
		}
		return strings.Compare(a.Address, b.Address)
	})
	return out
}
