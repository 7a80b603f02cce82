package pdftext

import (
	"slices"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Visual returns text as it is drawn from left to right: Arabic script
// shaped into joined forms and right-to-left runs reversed, with numbers
// and Latin words inside them kept readable. It follows the Unicode
// bidirectional algorithm for one line of plain text (no explicit
// embeddings): enough for names, addresses and notes. Text with no
// right-to-left letter comes back unchanged.
func Visual(text string) string {
	rs := []rune(norm.NFC.String(text))
	if !slices.ContainsFunc(rs, rightToLeft) {
		return text
	}
	rs = shape(rs)
	levels := embeddingLevels(rs)
	top := slices.Max(levels)
	for lvl := top; lvl >= 1; lvl-- {
		for i := 0; i < len(rs); {
			if levels[i] < lvl {
				i++
				continue
			}
			j := i
			for j < len(rs) && levels[j] >= lvl {
				j++
			}
			slices.Reverse(rs[i:j])
			slices.Reverse(levels[i:j])
			i = j
		}
	}
	for i, r := range rs {
		if levels[i]%2 == 1 {
			rs[i] = mirror(r)
		}
	}
	return string(rs)
}

type class int

const (
	neutral class = iota
	ltr
	rtl
	number // digits: read left to right wherever they stand
)

func rightToLeft(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko) && !unicode.IsDigit(r)
}

func classOf(r rune) class {
	switch {
	case unicode.IsDigit(r):
		return number
	case rightToLeft(r):
		return rtl
	case unicode.IsLetter(r):
		return ltr
	}
	return neutral
}

// embeddingLevels gives each character its level: even runs left to
// right, odd right to left. The paragraph takes the direction of its first
// letter. Numbers after right-to-left letters are Arabic numbers (rules
// W2, I2), after left-to-right ones they are left to right (W7); marks take
// their base's class (W1); neutrals between two runs of one direction take
// it, else the paragraph's (N1, N2).
func embeddingLevels(rs []rune) []int {
	classes := make([]class, len(rs))
	para := ltr
	for i, r := range rs {
		c := classOf(r)
		if transparent(r) && i > 0 {
			c = classes[i-1]
		}
		classes[i] = c
	}
	if i := slices.IndexFunc(classes, func(c class) bool { return c == ltr || c == rtl }); i >= 0 {
		para = classes[i]
	}
	// strong[i] is the direction character i counts as for neutrals:
	// numbers count as right to left after Arabic, else as left to right.
	strong := make([]class, len(rs))
	last := para
	for i, c := range classes {
		switch c {
		case ltr, rtl:
			last = c
			strong[i] = c
		case number:
			strong[i] = ltr
			if last == rtl {
				strong[i] = rtl
			}
		}
	}
	levels := make([]int, len(rs))
	base := 0
	if para == rtl {
		base = 1
	}
	for i := 0; i < len(rs); i++ {
		if strong[i] == neutral {
			j := i
			for j < len(rs) && strong[j] == neutral {
				j++
			}
			before, after := para, para
			if i > 0 {
				before = strong[i-1]
			}
			if j < len(rs) {
				after = strong[j]
			}
			dir := para
			if before == after {
				dir = before
			}
			for k := i; k < j; k++ {
				levels[k] = levelOf(dir, base)
			}
			i = j - 1
			continue
		}
		levels[i] = levelOf(strong[i], base)
		if classes[i] == number && strong[i] == rtl {
			levels[i] = 2 // an Arabic number: one level above the text around it (I1, I2)
		}
	}
	return levels
}

// levelOf is the level of a resolved direction in a paragraph of level base.
func levelOf(dir class, base int) int {
	switch {
	case dir == rtl && base == 0:
		return 1
	case dir == ltr && base == 1:
		return 2
	}
	return base
}

var mirrors = map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«'}

func mirror(r rune) rune {
	if m, ok := mirrors[r]; ok {
		return m
	}
	return r
}
