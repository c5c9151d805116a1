package words

import "mailsim/lang"

// uiLayout is the words of the frame that serve the keyboard and screen
// readers: the skip link over the bar, and the names of regions and fields
// that show no words of their own.
var uiLayout = lang.Catalog{
	"skip": {RO: "Sari la conținut", EN: "Skip to content"},
}
