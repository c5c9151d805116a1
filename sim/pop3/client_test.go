package pop3

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// converse runs a client against a server in memory, passing lines both
// ways as a connection would, and returns the client lines it sent.
func converse(tb testing.TB, srv *Server, cli *Client) []string {
	tb.Helper()
	var sent []string
	pending := srv.Greet().Lines
	for steps := 0; ; steps++ {
		if steps > 100000 {
			tb.Fatal("conversation does not end")
		}
		var cmds []string
		for _, l := range pending {
			out := cli.Feed(l)
			cmds = append(cmds, out.Lines...)
			if out.Done {
				srv.Drop()
				return sent
			}
		}
		pending = nil
		for _, c := range cmds {
			sent = append(sent, c)
			out := srv.Feed([]byte(c))
			pending = append(pending, out.Lines...)
		}
	}
}

func lectureStore(t *testing.T) StoreDrop {
	t.Helper()
	store := NewStoreDrop()
	store.AddUser(lectureUser, lecturePass)
	for _, m := range []struct{ uid, file string }{
		{"20040818155839E5E3", "lecture_msg1.eml"},
		{"20040818155912E640", "lecture_msg2.eml"},
	} {
		data, err := os.ReadFile("testdata/" + m.file)
		if err != nil {
			t.Fatal(err)
		}
		if err := store.Deliver(lectureUser, Message{UID: m.uid, Data: data}); err != nil {
			t.Fatal(err)
		}
	}
	return store
}

func TestClientFetchesAndDeletes(t *testing.T) {
	store := lectureStore(t)
	want := store.Messages(lectureUser)
	cli := NewClient(ClientConfig{User: lectureUser, Password: lecturePass})
	sent := converse(t, NewServer(Config{Maildrop: store}), cli)
	wantSent := "USER cfugDemo@evoch.com|PASS cfugDemo123|STAT|LIST|RETR 1|DELE 1|RETR 2|DELE 2|QUIT"
	if got := strings.Join(sent, "|"); got != wantSent {
		t.Errorf("client sent\n%s\nwant\n%s", got, wantSent)
	}
	if cli.State() != Done || cli.Err() != nil {
		t.Errorf("client ended in %v: %v", cli.State(), cli.Err())
	}
	got := cli.Messages()
	if len(got) != 2 {
		t.Fatalf("retrieved %d messages", len(got))
	}
	for i := range got {
		// Byte-stuffing is undone: the message is exactly the stored one,
		// which the store keeps with CRLF line ends, as the wire carries it.
		if !bytes.Equal(got[i], want[i].Data) {
			t.Errorf("message %d differs:\n%q\nwant\n%q", i+1, got[i], want[i].Data)
		}
	}
	if len(got[0]) != 1015 || len(got[1]) != 1053 {
		t.Errorf("sizes %d and %d, want 1015 and 1053", len(got[0]), len(got[1]))
	}
	if n := stored(store); n != 0 {
		t.Errorf("%d messages left on the server", n)
	}
}

func TestClientKeeps(t *testing.T) {
	store := lectureStore(t)
	cli := NewClient(ClientConfig{User: lectureUser, Password: lecturePass, Keep: true})
	sent := converse(t, NewServer(Config{Maildrop: store}), cli)
	if got := strings.Join(sent, "|"); strings.Contains(got, "DELE") {
		t.Errorf("client with Keep sent DELE: %s", got)
	}
	if len(cli.Messages()) != 2 || stored(store) != 2 {
		t.Errorf("retrieved %d, %d left on server; want 2 and 2", len(cli.Messages()), stored(store))
	}
}

func TestClientAPOP(t *testing.T) {
	store := NewStoreDrop()
	store.AddUser("mrose", "tanstaaf")
	if err := store.Deliver("mrose", Message{UID: "m1", Data: []byte("Subject: hi\r\n\r\n..\r\n.\r\nend\r\n")}); err != nil {
		t.Fatal(err)
	}
	cli := NewClient(ClientConfig{User: "mrose", Password: "tanstaaf", APOP: true})
	sent := converse(t, NewServer(Config{Maildrop: store, Timestamp: "<1896.697170952@dbc.mtview.ca.us>"}), cli)
	if sent[0] != "APOP mrose c4c9334bac560ecc979e58001b3e22fb" {
		t.Errorf("first command %q", sent[0])
	}
	if cli.State() != Done || len(cli.Messages()) != 1 {
		t.Fatalf("state %v, err %v, %d messages", cli.State(), cli.Err(), len(cli.Messages()))
	}
	// Lines that are dots survive the round trip.
	if got := string(cli.Messages()[0]); got != "Subject: hi\r\n\r\n..\r\n.\r\nend\r\n" {
		t.Errorf("message %q", got)
	}
}

func TestClientAPOPWithoutTimestamp(t *testing.T) {
	store := newStore(t, 1)
	cli := NewClient(ClientConfig{User: lectureUser, Password: lecturePass, APOP: true})
	sent := converse(t, NewServer(Config{Maildrop: store}), cli)
	if strings.Join(sent, "|") != "QUIT" || cli.State() != Failed || cli.Err() == nil {
		t.Errorf("sent %q, state %v, err %v", sent, cli.State(), cli.Err())
	}
}

func TestClientWrongPassword(t *testing.T) {
	store := newStore(t, 1)
	cli := NewClient(ClientConfig{User: lectureUser, Password: "hack"})
	sent := converse(t, NewServer(Config{Maildrop: store}), cli)
	if got := strings.Join(sent, "|"); got != "USER cfugDemo@evoch.com|PASS hack|QUIT" {
		t.Errorf("sent %s", got)
	}
	if cli.State() != Failed || !strings.Contains(cli.Err().Error(), "Unknown user or incorrect password") {
		t.Errorf("state %v, err %v", cli.State(), cli.Err())
	}
	if len(cli.Messages()) != 0 || stored(store) != 1 {
		t.Error("a failed login fetched or deleted mail")
	}
}

func TestClientEmptyMaildrop(t *testing.T) {
	cli := NewClient(ClientConfig{User: lectureUser, Password: lecturePass})
	sent := converse(t, NewServer(Config{Maildrop: newStore(t, 0)}), cli)
	if got := strings.Join(sent, "|"); got != "USER cfugDemo@evoch.com|PASS cfugDemo123|STAT|QUIT" {
		t.Errorf("sent %s", got)
	}
	if cli.State() != Done {
		t.Errorf("state %v: %v", cli.State(), cli.Err())
	}
}

func TestClientRefusedGreeting(t *testing.T) {
	cli := NewClient(ClientConfig{User: "u", Password: "p"})
	out := cli.Feed("-ERR [SYS/TEMP] too busy")
	if !out.Done || len(out.Lines) != 0 || cli.State() != Failed || cli.Err() == nil {
		t.Errorf("%+v, state %v, err %v", out, cli.State(), cli.Err())
	}
	if out := cli.Feed("+OK"); !out.Done || len(out.Lines) != 0 {
		t.Errorf("client spoke after the end: %+v", out)
	}
}

func TestClientBadListLine(t *testing.T) {
	cli := NewClient(ClientConfig{User: "u", Password: "p"})
	for _, l := range []string{"+OK hi", "+OK", "+OK", "+OK 1 10", "+OK 1 messages"} {
		cli.Feed(l)
	}
	cli.Feed("one ten")
	if out := cli.Feed("."); strings.Join(out.Lines, "|") != "QUIT" || cli.Err() == nil {
		t.Errorf("%+v, err %v", out, cli.Err())
	}
}
