package connector

import (
	"strings"

	"shopclerk/backend/domain"
)

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
	if intPart == "" && frac == "" {
		return 0
	}
	v, _ := domain.Minor(intPart, frac, exp, neg)
	return v
}
