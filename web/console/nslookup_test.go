package console

import (
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/gorilla/websocket"

	"mailsim/sim"
	"mailsim/web/webtest"
)

func askNslookup(t *testing.T, conn *websocket.Conn, line string) nslookupFrame {
	t.Helper()
	webtest.Deadline(conn)
	if err := conn.WriteJSON(typedLine{Line: line}); err != nil {
		t.Fatal(err)
	}
	var f nslookupFrame
	if err := conn.ReadJSON(&f); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestNslookupSocketLecture: the lecture's demonstration against its zone.
func TestNslookupSocketLecture(t *testing.T) {
	srv := httptest.NewServer(serve(webtest.Shipped(t), nil))
	defer srv.Close()
	conn, _, err := webtest.Dial(t, srv, "/ws/nslookup?lang=ro")
	if err != nil {
		t.Fatal(err)
	}
	if f := askNslookup(t, conn, "set type=MX"); f.QType != "MX" || len(f.Lines) != 0 || f.Text == "" {
		t.Errorf("set type=MX gave %+v", f)
	}
	f := askNslookup(t, conn, "example.com")
	for _, want := range []string{"example.com\tmail exchanger = 0 example.com.", "example.com\tmail exchanger = 30 server1.example.com."} {
		if !slices.Contains(f.Lines, want) {
			t.Errorf("example.com MX: %q lacks %q", f.Lines, want)
		}
	}
	if !slices.Equal(f.Rows, []string{"0.3", "0.4"}) {
		t.Errorf("rows lit %v, want the two MX rows of the lecture's zone", f.Rows)
	}
	// The scenarios' zones are there too, each origin once.
	if f := askNslookup(t, conn, "example.net"); !strings.Contains(strings.Join(f.Lines, "\n"), "mail exchanger = 10 sysb.example.net.") {
		t.Errorf("example.net MX: %q", f.Lines)
	}
	if f := askNslookup(t, conn, "exit"); len(f.Lines) != 0 {
		t.Errorf("exit printed %q", f.Lines)
	}
	webtest.Deadline(conn)
	if _, _, err := conn.ReadMessage(); !websocket.IsCloseError(err, websocket.CloseNormalClosure) {
		t.Errorf("after exit the socket should close, got %v", err)
	}
}

func TestConsoleZonesSkipDuplicateOrigins(t *testing.T) {
	zones, err := consoleZones(webtest.Shipped(t))
	if err != nil {
		t.Fatal(err)
	}
	var origins []string
	for _, z := range zones {
		origins = append(origins, z.Origin())
	}
	if origins[0] != "example.com" {
		t.Errorf("the lecture's zone is not first: %v", origins)
	}
	sorted := slices.Clone(origins)
	slices.Sort(sorted)
	if len(slices.Compact(sorted)) != len(origins) || len(origins) < 3 {
		t.Errorf("origins %v", origins)
	}
	// A library whose scenario repeats the lecture's origin keeps the lecture's zone.
	lecture := zones[0]
	dup, err := consoleZones(webtest.Specs{&sim.Spec{Name: "x", Zones: zones[1:]}, &sim.Spec{Name: "y", Zones: zones}})
	if err != nil || len(dup) != len(zones) || dup[0].File() != lecture.File() {
		t.Errorf("with duplicates: %d zones, %v", len(dup), err)
	}
}

// TestNslookupPageHidesFiles: the zone tables name each zone by its origin,
// never by the file or scenario it was read from.
func TestNslookupPageHidesFiles(t *testing.T) {
	lib := webtest.Shipped(t)
	zones, err := consoleZones(lib)
	if err != nil {
		t.Fatal(err)
	}
	body := webtest.Get(t, serve(lib, nil), "GET", "/console/nslookup?lang=en").Body.String()
	for _, z := range zones {
		if !strings.Contains(body, "data-origin=\""+z.Origin()+"\"") {
			t.Errorf("the page lacks the zone %s", z.Origin())
		}
		if strings.Contains(body, z.File()) {
			t.Errorf("the page shows the file %s", z.File())
		}
	}
	for _, path := range []string{".zone", ".scn", "scenarios/"} {
		if strings.Contains(body, path) {
			t.Errorf("the page shows a path with %q", path)
		}
	}
}
