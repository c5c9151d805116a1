package machine

import "fmt"

// Transition is one arrow of a protocol's server state diagram, typed by
// the protocol's State, so that renaming or removing a state breaks the
// list that draws it. Label is the protocol element that causes the
// transition ("MAIL", "+OK"), or a key starting "state.edge." for a word
// the UI says in the reader's language. A lenient transition is one a real
// server allows though the RFC does not; the diagram draws it dashed.
type Transition[S fmt.Stringer] struct {
	From, To S
	Label    string
	Lenient  bool
}
