package errata

import "mailsim/web/words"

// tr looks a key up in the app's catalogs (package words).
var tr = words.T
