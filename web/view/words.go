package view

import "mailsim/web/words"

// tr and explain look a key up in the app's catalogs (package words).
var tr, explain = words.T, words.Explain
