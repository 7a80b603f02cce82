package tracking

// The check-digit algorithms carriers define, named in data/formats.tsv.
// Each takes the whole normalised number (upper case letters and digits)
// and says whether its check character is right. Sources are in the data
// file beside each format that uses one.

// checkFunc validates a number's check character.
type checkFunc func(n string) bool

var checks = map[string]checkFunc{
	"-":               func(string) bool { return true },
	"s10":             checkS10,
	"s10_13":          func(n string) bool { return len(n) >= 13 && checkS10(n[:13]) },
	"ups":             checkUPS,
	"mod10_31":        checkMod10Weights31,
	"mod10_31_last15": func(n string) bool { return len(n) >= 15 && checkMod10Weights31(n[len(n)-15:]) },
	"mod10_49":        checkMod10Weights49,
	"mod11_137":       checkMod11Weights137,
	"mod7":            checkMod7,
	"iso7064_37_36":   checkISO7064Mod3736,
	"gls":             checkGLS,
}

func digit(c byte) (int, bool) {
	if c >= '0' && c <= '9' {
		return int(c - '0'), true
	}
	return 0, false
}

// checkS10: the UPU S10 identifier's 8 serial digits weighted 8,6,4,2,3,5,9,7;
// C = 11 - (S mod 11), with 10 -> 0 and 11 -> 5.
func checkS10(n string) bool {
	if len(n) != 13 {
		return false
	}
	weights := [8]int{8, 6, 4, 2, 3, 5, 9, 7}
	s := 0
	for i, w := range weights {
		d, ok := digit(n[2+i])
		if !ok {
			return false
		}
		s += d * w
	}
	c := 11 - s%11
	switch c {
	case 10:
		c = 0
	case 11:
		c = 5
	}
	d, ok := digit(n[10])
	return ok && d == c
}

// checkUPS: the 15 characters after 1Z, letters turned into digits
// ((code - 63) mod 10: A=2, B=3 ... ), odd positions plus twice the even
// ones; the check digit brings the sum to a multiple of 10.
func checkUPS(n string) bool {
	if len(n) != 18 {
		return false
	}
	s := 0
	for i := 2; i < 17; i++ {
		c := n[i]
		v, ok := digit(c)
		if !ok {
			if c < 'A' || c > 'Z' {
				return false
			}
			v = int(c-63) % 10
		}
		if (i-2)%2 == 1 {
			v *= 2
		}
		s += v
	}
	d, ok := digit(n[17])
	return ok && d == (10-s%10)%10
}

// checkMod10Weights31 is the GS1 mod 10: from the digit left of the check
// digit leftwards, weights 3,1,3,...; the check digit brings the sum to a
// multiple of 10 (USPS IMpb, DHL's 20-digit numbers, Hermes, DPD, FedEx
// Ground).
func checkMod10Weights31(n string) bool {
	if len(n) < 2 {
		return false
	}
	s, w := 0, 3
	for i := len(n) - 2; i >= 0; i-- {
		d, ok := digit(n[i])
		if !ok {
			return false
		}
		s += d * w
		w = 4 - w
	}
	d, ok := digit(n[len(n)-1])
	return ok && d == (10-s%10)%10
}

// checkGLS is the GLS parcel number's check digit: the 11 digits before
// it weighted 3,1,3,... from the left, plus 1; the check digit brings that
// sum to a multiple of 10. The "+1" is what sets it apart from the GS1 mod
// 10 (an 11-digit number weighted from the left starts on 3 there too).
func checkGLS(n string) bool {
	if len(n) != 12 {
		return false
	}
	s := 1
	for i := 0; i < 11; i++ {
		d, ok := digit(n[i])
		if !ok {
			return false
		}
		if i%2 == 0 {
			d *= 3
		}
		s += d
	}
	d, ok := digit(n[11])
	return ok && d == (10-s%10)%10
}

// checkMod10Weights49 is Deutsche Post's Identcode: weights 4,9,4,9 ...
// from the left, the check digit brings the sum to a multiple of 10.
func checkMod10Weights49(n string) bool {
	if len(n) < 2 {
		return false
	}
	s := 0
	for i := 0; i < len(n)-1; i++ {
		d, ok := digit(n[i])
		if !ok {
			return false
		}
		if i%2 == 0 {
			s += d * 4
		} else {
			s += d * 9
		}
	}
	d, ok := digit(n[len(n)-1])
	return ok && d == (10-s%10)%10
}

// checkMod11Weights137 is FedEx Express: weights 1,3,7 from the digit left
// of the check digit leftwards, the sum mod 11 (10 -> 0) is the check digit.
func checkMod11Weights137(n string) bool {
	if len(n) < 2 {
		return false
	}
	weights := [3]int{1, 3, 7}
	s := 0
	for i, k := len(n)-2, 0; i >= 0; i, k = i-1, k+1 {
		d, ok := digit(n[i])
		if !ok {
			return false
		}
		s += d * weights[k%3]
	}
	c := s % 11
	if c == 10 {
		c = 0
	}
	d, ok := digit(n[len(n)-1])
	return ok && d == c
}

// checkMod7: the number without its last digit, mod 7, is the last digit
// (DHL Express waybills, Japan Post).
func checkMod7(n string) bool {
	if len(n) < 2 {
		return false
	}
	r := 0
	for i := 0; i < len(n)-1; i++ {
		d, ok := digit(n[i])
		if !ok {
			return false
		}
		r = (r*10 + d) % 7
	}
	d, ok := digit(n[len(n)-1])
	return ok && d == r
}

// checkISO7064Mod3736 is ISO/IEC 7064 MOD 37,36 (a hybrid system over
// 0-9 and A-Z), DPD's check character after the 14-digit parcel number.
func checkISO7064Mod3736(n string) bool {
	if len(n) < 2 {
		return false
	}
	const m = 36
	p := m
	for i := 0; i < len(n)-1; i++ {
		v, ok := alnumValue(n[i])
		if !ok {
			return false
		}
		s := (p + v) % m
		if s == 0 {
			s = m
		}
		p = (s * 2) % (m + 1)
	}
	want := (m + 1 - p) % m
	got, ok := alnumValue(n[len(n)-1])
	return ok && got == want
}

func alnumValue(c byte) (int, bool) {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0'), true
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10, true
	}
	return 0, false
}
