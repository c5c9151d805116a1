package lessons

import "slices"

// Topic is the first lesson, in order, whose front matter lists the topic
// id (one of Topics): where a tool that shows the topic, as the MIME lab
// shows the encodings, sends a student to read why.
func (s *Set) Topic(id string) (*Lesson, bool) {
	for _, ls := range s.list {
		if slices.Contains(ls.Docs[Langs[0]].Topics, id) {
			return ls, true
		}
	}
	return nil, false
}
