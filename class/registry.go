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

// Registry holds the running classes of this instance and, with a Net,
// reaches those of the others.
type Registry struct {
	now func() time.Time
	net Net // nil: this instance alone

	mu      sync.Mutex
	classes map[string]*Class
	stops   map[string]func()        // what ends a class's sharing, by code
	joins   map[string]*rate.Limiter // per client address
	swept   time.Time                // the last sweep: once a minute is enough for a 12-hour expiry
}

// NewRegistry is an empty registry; now is the clock (nil: time.Now),
// which tests turn forward.
func NewRegistry(now func() time.Time) *Registry {
	if now == nil {
		now = time.Now
	}
	return &Registry{now: now, classes: map[string]*Class{}, stops: map[string]func(){}, joins: map[string]*rate.Limiter{}}
}

// Share has the registry serve its classes to the other instances of n
// and find theirs; set it before the first Start.
func (r *Registry) Share(n Net) { r.net = n }

// Start opens a class and returns it with the instructor's secret, which
// only the instructor's browser keeps. The class counts as alone from now,
// so one started and never taught expires too. With a Net, a code another
// instance holds is drawn again; asking happens outside the lock.
func (r *Registry) Start(first View) (*Class, string, error) {
	if err := first.check(); err != nil {
		return nil, "", err
	}
	for {
		code := newCode()
		if r.net != nil {
			if _, ok := r.net.Find(code); ok {
				continue
			}
		}
		c, err := r.open(code, first)
		if err != nil {
			return nil, "", err
		}
		if c != nil {
			return c, c.secret, nil
		}
	}
}

// open makes the class with code unless this instance holds one already
// (nil, nil: draw again).
func (r *Registry) open(code string, first View) (*Class, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sweep()
	if len(r.classes) >= maxClasses {
		return nil, ErrFullHouse
	}
	if r.classes[code] != nil {
		return nil, nil
	}
	c := &Class{code: code, secret: newSecret(), view: first, members: map[*Member]struct{}{}, now: r.now, alone: r.now()}
	r.classes[code] = c
	if r.net != nil {
		r.stops[code] = r.net.Serve(c)
	}
	return c, nil
}

// Get is the running class with code: held here, or by another instance.
func (r *Registry) Get(code string) (Room, bool) {
	r.mu.Lock()
	r.sweep()
	c, ok := r.classes[code]
	r.mu.Unlock()
	if ok {
		return c, true
	}
	if r.net != nil {
		return r.net.Find(code)
	}
	return nil, false
}

// Find is Get for a student's attempt to join from addr: the code as
// typed, rate-limited per address so that codes cannot be guessed.
func (r *Registry) Find(typed, addr string) (Room, error) {
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
			if stop := r.stops[code]; stop != nil {
				stop()
				delete(r.stops, code)
			}
		}
	}
}
