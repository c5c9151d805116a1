package class

import (
	"errors"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Expiry is how long a class lives without its instructor: a lecture's
// day, after which its code may be given to another class.
const Expiry = 12 * time.Hour

// The join limit per client address: a classroom behind one NAT joins in a
// burst, a guesser trying codes gets one try a second.
var joinRate, joinBurst = rate.Every(time.Second), 60

// ErrNoClass is a code that names no running class.
var (
	ErrNoClass   = errors.New("no class has this code: check it with your instructor")
	ErrTooMany   = errors.New("too many attempts to join from here; wait a moment")
	ErrFullHouse = errors.New("too many classes are running; try again later")
)

// maxClasses bounds the classes one instance holds: each costs little, but
// starting one costs nothing to whoever sends the request.
const maxClasses = 10000

// Registry holds the running classes of this instance.
type Registry struct {
	now func() time.Time

	mu      sync.Mutex
	classes map[string]*Class
	joins   map[string]*rate.Limiter // per client address
	swept   time.Time                // the last sweep: once a minute is enough for a 12-hour expiry
}

// NewRegistry is an empty registry; now is the clock (nil: time.Now),
// which tests turn forward.
func NewRegistry(now func() time.Time) *Registry {
	if now == nil {
		now = time.Now
	}
	return &Registry{now: now, classes: map[string]*Class{}, joins: map[string]*rate.Limiter{}}
}

// Start opens a class and returns it with the instructor's secret, which
// only the instructor's browser keeps. The class counts as alone from now,
// so one started and never taught expires too.
func (r *Registry) Start(first View) (*Class, string, error) {
	if err := first.check(); err != nil {
		return nil, "", err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sweep()
	if len(r.classes) >= maxClasses {
		return nil, "", ErrFullHouse
	}
	code := newCode()
	for r.classes[code] != nil {
		code = newCode()
	}
	c := &Class{Code: code, secret: newSecret(), view: first, members: map[*Member]struct{}{}, now: r.now, alone: r.now()}
	r.classes[code] = c
	return c, c.secret, nil
}

// Get is the running class with code, for its instructor's pages.
func (r *Registry) Get(code string) (*Class, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sweep()
	c, ok := r.classes[code]
	return c, ok
}

// Find is Get for a student's attempt to join from addr: the code as
// typed, rate-limited per address so that codes cannot be guessed.
func (r *Registry) Find(typed, addr string) (*Class, error) {
	r.mu.Lock()
	lim, ok := r.joins[addr]
	if !ok {
		if len(r.joins) > 4*maxClasses {
			r.joins = map[string]*rate.Limiter{} // forget the addresses rather than grow without bound
		}
		lim = rate.NewLimiter(joinRate, joinBurst)
		r.joins[addr] = lim
	}
	r.mu.Unlock()
	if !lim.AllowN(r.now(), 1) {
		return nil, ErrTooMany
	}
	code, err := ParseCode(typed)
	if err != nil {
		return nil, err
	}
	c, ok := r.Get(code)
	if !ok {
		return nil, ErrNoClass
	}
	return c, nil
}

// Len is how many classes run.
func (r *Registry) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sweep()
	return len(r.classes)
}

// sweep ends the classes whose instructor has been away for Expiry; under mu.
func (r *Registry) sweep() {
	t := r.now()
	if t.Sub(r.swept) < time.Minute {
		return
	}
	r.swept = t
	for code, c := range r.classes {
		c.mu.Lock()
		gone := !c.alone.IsZero() && t.Sub(c.alone) >= Expiry
		c.mu.Unlock()
		if gone {
			delete(r.classes, code)
		}
	}
}
