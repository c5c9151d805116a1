package imap

import (
	mailstore "mailsim/sim/store"

	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
)

// fixture returns a testdata message as the store keeps it, with CRLF.
func fixture(t *testing.T, file string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	return mailstore.CRLF(data)
}

func TestClientFetchesAndKeeps(t *testing.T) {
	store := fixtureStore(t)
	cli := NewClient(ClientConfig{User: testUser, Password: testPass})
	sent := converse(t, NewServer(Config{Store: store}), cli)
	if cli.State() != Done || cli.Err() != nil {
		t.Fatalf("state %v, err %v", cli.State(), cli.Err())
	}
	want := []string{
		`a001 LOGIN "fred" "foobar"`, "a002 SELECT INBOX", "a003 UID SEARCH UNSEEN",
		"a004 UID FETCH 1 BODY[]", "a005 UID FETCH 2 BODY[]", "a006 UID FETCH 3 BODY[]", "a007 LOGOUT",
	}
	if !slices.Equal(sent, want) {
		t.Errorf("sent %q\nwant %q", sent, want)
	}
	got := cli.Messages()
	for i, f := range []string{"rfc3501.eml", "meeting.eml", "homework.eml"} {
		if i >= len(got) || !bytes.Equal(got[i], fixture(t, f)) {
			t.Errorf("message %d differs from %s", i+1, f)
		}
	}
	msgs, _ := store.Messages(testUser, Inbox)
	for _, m := range msgs {
		if len(msgs) != 3 || !mailstore.HasFlag(m.Flags, FlagSeen) {
			t.Errorf("after the pull: %d messages, UID %d flags %v", len(msgs), m.UID, m.Flags)
		}
	}

	// The mail stayed on the server, read: a second pull finds nothing new.
	again := NewClient(ClientConfig{User: testUser, Password: testPass})
	sent = converse(t, NewServer(Config{Store: store}), again)
	if again.State() != Done || len(again.Messages()) != 0 || len(sent) != 4 {
		t.Errorf("second pull: state %v, %d messages, sent %q", again.State(), len(again.Messages()), sent)
	}
}

func TestClientPartialLeavesUnread(t *testing.T) {
	store := fixtureStore(t)
	cli := NewClient(ClientConfig{User: testUser, Password: testPass, Partial: 60})
	sent := converse(t, NewServer(Config{Store: store}), cli)
	if cli.State() != Done || len(cli.Messages()) != 3 {
		t.Fatalf("state %v, err %v, %d messages", cli.State(), cli.Err(), len(cli.Messages()))
	}
	if !slices.Contains(sent, "a006 UID FETCH 3 (BODY.PEEK[HEADER] BODY.PEEK[TEXT]<0.60>)") {
		t.Errorf("sent %q", sent)
	}
	whole := fixture(t, "homework.eml")
	i := bytes.Index(whole, []byte("\r\n\r\n")) + 4
	if got := cli.Messages()[2]; !bytes.Equal(got, whole[:i+60]) {
		t.Errorf("partial message = %q\nwant %q", got, whole[:i+60])
	}
	// meeting.eml's text is shorter than 60 octets: all of it comes.
	if got := cli.Messages()[1]; !bytes.Equal(got, fixture(t, "meeting.eml")) {
		t.Errorf("short message = %q", got)
	}
	msgs, _ := store.Messages(testUser, Inbox)
	for _, m := range msgs {
		if mailstore.HasFlag(m.Flags, FlagSeen) {
			t.Errorf("a preview marked UID %d \\Seen", m.UID)
		}
	}
}

func TestClientDeletes(t *testing.T) {
	store := fixtureStore(t)
	if err := store.Create(testUser, "Work"); err != nil {
		t.Fatal(err)
	}
	deliver(t, store, testUser, "Work", "meeting.eml")
	cli := NewClient(ClientConfig{User: testUser, Password: testPass, Folder: "Work", Delete: true})
	sent := converse(t, NewServer(Config{Store: store}), cli)
	want := []string{
		`a001 LOGIN "fred" "foobar"`, "a002 SELECT Work", "a003 UID SEARCH UNSEEN", "a004 UID FETCH 1 BODY[]",
		`a005 UID STORE 1 +FLAGS.SILENT (\Deleted)`, "a006 EXPUNGE", "a007 LOGOUT",
	}
	if cli.State() != Done || !slices.Equal(sent, want) {
		t.Fatalf("state %v err %v, sent %q\nwant %q", cli.State(), cli.Err(), sent, want)
	}
	if work, _ := store.Messages(testUser, "Work"); len(work) != 0 {
		t.Errorf("Work still holds %d messages", len(work))
	}
	if inbox, _ := store.Messages(testUser, Inbox); len(inbox) != 3 {
		t.Errorf("INBOX changed: %d messages", len(inbox))
	}
}

func TestClientFailures(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  ClientConfig
		want string
	}{
		{"wrong password", ClientConfig{User: testUser, Password: "x"}, "AUTHENTICATIONFAILED"},
		{"missing folder", ClientConfig{User: testUser, Password: testPass, Folder: "Nowhere"}, "NONEXISTENT"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := fixtureStore(t)
			cli := NewClient(tc.cfg)
			sent := converse(t, NewServer(Config{Store: store}), cli)
			if cli.State() != Failed || cli.Err() == nil || !strings.Contains(cli.Err().Error(), tc.want) {
				t.Errorf("state %v, err %v", cli.State(), cli.Err())
			}
			if last := sent[len(sent)-1]; !strings.HasSuffix(last, " LOGOUT") {
				t.Errorf("did not log out: %q", sent)
			}
		})
	}
	cli := NewClient(ClientConfig{})
	if out := cli.Feed("* BYE too many connections"); !out.Done || cli.State() != Failed {
		t.Errorf("refused greeting: %+v, state %v", out, cli.State())
	}
}
