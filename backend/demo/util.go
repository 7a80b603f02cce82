package demo

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

type rng = *rand.Rand

// asciiFold spells names the way people type them into email addresses.
var asciiFold = strings.NewReplacer(
	"ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue",
	"é", "e", "è", "e", "ê", "e", "á", "a", "à", "a", "í", "i", "ó", "o", "ñ", "n", "ç", "c", "Ø", "O", "×", "x",
).Replace

// slug lower-cases s to ASCII letters and digits joined by sep (0: no separator).
func slug(s string, sep byte) string {
	var b strings.Builder
	pending := false
	for _, c := range asciiFold(strings.ToLower(s)) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if pending && b.Len() > 0 && sep != 0 {
				b.WriteByte(sep)
			}
			pending = false
			b.WriteRune(c)
		case c == '\'':
		default:
			pending = true
		}
	}
	return b.String()
}

// variantCode is the SKU suffix of an option value: "Ø 12 cm" -> "O12".
func variantCode(v string) string {
	var b strings.Builder
	for _, c := range strings.ToUpper(asciiFold(v)) {
		if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') && b.Len() < 3 {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// roundPrice makes a shelf price: whole euros ending in .90, .95 or .00.
func roundPrice(cents int64) int64 {
	euros := cents / 100
	switch euros % 3 {
	case 0:
		return euros*100 + 90
	case 1:
		return euros*100 + 95
	}
	return euros * 100
}

// ean13 adds the check digit to a 12-digit in-store number (prefix 20-29 is
// reserved for internal use, so no real product shares these barcodes).
func ean13(n int64) string {
	s := strconv.FormatInt(n, 10)
	if len(s) > 12 {
		s = s[len(s)-12:]
	}
	s = strings.Repeat("0", 12-len(s)) + s
	s = "2" + s[1:]
	sum := 0
	for i, c := range s {
		d := int(c - '0')
		if i%2 == 1 {
			d *= 3
		}
		sum += d
	}
	return s + strconv.Itoa((10-sum%10)%10)
}

func productTags(k *itemKind, p pattern) []string {
	tags := []string{strings.ToLower(k.typ)}
	switch p {
	case patSeasonal:
		tags = append(tags, "seasonal")
	case patLaunch:
		tags = append(tags, "new")
	}
	return tags
}

// digits returns a generator of n-digit zip codes (never starting with 0,
// so spreadsheets keep them intact).
func digits(n int) func(r rng) string {
	lo := int(math.Pow10(n - 1))
	return func(r rng) string { return strconv.Itoa(lo + r.IntN(9*lo)) }
}

func nlZip(r rng) string {
	return strconv.Itoa(1000+r.IntN(9000)) + " " + string(rune('A'+r.IntN(26))) + string(rune('A'+r.IntN(26)))
}

func gbZip(r rng) string {
	areas := []string{"SW1A", "EC1V", "M1", "BS1", "LS2", "EH1", "N7", "SE15"}
	return areas[r.IntN(len(areas))] + " " + strconv.Itoa(1+r.IntN(9)) + string(rune('A'+r.IntN(26))) + string(rune('A'+r.IntN(26)))
}

func ieZip(r rng) string {
	return "D" + strconv.Itoa(10+r.IntN(14)) + " " + string(rune('A'+r.IntN(26))) + strconv.Itoa(100+r.IntN(900))
}

// weighted picks an index with probability proportional to w.
func weighted(r rng, w []float64, total float64) int {
	x := r.Float64() * total
	for i, v := range w {
		if x < v {
			return i
		}
		x -= v
	}
	return len(w) - 1
}

// fnv is a 64-bit FNV-1a hash for the content checksum: cheap enough to run
// over a million orders, and stable across runs and platforms.
type fnv uint64

func newFNV() fnv { return 14695981039346656037 }

func (h *fnv) str(s string) {
	x := uint64(*h)
	for i := 0; i < len(s); i++ {
		x ^= uint64(s[i])
		x *= 1099511628211
	}
	*h = fnv(x ^ 0xff)
}

func (h *fnv) int(v int64) {
	x := uint64(*h)
	for i := 0; i < 8; i++ {
		x ^= uint64(v >> (8 * i) & 0xff)
		x *= 1099511628211
	}
	*h = fnv(x)
}
