// Package tracking knows parcel carriers offline: which carrier a tracking
// number belongs to (from the number alone, with the check digit the carrier
// defines), the tracking link to give the customer, and what a carrier's
// own name for itself in a file or a store means.
//
// The rules are data (data/*.tsv, each with its source), matched by a
// small shape language rather than regular expressions so that detection
// runs at millions of numbers a second. The one rule above all: never a
// wrong carrier. A number whose shape several carriers use (plain 10 or 12
// digits) takes the carrier the file or the store names, and without one
// stays "unknown carrier" with no link; a number that fits a carrier's shape
// but fails its check digit is not that carrier's.
package tracking

import "strings"

// How says where a detection's carrier came from.
type How string

const (
	HowNumber How = "number" // the number alone names it
	HowHint   How = "hint"   // the file or the store named it
	HowNone   How = ""       // unknown carrier
)

// Problem says why a number got no carrier, or what is odd about it.
type Problem string

const (
	ProblemNone Problem = ""
	// ProblemEmpty: no number at all.
	ProblemEmpty Problem = "empty"
	// ProblemFormat: no carrier writes numbers like this.
	ProblemFormat Problem = "unknown_format"
	// ProblemAmbiguous: several carriers write numbers like this and
	// nothing said which one.
	ProblemAmbiguous Problem = "ambiguous"
	// ProblemCheckDigit: the number has a carrier's shape but its check
	// digit is wrong (a typo, or a damaged cell).
	ProblemCheckDigit Problem = "check_digit"
	// ProblemHintMismatch: the file named one carrier, the number is
	// unmistakably another's; the number wins.
	ProblemHintMismatch Problem = "hint_mismatch"
)

// Detection is what Detect found.
type Detection struct {
	// Number is the normalised number (upper case, no spaces or prefixes).
	Number  string
	Carrier *Carrier // nil: unknown carrier
	How     How
	Problem Problem
	// HintName is the carrier as the file or store wrote it, kept as the
	// carrier's name when it is none Shopclerk knows ("Speedy Couriers").
	HintName string
}

// CarrierName is the carrier to show: the known carrier's name, else what
// the file said, else "".
func (d Detection) CarrierName() string {
	if d.Carrier != nil {
		return d.Carrier.Name
	}
	return d.HintName
}

// Link is the tracking link, "" for an unknown carrier.
func (d Detection) Link() string { return d.Carrier.Link(d.Number) }

// Detect finds the carrier of a tracking number. hint is the carrier the
// file or the store names ("" when none).
func Detect(raw, hint string) Detection {
	var label string
	d := Detection{}
	d.Number, label = normalize(raw)
	if strings.TrimSpace(hint) == "" {
		hint = label
	}
	var hc *Carrier
	if hint = strings.TrimSpace(hint); hint != "" {
		hc = CarrierByName(hint)
		if hc == nil {
			d.HintName = hint
		}
	}
	if d.Number == "" {
		d.Problem = ProblemFormat
		if strings.TrimSpace(raw) == "" {
			d.Problem = ProblemEmpty
		}
		return d
	}
	m := rules.match(d.Number)
	switch {
	case m.unique != nil && (hc == nil || hc == m.unique || sameFamily(hc, m.unique)):
		d.Carrier, d.How = m.unique, HowNumber
	case m.unique != nil && m.has(hc):
		// The hinted carrier writes this shape too (a USPS-delivered
		// number a label tool calls FedEx SmartPost): the file knows.
		d.Carrier, d.How = hc, HowHint
	case m.unique != nil:
		d.Carrier, d.How, d.Problem = m.unique, HowNumber, ProblemHintMismatch
	case hc != nil:
		d.Carrier, d.How = m.refine(hc), HowHint
		if m.failed.has(hc) && !m.has(hc) {
			d.Problem = ProblemCheckDigit
		}
	case m.failedUnique:
		d.Problem = ProblemCheckDigit
	case m.n > 0 || m.failed.n > 0:
		d.Problem = ProblemAmbiguous
	default:
		d.Problem = ProblemFormat
	}
	if d.Carrier != nil {
		d.HintName = ""
	}
	return d
}

// sameFamily: DHL named loosely ("DHL") and a DHL product the number names.
func sameFamily(a, b *Carrier) bool {
	return family(a.ID) == family(b.ID)
}

func family(id CarrierID) string {
	if id == "dhl" || strings.HasPrefix(string(id), "dhl_") {
		return "dhl"
	}
	return string(id)
}

// refine turns a loose hint ("DHL") into the one product of that family
// whose shape the number fits (DHL Express for 10 digits).
func (m *matches) refine(hc *Carrier) *Carrier {
	if hc.ID != "dhl" {
		return hc
	}
	var only *Carrier
	for _, c := range m.list[:m.n] {
		if family(c.ID) == "dhl" {
			if only != nil {
				return hc
			}
			only = c
		}
	}
	if only == nil {
		return hc
	}
	return only
}

// carrierSet is a handful of carriers, kept without allocating.
type carrierSet struct {
	list [8]*Carrier
	n    int
}

func (s *carrierSet) add(c *Carrier) {
	if s.has(c) || s.n == len(s.list) {
		return
	}
	s.list[s.n] = c
	s.n++
}

func (s *carrierSet) has(c *Carrier) bool {
	if c == nil {
		return false
	}
	for _, x := range s.list[:s.n] {
		if x == c || sameFamily(x, c) && (x.ID == "dhl" || c.ID == "dhl") {
			return true
		}
	}
	return false
}

// matches are the formats a number fits.
type matches struct {
	unique       *Carrier // a unique shape whose check passed
	carrierSet            // every carrier whose shape and check fit
	failed       carrierSet
	failedUnique bool // a unique shape fit but its check failed
}

func (t *tables) match(n string) matches {
	var m matches
	if len(n) > maxNumberLen {
		return m
	}
	for _, f := range t.byLen[len(n)] {
		if !f.shape.match(n) {
			continue
		}
		c := f.carrier
		if f.s10 {
			if c = t.s10Carrier(n); c == nil || !s10Service(n[0]) {
				continue
			}
		}
		if !f.check(n) {
			m.failed.add(c)
			m.failedUnique = m.failedUnique || f.unique
			continue
		}
		m.add(c)
		if f.unique && m.unique == nil {
			m.unique = c
		}
	}
	return m
}

// s10Service: service indicators J and K are reserved and never valid.
func s10Service(c byte) bool { return c != 'J' && c != 'K' }

// CarrierByName finds a carrier by how files and stores name it ("UPS",
// "Royal Mail Tracked 24", "dhl_express", "Colissimo"): exactly, else by the
// longest known name it starts with. nil when none fits.
func CarrierByName(name string) *Carrier {
	k := aliasKey(name)
	if k == "" {
		return nil
	}
	if c := rules.alias[k]; c != nil {
		return c
	}
	var best *Carrier
	bestLen := 0
	for a, c := range rules.alias {
		if len(a) > bestLen && len(a) >= 3 && strings.HasPrefix(k, a) {
			best, bestLen = c, len(a)
		}
	}
	return best
}

// ByID returns a carrier by its id, nil if unknown.
func ByID(id CarrierID) *Carrier { return rules.carriers[id] }

// Carriers lists the named carriers (not the posts known only by country).
func Carriers() []*Carrier {
	var out []*Carrier
	for _, c := range rules.order {
		if !strings.HasPrefix(string(c.ID), "post_") {
			out = append(out, c)
		}
	}
	return out
}
