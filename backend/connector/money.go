package connector

import "strings"

// Minor turns an API's decimal amount ("12.5", "-3.00", "1200") into minor
// units of a currency with exp decimals, exactly (no float on the way),
// rounding half away from zero. APIs write amounts with a dot and no
// thousands separators; anything else reads as 0 (the caller's record
// then shows it, rather than a guess).
func Minor(s string, exp int) int64 {
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	if intPart == "" && frac == "" || len(intPart) > 15 {
		return 0
	}
	var v int64
	for _, c := range intPart {
		if c < '0' || c > '9' {
			return 0
		}
		v = v*10 + int64(c-'0')
	}
	for _, c := range frac {
		if c < '0' || c > '9' {
			return 0
		}
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
	return v
}
