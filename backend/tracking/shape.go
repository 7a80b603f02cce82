package tracking

import (
	"fmt"
	"strconv"
)

// A shape is data/formats.tsv's small pattern language compiled: a run of
// segments, each a set of characters repeated min to max times. It is not
// a regular expression on purpose: detection runs millions of times per
// second over a table, and a shape is matched with a few comparisons.

type charSet uint64 // bit i: the i-th of 0-9A-Z

type segment struct {
	set      charSet
	min, max int
}

type shape struct {
	segs           []segment
	minLen, maxLen int
}

func bitOf(c byte) (charSet, bool) {
	switch {
	case c >= '0' && c <= '9':
		return 1 << (c - '0'), true
	case c >= 'A' && c <= 'Z':
		return 1 << (c - 'A' + 10), true
	}
	return 0, false
}

const (
	digits  charSet = 1<<10 - 1
	letters charSet = (1<<36 - 1) &^ digits
)

// compileShape reads one shape: # digit, @ letter, * either, [..] a set,
// {n} or {n,m} a repeat, any other character itself.
func compileShape(src string) (shape, error) {
	var sh shape
	for i := 0; i < len(src); {
		var set charSet
		switch c := src[i]; c {
		case '#':
			set, i = digits, i+1
		case '@':
			set, i = letters, i+1
		case '*':
			set, i = digits|letters, i+1
		case '[':
			j := i + 1
			for ; j < len(src) && src[j] != ']'; j++ {
				if j+2 < len(src) && src[j+1] == '-' && src[j+2] != ']' {
					for x := src[j]; x <= src[j+2]; x++ {
						b, ok := bitOf(x)
						if !ok {
							return sh, fmt.Errorf("shape %q: %q is not a letter or digit", src, x)
						}
						set |= b
					}
					j += 2
					continue
				}
				b, ok := bitOf(src[j])
				if !ok {
					return sh, fmt.Errorf("shape %q: %q is not a letter or digit", src, src[j])
				}
				set |= b
			}
			if j == len(src) {
				return sh, fmt.Errorf("shape %q: [ without ]", src)
			}
			i = j + 1
		default:
			b, ok := bitOf(c)
			if !ok {
				return sh, fmt.Errorf("shape %q: %q is not a letter or digit", src, c)
			}
			set, i = b, i+1
		}
		seg := segment{set: set, min: 1, max: 1}
		if i < len(src) && src[i] == '{' {
			j := i + 1
			for j < len(src) && src[j] != '}' {
				j++
			}
			if j == len(src) {
				return sh, fmt.Errorf("shape %q: { without }", src)
			}
			lo, hi, found := cut(src[i+1:j], ",")
			var err error
			if seg.min, err = strconv.Atoi(lo); err != nil {
				return sh, fmt.Errorf("shape %q: %w", src, err)
			}
			seg.max = seg.min
			if found {
				if seg.max, err = strconv.Atoi(hi); err != nil || seg.max < seg.min {
					return sh, fmt.Errorf("shape %q: bad repeat {%s}", src, src[i+1:j])
				}
			}
			i = j + 1
		}
		sh.segs = append(sh.segs, seg)
		sh.minLen += seg.min
		sh.maxLen += seg.max
	}
	return sh, nil
}

func cut(s, sep string) (string, string, bool) {
	for i := 0; i+len(sep) <= len(s); i++ {
		if s[i:i+len(sep)] == sep {
			return s[:i], s[i+len(sep):], true
		}
	}
	return s, "", false
}

// match reports whether n (upper case letters and digits) fits the shape.
func (sh *shape) match(n string) bool {
	if len(n) < sh.minLen || len(n) > sh.maxLen {
		return false
	}
	return matchSegs(sh.segs, n)
}

func matchSegs(segs []segment, n string) bool {
	if len(segs) == 0 {
		return n == ""
	}
	s := segs[0]
	k := 0
	for k < s.max && k < len(n) {
		b, ok := bitOf(n[k])
		if !ok || s.set&b == 0 {
			break
		}
		k++
	}
	if k < s.min {
		return false
	}
	if s.min == s.max {
		return matchSegs(segs[1:], n[k:])
	}
	// A repeat range: try the longest run first (shapes have at most one or
	// two, so this stays a handful of steps).
	for ; k >= s.min; k-- {
		if matchSegs(segs[1:], n[k:]) {
			return true
		}
	}
	return false
}
