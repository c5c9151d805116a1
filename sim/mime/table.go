package mime

// Alphabet is the Base64 alphabet of RFC 4648 and RFC 2045 in index order:
// the character for value v is Alphabet[v].
const Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// Pad is the character that fills the positions of a final group that carry
// no data.
const Pad = '='

// TableEntry is one row of the index table the lab page draws: the value, its
// six bits and the character it stands for in Base64 and in uuencode, so the
// two tables can be shown side by side.
//
// JSON: {"value":19,"bits":"010011","char":"T","uu":"3"}
type TableEntry struct {
	Value int    `json:"value"`
	Bits  string `json:"bits"`
	Char  string `json:"char"`
	UU    string `json:"uu"`
}

// Table returns the 64 entries in value order. It returns a fresh slice so a
// caller cannot alter what every other page sees.
func Table() []TableEntry {
	t := make([]TableEntry, 64)
	for v := range t {
		t[v] = TableEntry{Value: v, Bits: sextetBits[v], Char: Alphabet[v : v+1], UU: string(rune(uuChar(v)))}
	}
	return t
}

// indexOf maps a byte to its value plus one, so that the zero value means
// "not in the alphabet" and the table needs no initialisation loop.
var indexOf = func() (t [256]uint8) {
	for v := 0; v < len(Alphabet); v++ {
		t[Alphabet[v]] = uint8(v + 1)
	}
	return t
}()

// Index returns the value of Base64 character c, and false when c is not in
// the alphabet (the padding '=' is not: it stands for no value).
func Index(c byte) (int, bool) {
	v := indexOf[c]
	return int(v) - 1, v != 0
}
