package pdftext

import (
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// forms are the presentation forms of one Arabic-script letter. Letters
// that join only to the letter before them (alef, dal, reh, waw, ...) have
// no initial or medial form; hamza has only its isolated one.
type forms struct{ iso, fin, ini, med rune }

var (
	letterForms = map[rune]forms{}
	// lamAlef maps the alef after a lam to the ligature the two become.
	lamAlef = map[rune]forms{}
)

const (
	tatweel = '\u0640'
	lam     = '\u0644'
)

// The tables come from Unicode itself: each presentation form decomposes
// (NFKC) to the letter it is a form of, and the blocks list a letter's forms
// together, in the order isolated, final, initial, medial. Blocks are read
// in order, so the main block (FE70-FEFF) wins where the extended one lists
// a few forms of the same letter (the Uighur alef maksura).
func init() {
	for _, block := range [][2]rune{{0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}} {
		var group []rune
		base := ""
		flush := func() {
			letters := []rune(base)
			switch {
			case len(letters) == 1 && unicode.Is(unicode.Arabic, letters[0]) && unicode.IsLetter(letters[0]):
				letterForms[letters[0]] = formsOf(group)
			case len(letters) == 2 && letters[0] == lam && len(group) == 2:
				lamAlef[letters[1]] = formsOf(group)
			}
		}
		for r := block[0]; r <= block[1]; r++ {
			d := norm.NFKC.String(string(r))
			if d != base {
				flush()
				base, group = d, group[:0]
			}
			group = append(group, r)
		}
		flush()
	}
}

func formsOf(group []rune) forms {
	var f forms
	slots := []*rune{&f.iso, &f.fin, &f.ini, &f.med}
	for i, r := range group[:min(len(group), len(slots))] {
		*slots[i] = r
	}
	return f
}

// joinsBoth: the letter connects to the letters on both sides (or is the
// tatweel, which exists to connect).
func joinsBoth(r rune) bool { return r == tatweel || letterForms[r].ini != 0 }

// joinsBefore: the letter connects to the letter before it.
func joinsBefore(r rune) bool { return r == tatweel || letterForms[r].fin != 0 }

// transparent marks (vowel signs) sit on a letter and do not break joins.
func transparent(r rune) bool { return unicode.Is(unicode.Mn, r) }

// shape replaces Arabic-script letters, in logical order, by the forms
// their neighbours call for, and lam + alef by their ligature: what an
// OpenType shaper would do, for a PDF writer that has none.
func shape(rs []rune) []rune {
	out := make([]rune, 0, len(rs))
	neighbour := func(i, step int) rune {
		for j := i + step; j >= 0 && j < len(rs); j += step {
			if !transparent(rs[j]) {
				return rs[j]
			}
		}
		return 0
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		f, ok := letterForms[r]
		if !ok {
			out = append(out, r)
			continue
		}
		afterJoin := joinsBoth(neighbour(i, -1))
		if r == lam {
			if j := i + 1; j < len(rs) {
				if lig, ok := lamAlef[rs[j]]; ok {
					out = append(out, pick(lig, afterJoin, false))
					i = j
					continue
				}
			}
		}
		out = append(out, pick(f, afterJoin, f.ini != 0 && joinsBefore(neighbour(i, 1))))
	}
	return out
}

func pick(f forms, joinPrev, joinNext bool) rune {
	switch {
	case joinPrev && joinNext && f.med != 0:
		return f.med
	case joinPrev && f.fin != 0:
		return f.fin
	case joinNext && f.ini != 0:
		return f.ini
	}
	return f.iso
}
