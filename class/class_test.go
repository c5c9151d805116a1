package class

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestMain refreshes the instructor's screens at once, so that a test
// reads the count after a join; TestABurstIsCoalesced puts the pace back.
func TestMain(m *testing.M) {
	RefreshEvery = 0
	os.Exit(m.Run())
}

// screen is a member whose messages a test reads; full makes it too slow.
type screen struct {
	*Member
	mu   sync.Mutex
	got  []map[string]any
	full bool
}

func join(c *Class, r Role) (*screen, func()) {
	s := &screen{}
	s.Member = &Member{Role: r, Deliver: func(m *Message) bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.full {
			return false
		}
		var f map[string]any
		if err := json.Unmarshal(m.Data, &f); err != nil {
			panic(err)
		}
		s.got = append(s.got, f)
		return true
	}}
	return s, c.Join(s.Member)
}

// last is the latest frame with op, or nil.
func (s *screen) last(op string) map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := len(s.got) - 1; i >= 0; i-- {
		if s.got[i]["op"] == op {
			return s.got[i]
		}
	}
	return nil
}

func (s *screen) raw() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, _ := json.Marshal(s.got)
	return string(b)
}

func viewOf(f map[string]any) View {
	v := f["view"].(map[string]any)
	return View{Path: v["path"].(string), Step: int(v["step"].(float64))}
}

func started(t *testing.T) (*Registry, *Class, string, *time.Time) {
	t.Helper()
	clock := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	r := NewRegistry(func() time.Time { return clock })
	c, secret, err := r.Start(View{Path: "/play/lan-both"})
	if err != nil {
		t.Fatal(err)
	}
	return r, c, secret, &clock
}

func TestCodesAvoidLookAlikes(t *testing.T) {
	seen := map[rune]bool{}
	for range 5000 {
		code := newCode()
		if got, err := ParseCode(code); err != nil || got != code {
			t.Fatalf("code %q does not read back: %q, %v", code, got, err)
		}
		for _, ch := range code {
			seen[ch] = true
		}
	}
	if len(seen) != len(Alphabet) {
		t.Errorf("5,000 codes used %d of the alphabet's %d characters", len(seen), len(Alphabet))
	}
	if strings.ContainsAny(Alphabet, "0OQ1IL5S8B2ZUV") {
		t.Errorf("the alphabet %q has look-alike characters", Alphabet)
	}
	for typed, want := range map[string]string{"ack-34x": "ACK34X", " AC K3 4X ": "ACK34X", "ack34": "", "ACK34O": "", "ACK-34X-9": ""} {
		got, err := ParseCode(typed)
		if want == "" && err == nil {
			t.Errorf("ParseCode(%q) = %q, want an error", typed, got)
		}
		if want != "" && got != want {
			t.Errorf("ParseCode(%q) = %q, %v; want %q", typed, got, err, want)
		}
	}
}

func TestTheSecretIsTheInstructors(t *testing.T) {
	_, c, secret, _ := started(t)
	_, other, _ := NewRegistry(nil).Start(View{Path: "/"}) // another class's secret
	if !c.Owns(secret) || c.Owns(other) || c.Owns("") || c.Owns(secret[:len(secret)-1]) {
		t.Error("Owns accepts another secret or refuses the class's own")
	}
	if n := len(secret) * 6 / 8; n < 16 {
		t.Errorf("the secret holds %d bytes, under 128 bits", n)
	}
}

// TestStudentsFollowTheInstructor: a step by the instructor reaches every
// student; a late joiner lands on it; a student's attempt to drive is
// refused and moves nobody.
func TestStudentsFollowTheInstructor(t *testing.T) {
	_, c, _, _ := started(t)
	teacher, _ := join(c, Instructor)
	var students []*screen
	for range 3 {
		s, _ := join(c, Student)
		students = append(students, s)
	}
	if n := teacher.last("count")["students"]; n != 3.0 {
		t.Errorf("the instructor sees %v students, want 3", n)
	}
	if err := c.Show(teacher.Member, View{Path: "/play/lan-both", Step: 12}); err != nil {
		t.Fatal(err)
	}
	for i, s := range students {
		if v := viewOf(s.last("view")); v.Step != 12 {
			t.Errorf("student %d is at %+v", i, v)
		}
	}
	if err := c.Show(students[0].Member, View{Path: "/play/lan-both", Step: 1}); !errors.Is(err, ErrNotInstructor) {
		t.Errorf("a student drove the class: %v", err)
	}
	if v := viewOf(students[1].last("view")); v.Step != 12 || c.View().Step != 12 {
		t.Errorf("a student's command moved the class to %+v", v)
	}
	late, _ := join(c, Student)
	if v := viewOf(late.last("view")); v.Step != 12 {
		t.Errorf("a late joiner lands on %+v, want step 12", v)
	}
	for _, bad := range []View{{Path: "javascript:alert(1)"}, {Path: "/" + strings.Repeat("a", 300)}, {Path: "/", Step: -1}} {
		if err := c.Show(teacher.Member, bad); err == nil {
			t.Errorf("the class showed %+v", bad)
		}
	}
}

// TestASlowStudentIsDroppedNotWaitedFor: a screen that cannot take a frame
// leaves the class, the others get it, and joining again resyncs it.
func TestASlowStudentIsDroppedNotWaitedFor(t *testing.T) {
	_, c, _, _ := started(t)
	teacher, _ := join(c, Instructor)
	slow, _ := join(c, Student)
	fine, _ := join(c, Student)
	slow.full = true
	if err := c.Show(teacher.Member, View{Path: "/lessons/smtp", Step: 3}); err != nil {
		t.Fatal(err)
	}
	if c.Students() != 1 || viewOf(fine.last("view")).Step != 3 {
		t.Fatalf("after a slow screen: %d students, the other at %v", c.Students(), fine.last("view"))
	}
	slow.full = false
	join(c, Student)
	back, leave := join(c, Student)
	if viewOf(back.last("view")) != (View{Path: "/lessons/smtp", Step: 3}) {
		t.Errorf("a rejoining screen lands on %v", back.last("view"))
	}
	leave()
	leave()
	if n := teacher.last("count")["students"]; n != 2.0 {
		t.Errorf("after one left (twice) the instructor sees %v students, want 2", n)
	}
}

// TestAPollCountsEachStudentOnce: answers can change until the reveal and
// count once; the students never see the right answer before it; the
// reveal reaches everyone with the chart; late joiners see it too.
func TestAPollCountsEachStudentOnce(t *testing.T) {
	_, c, _, _ := started(t)
	teacher, _ := join(c, Instructor)
	a, _ := join(c, Student)
	b, _ := join(c, Student)
	p := Poll{Kind: "single", Question: Text{"en": "What does the server answer to RCPT?"}, Options: []Text{{"en": "250"}, {"en": "354"}, {"en": "550"}},
		Right: []int{0}, Why: Text{"en": "250: the recipient is accepted.", "ro": "250: destinatarul e acceptat."}}
	if err := c.Ask(a.Member, p); !errors.Is(err, ErrNotInstructor) {
		t.Errorf("a student asked: %v", err)
	}
	if err := c.Ask(teacher.Member, p); err != nil {
		t.Fatal(err)
	}
	id := int(a.last("poll")["id"].(float64))
	if strings.Contains(a.raw(), "recipient is accepted") || a.last("poll")["bars"] != nil {
		t.Errorf("a student's screen has the answer or the tally before the reveal: %s", a.raw())
	}
	for _, step := range []struct {
		who   *screen
		picks []int
	}{{a, []int{1}}, {b, []int{0}}, {a, []int{0}}} {
		if err := c.Answer(step.who.Member, id, step.picks, ""); err != nil {
			t.Fatal(err)
		}
	}
	bars := teacher.last("poll")["bars"].([]any)
	counts := []float64{bars[0].(map[string]any)["count"].(float64), bars[1].(map[string]any)["count"].(float64)}
	if counts[0] != 2 || counts[1] != 0 || teacher.last("poll")["answered"] != 2.0 {
		t.Errorf("the chart counts %v, answered %v; want 2 for 250 and 0 for 354 (a changed answer counts once)", counts, teacher.last("poll")["answered"])
	}
	if err := c.Answer(teacher.Member, id, []int{0}, ""); !errors.Is(err, ErrNotStudent) {
		t.Errorf("the instructor answered: %v", err)
	}
	for _, bad := range [][]int{{3}, {-1}, {0, 1}, nil} {
		if err := c.Answer(b.Member, id, bad, ""); !errors.Is(err, ErrBadAnswer) {
			t.Errorf("answer %v: %v, want ErrBadAnswer", bad, err)
		}
	}
	if err := c.Reveal(teacher.Member); err != nil {
		t.Fatal(err)
	}
	for _, s := range []*screen{a, b, teacher} {
		r := s.last("reveal")
		if r == nil || r["right"].([]any)[0] != 0.0 || r["why"].(map[string]any)["ro"] != p.Why["ro"] || r["bars"].([]any)[0].(map[string]any)["right"] != true {
			t.Errorf("a screen got the reveal %v", r)
		}
	}
	if err := c.Answer(a.Member, id, []int{2}, ""); !errors.Is(err, ErrRevealed) {
		t.Errorf("an answer after the reveal: %v", err)
	}
	late, _ := join(c, Student)
	if late.last("reveal") == nil {
		t.Error("a late joiner does not see the revealed question")
	}
}

func TestShortAnswersFoldAndRank(t *testing.T) {
	_, c, _, _ := started(t)
	teacher, _ := join(c, Instructor)
	if err := c.Ask(teacher.Member, Poll{Kind: "short", Question: Text{"en": `"Man" in Base64?`}, Answer: "TWFu", Why: Text{"en": "M a n → 19 22 5 46"}}); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"twfu", " T W F U ", "TWFv"} {
		s, _ := join(c, Student)
		if err := c.Answer(s.Member, 1, nil, text); err != nil {
			t.Fatal(err)
		}
	}
	c.Reveal(teacher.Member)
	bars := teacher.last("reveal")["bars"].([]any)
	first := bars[0].(map[string]any)
	if first["text"] != "TWFU" || first["count"] != 2.0 || first["right"] != true || len(bars) != 2 {
		t.Errorf("the short answers chart as %v", bars)
	}
}

// TestExactShortAnswersKeepTheirCase: Base64 tells "eQ==" from "eq==", so
// an Exact poll charts them apart and marks only the right one.
func TestExactShortAnswersKeepTheirCase(t *testing.T) {
	_, c, _, _ := started(t)
	teacher, _ := join(c, Instructor)
	c.Ask(teacher.Member, Poll{Kind: "short", Exact: true, Question: Text{"en": "y?"}, Answer: "eQ==", Why: Text{"en": "011110 = 30 → e"}})
	for _, text := range []string{"eq==", "e Q = ="} {
		s, _ := join(c, Student)
		if err := c.Answer(s.Member, 1, nil, text); err != nil {
			t.Fatal(err)
		}
	}
	c.Reveal(teacher.Member)
	right := 0
	for _, b := range teacher.last("reveal")["bars"].([]any) {
		bar := b.(map[string]any)
		if bar["right"] == true {
			right++
			if bar["text"] != "eQ==" || bar["count"] != 1.0 {
				t.Errorf("the right bar is %v", bar)
			}
		}
	}
	if right != 1 {
		t.Errorf("%d bars are marked right, want only eQ==", right)
	}
}

// TestANicknameIsOptionalAndAnswersStayAnonymous: the instructor's count
// lists the nicknames given, sorted; no frame ties an answer to one; a
// nickname that is too long or holds control characters is refused.
func TestANicknameIsOptionalAndAnswersStayAnonymous(t *testing.T) {
	_, c, _, _ := started(t)
	teacher, _ := join(c, Instructor)
	ana, _ := join(c, Student)
	join(c, Student) // one who gives no nickname
	if err := c.Nick(ana.Member, "  Ana   Pop "); err != nil {
		t.Fatal(err)
	}
	if nicks := teacher.last("count")["nicks"]; len(nicks.([]any)) != 1 || nicks.([]any)[0] != "Ana Pop" {
		t.Errorf("the instructor's list is %v", nicks)
	}
	c.Ask(teacher.Member, Poll{Kind: "single", Question: Text{"en": "?"}, Options: []Text{{"en": "a"}, {"en": "b"}}, Right: []int{1}})
	c.Answer(ana.Member, 1, []int{0}, "")
	c.Reveal(teacher.Member)
	for _, op := range []string{"poll", "reveal"} {
		if b, _ := json.Marshal(teacher.last(op)); strings.Contains(string(b), "Ana") {
			t.Errorf("the %s frame names who answered: %s", op, b)
		}
	}
	for _, bad := range []string{strings.Repeat("a", MaxNick+1), "Ana\x00", "Ana\u202e"} {
		if err := c.Nick(ana.Member, bad); !errors.Is(err, ErrBadNick) {
			t.Errorf("nickname %q: %v", bad, err)
		}
	}
	if err := c.Nick(teacher.Member, "Prof"); !errors.Is(err, ErrNotStudent) {
		t.Errorf("the instructor took a nickname: %v", err)
	}
	c.Nick(ana.Member, "")
	if nicks := teacher.last("count")["nicks"]; nicks != nil {
		t.Errorf("after taking the nickname back the list is %v", nicks)
	}
}

// TestABurstIsCoalesced: a room that joins and answers at once sends
// each instructor screen a few counts and tallies, not one per student,
// and the last says where the room is.
func TestABurstIsCoalesced(t *testing.T) {
	RefreshEvery = 40 * time.Millisecond
	defer func() { RefreshEvery = 0 }()
	_, c, _, _ := started(t)
	teacher, _ := join(c, Instructor)
	c.Ask(teacher.Member, Poll{Kind: "single", Question: Text{"en": "?"}, Options: []Text{{"en": "a"}, {"en": "b"}}, Right: []int{1}})
	for range 500 {
		s, _ := join(c, Student)
		c.Answer(s.Member, 1, []int{1}, "")
	}
	time.Sleep(3 * RefreshEvery)
	counts, tallies := 0, 0
	teacher.mu.Lock()
	for _, f := range teacher.got {
		switch f["op"] {
		case "count":
			counts++
		case "poll":
			tallies++
		}
	}
	teacher.mu.Unlock()
	if counts > 50 || tallies > 50 {
		t.Errorf("500 students joining and answering sent the instructor %d counts and %d tallies", counts, tallies)
	}
	if n := teacher.last("count")["students"]; n != 500.0 || teacher.last("poll")["answered"] != 500.0 {
		t.Errorf("the last count says %v students, the last tally %v answers; want 500 and 500", n, teacher.last("poll")["answered"])
	}
}

func TestStudentsAnswerAtAMeasuredPace(t *testing.T) {
	_, c, _, _ := started(t)
	teacher, _ := join(c, Instructor)
	c.Ask(teacher.Member, Poll{Kind: "single", Question: Text{"en": "?"}, Options: []Text{{"en": "a"}, {"en": "b"}}, Right: []int{1}})
	s, _ := join(c, Student)
	var err error
	for i := 0; i < answerBurst+1 && err == nil; i++ {
		err = c.Answer(s.Member, 1, []int{i % 2}, "")
	}
	if !errors.Is(err, ErrTooFast) {
		t.Errorf("%d answers in a row were all taken", answerBurst+1)
	}
}

// TestAClassExpiresWithoutItsInstructor: 12 hours after the instructor's
// last screen left, the code is gone; while a screen stays, it lives.
func TestAClassExpiresWithoutItsInstructor(t *testing.T) {
	r, c, _, clock := started(t)
	_, leave := join(c, Instructor)
	*clock = clock.Add(13 * time.Hour)
	if _, ok := r.Get(c.Code()); !ok {
		t.Fatal("a class with its instructor connected expired")
	}
	leave()
	*clock = clock.Add(Expiry - time.Minute)
	if _, ok := r.Get(c.Code()); !ok {
		t.Fatal("a class expired before 12 hours without its instructor")
	}
	*clock = clock.Add(2 * time.Minute)
	if _, ok := r.Get(c.Code()); ok || r.Len() != 0 {
		t.Error("a class outlived 12 hours without its instructor")
	}
}

func TestJoinAttemptsAreRateLimitedPerAddress(t *testing.T) {
	r, c, _, _ := started(t)
	typed := strings.ToLower(c.Code()[:3] + "-" + c.Code()[3:])
	var err error
	n := 0
	for ; err == nil; n++ {
		_, err = r.Find(typed, "192.0.2.7")
	}
	if !errors.Is(err, ErrTooMany) || n != joinBurst+1 {
		t.Errorf("attempt %d from one address: %v; want ErrTooMany after %d", n, err, joinBurst)
	}
	if got, err := r.Find(typed, "192.0.2.8"); err != nil || got != c {
		t.Errorf("another address cannot join: %v", err)
	}
	if _, err := r.Find("AAAAAA", "192.0.2.9"); !errors.Is(err, ErrNoClass) {
		t.Errorf("an unknown code: %v", err)
	}
}

func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"ACK34X", "ack-34x", "", "ÅÇK34X", "AC K3 4X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, err := ParseCode(s)
		if err != nil {
			return
		}
		if again, err := ParseCode(code); err != nil || again != code || len(code) != CodeLen {
			t.Errorf("ParseCode(%q) = %q, which reads back as %q, %v", s, code, again, err)
		}
	})
}

// BenchmarkShow is one step by the instructor reaching 1,000 students'
// queues: encoded once, delivered to each.
func BenchmarkShow(b *testing.B) {
	c, _, _ := NewRegistry(nil).Start(View{Path: "/play/lan-both"})
	teacher := &Member{Role: Instructor, Deliver: func(*Message) bool { return true }}
	c.Join(teacher)
	for range 1000 {
		q := make(chan *Message, 1)
		c.Join(&Member{Role: Student, Deliver: func(m *Message) bool {
			select {
			case <-q:
			default:
			}
			q <- m
			return true
		}})
	}
	step := 0
	for b.Loop() {
		step++
		c.Show(teacher, View{Path: "/play/lan-both", Step: step % 57})
	}
}
