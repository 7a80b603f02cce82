package importer

import (
	"errors"
	"math"
	"net/mail"
	"strconv"
	"strings"

	"shopclerk/backend/domain"
)

// cleanCell trims a cell and removes the apostrophe exporters put in front of
// numeric-looking text (Shopify: '4001, '+92 324…) or as a formula-injection
// guard (WooCommerce: '-123, '=SUM). A title such as "'90s tee" keeps it.
func cleanCell(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 2 || s[0] != '\'' {
		return s
	}
	rest := s[1:]
	switch rest[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return rest
	}
	for _, r := range rest {
		if !(r >= '0' && r <= '9' || r == ' ' || r == '(' || r == ')' || r == '.' || r == '-' || r == '+') {
			return s
		}
	}
	return rest
}

// isScientific tells a number Excel rewrote as 1.23E+11: the digits past the
// shown ones are gone, so a SKU, barcode, zip or id like that is wrong.
func isScientific(s string) bool {
	i := strings.IndexAny(s, "eE")
	if i < 1 || i == len(s)-1 {
		return false
	}
	mant, exp := s[:i], s[i+1:]
	if exp[0] == '+' || exp[0] == '-' {
		exp = exp[1:]
	}
	if exp == "" || strings.Trim(exp, "0123456789") != "" {
		return false
	}
	mant = strings.Replace(mant, ",", ".", 1)
	if strings.Count(mant, ".") > 1 || strings.Trim(mant, "0123456789.") != "" {
		return false
	}
	return true
}

var errNotMoney = errors.New("not an amount")

var dropSeparators = strings.NewReplacer(",", "", ".", "")

// parseMoney turns "1,234.50", "1.234,50", "12,50 €", "$8.00", "(3.00)" or
// "-$0.93" into minor units of a currency with exp decimals, exactly (no
// float on the way). decimalComma says the file is from a comma-decimal
// locale (it is semicolon-separated), which decides "1,234" and "1.234".
func parseMoney(s string, exp int, decimalComma bool) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg, s = true, s[1:len(s)-1]
	}
	// Drop currency symbols, codes and spaces (including the narrow no-break
	// space French Excel puts between thousands).
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r == '.', r == ',':
			b.WriteRune(r)
		case r == '-' || r == '−':
			neg = !neg
		case r == '+', r == ' ', r == '\u00a0', r == '\u202f', r == '\'':
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r == '$', r == '€', r == '£', r == '¥', r == '₹', r == '৳', r == '₽', r == '₩', r == '₺', r == '₫', r == '₴', r == '₱':
		default:
			return 0, errNotMoney
		}
	}
	num := b.String()
	if num == "" || strings.Trim(num, ".,") == "" {
		return 0, errNotMoney
	}
	intPart, frac := splitDecimal(num, decimalComma)
	if strings.ContainsAny(frac, ".,") {
		return 0, errNotMoney
	}
	if !thousandsOK(intPart) {
		return 0, errNotMoney
	}
	v, ok := domain.Minor(dropSeparators.Replace(intPart), frac, exp, neg)
	if !ok {
		return 0, errNotMoney
	}
	return v, nil
}

// splitDecimal finds the decimal separator: with both present the last one
// is decimal; a lone comma is decimal in a comma locale or when it is not
// followed by exactly three digits; a lone dot likewise, mirrored.
func splitDecimal(num string, decimalComma bool) (string, string) {
	lastDot, lastComma := strings.LastIndexByte(num, '.'), strings.LastIndexByte(num, ',')
	sep := -1
	switch {
	case lastDot >= 0 && lastComma >= 0:
		sep = max(lastDot, lastComma)
	case lastComma >= 0:
		if strings.Count(num, ",") == 1 && (decimalComma || len(num)-lastComma-1 != 3) {
			sep = lastComma
		}
	case lastDot >= 0:
		if strings.Count(num, ".") == 1 && (!decimalComma || len(num)-lastDot-1 != 3) {
			sep = lastDot
		}
	}
	if sep < 0 {
		return num, ""
	}
	return num[:sep], num[sep+1:]
}

// thousandsOK checks digit grouping: "1,234,567" yes, "12.3" or "1,23" no.
func thousandsOK(intPart string) bool {
	groups := strings.FieldsFunc(intPart, func(r rune) bool { return r == ',' || r == '.' })
	if len(groups) <= 1 {
		return !strings.HasSuffix(intPart, ",") && !strings.HasSuffix(intPart, ".")
	}
	if len(groups[0]) > 3 || len(groups[0]) == 0 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}

var errNotQuantity = errors.New("not a whole number")

// parseQuantity reads a count: "3", "-9", "1.0" (Square), "1,000", " 2 ".
func parseQuantity(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n, nil
	}
	v, err := parseMoney(s, 3, false)
	if err != nil || v%1000 != 0 {
		return 0, errNotQuantity
	}
	if v/1000 > math.MaxInt32 || v/1000 < math.MinInt32 {
		return 0, errNotQuantity
	}
	return int(v / 1000), nil
}

// parseBool reads the yes/no spellings of Shopify, WooCommerce and Excel.
func parseBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "true", "1", "y", "wahr", "vrai", "oui", "ja", "si", "sí":
		return true, true
	case "no", "false", "0", "n", "", "falsch", "faux", "non", "nein":
		return false, true
	}
	return false, false
}

// splitTags splits "a, b, c" and drops blanks (tags, discount codes,
// marketplace item lists), as everywhere else: domain.SplitTags.
func splitTags(s string) []string { return domain.SplitTags(s) }

// zipLengths are postcode lengths of all-digit postcodes; a shorter digit
// string lost its leading zeros in Excel.
var zipLengths = map[string]int{
	"US": 5, "DE": 5, "FR": 5, "IT": 5, "ES": 5, "MX": 5, "MY": 5, "FI": 5, "SE": 5, "PK": 5, "TH": 5,
	"ZA": 4, "BE": 4, "NL": 4, "AT": 4, "CH": 4, "DK": 4, "NO": 4, "AU": 4, "NZ": 4, "PH": 4, "BD": 4,
	"IN": 6, "SG": 6, "CN": 6, "RU": 6,
}

func zipLostZeros(zip, country string) bool {
	want, ok := zipLengths[strings.ToUpper(country)]
	if !ok || zip == "" || len(zip) >= want || strings.Trim(zip, "0123456789") != "" {
		return false
	}
	return true
}

// plainEmail reports whether s (lower-cased, trimmed) is exactly one plain
// address: net/mail parses it, with no display name, no angle brackets, no
// list, no header folded in ("a@b.c\nbcc: x@y"), no quoting and no spaces.
// Anything more would put other recipients on the seller's mail.
func plainEmail(s string) bool {
	if s == "" || strings.ContainsAny(s, " \t\r\n<>,;:\"()[]\\") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7F {
			return false
		}
	}
	a, err := mail.ParseAddress(s)
	return err == nil && a.Name == "" && a.Address == s && strings.Count(s, "@") == 1
}

// badEmail is the issue reason for an address that is not plainEmail.
const badEmail = "is not one plain email address (it holds a name, several addresses or other text); the row was kept without an email"

// emailAt reads an email cell lower-cased, and "" with a warning when it
// is not one plain address.
func (r *rowCtx) emailAt(c colRef) string {
	s := strings.ToLower(r.cell(c))
	if s == "" || plainEmail(s) {
		return own(s)
	}
	r.warnAt(c.f, s, badEmail)
	return ""
}
