package coupons

import (
	"crypto/rand"
	"fmt"
	"math"
	"strings"

	"shopclerk/backend/domain"
)

// Alphabet leaves out 0/O and 1/I/L, which customers mistype.
const Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// DefaultPattern is the code shape when a flow sets none: SC-7KQ2-MX9P.
const DefaultPattern = "SC-XXXX-XXXX"

// MinCodes is the fewest codes a pattern must be able to make: below it
// codes are guessable and run out (31^4 = 923,521 passes, 31^3 does not).
const MinCodes = 100_000

// freeShare: a pattern is used while at most one code in ten it can make is
// taken, so a random draw clashes rarely (five clashes in a row: 1 in
// 100,000) and the codes stay hard to guess.
const freeShare = 10

// Pattern is a code shape: each X is a random character of Alphabet, any
// other letter, digit or dash is kept as is.
type Pattern string

// Slots is the number of random characters.
func (p Pattern) Slots() int { return strings.Count(string(p), "X") }

// Capacity is how many different codes the pattern can make.
func (p Pattern) Capacity() float64 { return math.Pow(float64(len(Alphabet)), float64(p.Slots())) }

// Valid refuses a pattern that cannot yield enough unique codes, or holds
// characters a checkout would not take.
func (p Pattern) Valid() error {
	if p == "" {
		return nil
	}
	for _, r := range string(p) {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return domain.Errorf(domain.CodeInvalid, "The coupon pattern %q may hold capital letters, digits and dashes, with X for each random character; %q is not one of them.", string(p), string(r))
		}
	}
	if c := p.Capacity(); c < MinCodes {
		return domain.Errorf(domain.CodeInvalid, "The coupon pattern %q can make only %s different codes, too few to stay unique and hard to guess (Shopclerk needs at least %s): add X's (each one multiplies the codes by %d).",
			string(p), count(c), count(MinCodes), len(Alphabet))
	}
	return nil
}

// Enough refuses to issue need more codes of the pattern when taken are
// already issued and the rest would fill more than a tenth of what it can
// make; the message says how many it can make and how many are wanted.
func (p Pattern) Enough(need, taken int) error {
	if err := p.Valid(); err != nil {
		return err
	}
	pp := p.orDefault()
	if c := pp.Capacity(); float64(need+taken)*freeShare > c {
		return domain.Errorf(domain.CodeInvalid, "The coupon pattern %q can make %s different codes; %s are issued and %s more are needed, more than one in %d of them, so codes would clash and be easy to guess: add X's to the pattern.",
			string(pp), count(c), count(float64(taken)), count(float64(need)), freeShare)
	}
	return nil
}

func (p Pattern) orDefault() Pattern {
	if p == "" {
		return DefaultPattern
	}
	return p
}

// Generator returns a function making random codes of the pattern from
// crypto/rand.
func (p Pattern) Generator() func() (string, error) {
	pat := []byte(p.orDefault())
	return func() (string, error) {
		b := make([]byte, len(pat))
		if _, err := rand.Read(b); err != nil {
			return "", err
		}
		out := make([]byte, len(pat))
		for i, c := range pat {
			if c == 'X' {
				// 256 is not a multiple of 31; the bias is below 1 % and a
				// coupon code needs uniqueness, not perfect uniformity.
				c = Alphabet[int(b[i])%len(Alphabet)]
			}
			out[i] = c
		}
		return string(out), nil
	}
}

// count writes a whole number with thousands separators.
func count(f float64) string {
	if f > 1e15 {
		return fmt.Sprintf("%.0e", f)
	}
	s := fmt.Sprintf("%.0f", f)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
