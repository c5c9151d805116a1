package class

// Room is a class as its members' pages use it: a *Class this instance
// holds, or, with classes shared between instances (package class/share),
// one that another instance holds and this one reaches over the network.
// Both keep the same rules, since the holder's *Class applies them.
type Room interface {
	Code() string
	Owns(secret string) bool
	Join(m *Member) (leave func())
	Show(m *Member, v View) error
	Ask(m *Member, p Poll) error
	Answer(m *Member, id int, picks []int, text string) error
	Reveal(m *Member) error
	Nick(m *Member, nick string) error
	View() View
}

var _ Room = (*Class)(nil)

// Net shares a registry's classes with the other instances of the app.
type Net interface {
	// Serve makes class c, which this instance holds, reachable from the
	// others, until stop.
	Serve(c *Class) (stop func())
	// Find reaches the class with code that another instance holds.
	Find(code string) (Room, bool)
}
