package view

import (
	"mailsim/sim/live"
	"testing"
)

func TestLectureSessionsUseTheLabsAccounts(t *testing.T) {
	s := LectureSessions(live.DefaultAccounts())
	if s[0].Lines[1] != "rcpt to: bob@mailsim.test" || s[1].Lines[1] != "pass hungry" {
		t.Errorf("default accounts: %+v", s)
	}
	s = LectureSessions([]live.Account{{Address: "ana@x.test", Password: "pw"}})
	if s[1].Lines[0] != "user ana" || s[1].Lines[1] != "pass pw" {
		t.Errorf("one user: %+v", s)
	}
	if LectureSessions(nil) != nil {
		t.Error("no users, no sessions")
	}
}
