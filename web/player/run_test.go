package player

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"

	"mailsim/sim"
)

// TestRunsDoNotWaitForEachOther holds the run of a scenario that never ends
// while 40 requests ask for it, and opens another scenario meanwhile. The
// other scenario's run is made while the held one is still going, which a
// cache computing under one lock could not do (the test would hang); the
// held run is made once, and its failure is cached.
func TestRunsDoNotWaitForEachOther(t *testing.T) {
	looping, other := &sim.Spec{Name: "looping"}, twoSystems(t)
	started, release := make(chan struct{}), make(chan struct{})
	var runs atomic.Int32
	tooLong := errors.New("scenario looping: still running after 100000 events")
	rs := &totals{compute: func(s *sim.Spec) (*run, error) {
		if s != looping {
			return play(s)
		}
		if runs.Add(1) == 1 {
			close(started)
		}
		<-release
		return nil, tooLong
	}}

	const requests = 40
	errs := make(chan error, requests)
	var wg sync.WaitGroup
	for range requests {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := rs.get(looping)
			errs <- err
		}()
	}
	<-started
	if r, err := rs.get(other); err != nil || len(r.trace) == 0 {
		t.Fatalf("the other scenario while one is held: %v", err)
	}
	select {
	case err := <-errs:
		t.Fatalf("a request for the held scenario returned before its run ended: %v", err)
	default:
	}
	close(release)
	wg.Wait()
	close(errs)
	for err := range errs {
		if !errors.Is(err, tooLong) {
			t.Errorf("a request for the held scenario got %v", err)
		}
	}
	if _, err := rs.get(looping); !errors.Is(err, tooLong) {
		t.Errorf("a later request got %v, want the cached failure", err)
	}
	if n := runs.Load(); n != 1 {
		t.Errorf("the held scenario ran %d times, want once", n)
	}
}

// TestRunThatPanicsFails: a run that panics does not leave the requests
// that wait for it hanging; they get an error.
func TestRunThatPanicsFails(t *testing.T) {
	spec := &sim.Spec{Name: "broken"}
	rs := &totals{compute: func(*sim.Spec) (*run, error) { panic("broken") }}
	func() {
		defer func() { _ = recover() }()
		_, _ = rs.get(spec)
	}()
	if _, err := rs.get(spec); err == nil {
		t.Error("a run that panicked gave no error")
	}
}
