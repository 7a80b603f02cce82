package tracking

import "strings"

// Normalize turns a tracking number as people and sheets write it into the
// form carriers print under the barcode: upper case, without spaces,
// dashes, dots or a leading carrier name ("USPS: 9400 1000 ..."), and
// without the ZIP routing prefix (420 + ZIP) USPS barcodes scan with. It
// returns "" for text that is not a tracking number at all (longer than any
// carrier's, or with characters none writes).
func Normalize(raw string) string {
	n, _ := normalize(raw)
	return n
}

// normalize is Normalize that also returns the carrier name stripped from
// the front ("DHL" of "DHL 1234567890"), which Detect takes as the hint.
func normalize(raw string) (string, string) {
	if isNormal(raw) {
		return stripRouting(raw), ""
	}
	s, label := stripLabel(strings.TrimSpace(raw))
	var buf [maxNumberLen]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == ' ' || c == '-' || c == '.' || c == '\t' || c == '_' || c == '/':
			continue
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0: // no-break space
			i++
			continue
		default:
			return "", label
		}
		if n == len(buf) {
			return "", label
		}
		buf[n] = c
		n++
	}
	return stripRouting(string(buf[:n])), label
}

// isNormal: already upper-case letters and digits (most numbers are), so
// Normalize needs no copy.
func isNormal(s string) bool {
	if s == "" || len(s) > maxNumberLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// labelPrefixes are words people put before a number; they go when a
// separator (space, colon, #) follows them.
var labelPrefixes = []string{"tracking number", "tracking no", "tracking", "track", "sendungsnummer", "usps", "ups", "fedex", "dhl", "royal mail", "evri", "dpd", "gls", "no"}

// labelCarriers are the label prefixes that name a carrier.
var labelCarriers = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range labelPrefixes {
		m[p] = CarrierByName(p) != nil
	}
	return m
}()

func stripLabel(s string) (string, string) {
	label := ""
	for again := true; again; {
		again = false
		if s == "" || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
			break
		}
		for _, p := range labelPrefixes {
			if len(s) <= len(p) || !strings.EqualFold(s[:len(p)], p) {
				continue
			}
			if c := s[len(p)]; c == ' ' || c == ':' || c == '#' || c == '-' || c == '.' {
				s = strings.TrimLeft(s[len(p):], " :#-.\t")
				if labelCarriers[p] {
					label = p
				}
				again = true
				break
			}
		}
	}
	return s, label
}

// stripRouting removes USPS's 420 + ZIP (5 or 9 digits) routing prefix from
// a scanned IMpb barcode, when what follows is an IMpb number.
func stripRouting(n string) string {
	if len(n) < 28 || !strings.HasPrefix(n, "420") {
		return n
	}
	for _, zip := range [2]int{5, 9} {
		rest := n[3+zip:]
		if len(rest) >= 20 && len(rest) <= 22 && rest[0] == '9' && rest[1] >= '1' && rest[1] <= '5' && allDigits(rest) && checkMod10Weights31(rest) {
			return rest
		}
	}
	return n
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
