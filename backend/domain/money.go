package domain

// Minor turns the digits of a decimal amount, split at its decimal point,
// into minor units of a currency with exp decimals, exactly (no float on
// the way), rounding half away from zero on the first dropped digit. ok is
// false when a part holds anything but digits or the whole part is too long
// for an int64 amount. Importers and store connectors read amounts through
// it, so a file and an API give the same cents.
func Minor(intPart, frac string, exp int, neg bool) (v int64, ok bool) {
	if len(intPart) > 15 || !digits(intPart) || !digits(frac) {
		return 0, false
	}
	for _, c := range intPart {
		v = v*10 + int64(c-'0')
	}
	for i := 0; i < exp; i++ {
		v *= 10
		if i < len(frac) {
			v += int64(frac[i] - '0')
		}
	}
	if len(frac) > exp && frac[exp] >= '5' {
		v++
	}
	if neg {
		v = -v
	}
	return v, true
}

func digits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
