package classroom

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"

	"mailsim/class/share"
	"mailsim/web/view"
	"mailsim/web/webtest"
)

// natsServer is an embedded NATS server for the test, on a free port.
func natsServer(t *testing.T) string {
	t.Helper()
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go ns.Start()
	t.Cleanup(ns.Shutdown)
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("the embedded NATS server did not start")
	}
	return ns.ClientURL()
}

// instance is one mailsim behind the load balancer, sharing its classes
// through the NATS server at url.
func instance(t *testing.T, url string) *httptest.Server {
	t.Helper()
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return webtest.Serve(t, webtest.Mux(sharedRoutes(t, share.New(nc))))
}

// TestAStudentOnAnotherInstanceFollows: two instances share their classes
// through an embedded NATS server. The instructor starts the class and
// drives on instance A; a student joins and follows on instance B, answers
// a poll that A's instructor sees counted, and cannot drive from B.
func TestAStudentOnAnotherInstanceFollows(t *testing.T) {
	url := natsServer(t)
	a, b := instance(t, url), instance(t, url)
	code, teach := start(t, a.Config.Handler)

	// The student types the code on B, which finds the class A holds.
	w := webtest.Get(t, b.Config.Handler, "GET", "/class/"+code+"?lang=en")
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/play/lan-both?step=0&lang=en" {
		t.Fatalf("joining on instance B: %d to %q", w.Code, w.Header().Get("Location"))
	}
	teacher, _, err := webtest.Dial(t, a, "/ws/class/"+code, "Cookie", teach.String())
	if err != nil {
		t.Fatal(err)
	}
	student, _, err := webtest.Dial(t, b, "/ws/class/"+code, "Cookie", view.FollowCookie+"="+code)
	if err != nil {
		t.Fatal(err)
	}
	read := reader(t)
	read(student, "view")
	for read(teacher, "count")["students"] != 1.0 { // the deadline fails a count that never comes
	}

	teacher.WriteJSON(map[string]any{"op": "show", "view": map[string]any{"path": "/play/lan-both", "step": 12}})
	if v := read(student, "view")["view"].(map[string]any); v["step"] != 12.0 {
		t.Errorf("the student on B follows to %v, want step 12", v)
	}
	student.WriteJSON(map[string]any{"op": "show", "view": map[string]any{"path": "/", "step": 0}})
	if f := read(student, "refused"); f["why"] != "Only the instructor drives the class." {
		t.Errorf("B refuses a student's drive with %v", f["why"])
	}

	teacher.WriteJSON(map[string]any{"op": "ask"})
	p := read(student, "poll")
	if _, ok := p["why"]; ok {
		t.Errorf("the question reaches B with its answer: %v", p)
	}
	student.WriteJSON(map[string]any{"op": "answer", "id": p["id"], "picks": []int{1}})
	for read(teacher, "poll")["answered"] != 1.0 {
	}
	teacher.WriteJSON(map[string]any{"op": "reveal"})
	if r := read(student, "reveal"); r["why"] == nil || r["right"] == nil {
		t.Errorf("the reveal on B: %v", r)
	}

	// A's instructor may also drive from B: the holder checks the secret.
	teacherOnB, _, err := webtest.Dial(t, b, "/ws/class/"+code, "Cookie", teach.String())
	if err != nil {
		t.Fatal(err)
	}
	read(teacherOnB, "view")
	teacherOnB.WriteJSON(map[string]any{"op": "show", "view": map[string]any{"path": "/play/lan-both", "step": 20}})
	if v := read(student, "view")["view"].(map[string]any); v["step"] != 20.0 {
		t.Errorf("after the instructor's step on B the student is at %v", v)
	}
}
