package mime

import "fmt"

// Byte is one input or output byte as the lab shows it: decimal, hexadecimal,
// eight binary digits and, when it is printable ASCII, the character.
//
// JSON: {"value":77,"hex":"4D","bits":"01001101","char":"M"}
type Byte struct {
	Value int    `json:"value"`
	Hex   string `json:"hex"`
	Bits  string `json:"bits"`
	Char  string `json:"char,omitempty"` // only for 0x20..0x7E
}

// Sextet is one 6-bit group with the index it forms and the character that
// index selects. At a padding position there are no bits: Bits is empty,
// Index is -1, Char is "=" and Pad is true.
//
// JSON: {"bits":"010011","index":19,"char":"T"} or {"bits":"","index":-1,"char":"=","pad":true}
type Sextet struct {
	Bits  string `json:"bits"`
	Index int    `json:"index"`
	Char  string `json:"char"`
	Pad   bool   `json:"pad,omitempty"`
}

// Bit kinds, one letter per bit in a group's BitKinds string, so that a page
// can colour the 24 bits without recomputing which are which.
const (
	BitData = 'd' // a bit of the data
	BitFill = 'z' // a zero bit added (encode) or left over and dropped (decode) to complete a 6-bit group
	BitPad  = 'p' // a position that carries no bits and becomes '='
)

// groupKinds is the BitKinds string of a group by the number of padding
// characters it ends with (0, 1 or 2).
var groupKinds = [3]string{
	"dddddddddddddddddddddddd",
	"ddddddddddddddddzzpppppp",
	"ddddddddzzzzpppppppppppp",
}

// byteCells and sextetBits are computed once: a 64 KiB trace would otherwise
// format the same 256 bytes and 64 sextets tens of thousands of times.
var (
	byteCells = func() (t [256]Byte) {
		for v := range t {
			t[v] = Byte{Value: v, Hex: fmt.Sprintf("%02X", v), Bits: fmt.Sprintf("%08b", v)}
			if v >= 0x20 && v <= 0x7E {
				t[v].Char = string(rune(v))
			}
		}
		return t
	}()
	sextetBits = func() (t [64]string) {
		for v := range t {
			t[v] = fmt.Sprintf("%06b", v)
		}
		return t
	}()
)

// dataSextet is the Sextet of value v (0..63).
func dataSextet(v int) Sextet {
	return Sextet{Bits: sextetBits[v], Index: v, Char: Alphabet[v : v+1]}
}

// padSextet is the Sextet at a padding position.
var padSextet = Sextet{Index: -1, Char: string(Pad), Pad: true}

// appendBits appends the n low bits of v to dst as '0' and '1', most
// significant first.
func appendBits(dst []byte, v uint32, n int) []byte {
	for i := n - 1; i >= 0; i-- {
		dst = append(dst, '0'+byte(v>>uint(i)&1))
	}
	return dst
}

// ratio is a/b, or 0 when b is 0, because JSON has no NaN.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// upperHex writes b in upper-case hexadecimal, the form the lab shows bytes
// in (as in "=3D"); encoding/hex only writes lower case.
func upperHex(b []byte) string {
	const digits = "0123456789ABCDEF"
	out := make([]byte, 2*len(b))
	for i, c := range b {
		out[2*i], out[2*i+1] = digits[c>>4], digits[c&15]
	}
	return string(out)
}
