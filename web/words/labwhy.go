package words

import "mailsim/lang"

// uiLabWhy is the MIME lab's way into the lessons: its tracer pages link to
// the lesson that explains the encodings.
var uiLabWhy = lang.Catalog{
	"lab.why": {RO: "De ce? Citește lecția:", EN: "Why? Read the lesson:"},
}
