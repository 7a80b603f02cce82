// Package pdftext writes Unicode text into fpdf documents. The PDF library
// draws glyphs one by one from one font, with no fallback and no shaping,
// so this package picks an embedded font for each character (Latin, Greek
// and Cyrillic in DejaVu Sans, Arabic script in Amiri, Japanese in VL
// Gothic), shapes Arabic into its joined forms and puts right-to-left runs
// in visual order. A supplier called Łódź Tekstil, Αθηνά, Москва Опт,
// کراچی ٹریڈرز or 株式会社ヤマダ prints as written.
package pdftext

import (
	"strings"
	"sync"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"

	"shopclerk/assets"
)

type face int

const (
	sans face = iota
	arabic
	japanese
)

var faces = [...]struct{ family, regular, bold string }{
	sans:     {"sc-sans", "fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf"},
	arabic:   {"sc-arabic", "fonts/Amiri-Regular.ttf", ""},
	japanese: {"sc-japanese", "fonts/VL-Gothic-Regular.ttf", ""},
}

// fonts holds the embedded font files and their character maps, read once.
var fonts = sync.OnceValue(func() (f struct {
	data [len(faces)][]byte
	cmap [len(faces)]*sfnt.Font
}) {
	for i, fc := range faces {
		b, err := assets.Fonts.ReadFile(fc.regular)
		if err != nil {
			panic("pdftext: embedded font missing: " + err.Error()) // a build without assets is broken
		}
		f.data[i] = b
		if f.cmap[i], err = sfnt.Parse(b); err != nil {
			panic("pdftext: embedded font unreadable: " + err.Error())
		}
	}
	return f
})

// faceFor picks the font that draws r: Amiri for Arabic script, else DejaVu
// Sans where it has the glyph, else VL Gothic where it has it.
func faceFor(r rune, buf *sfnt.Buffer) face {
	if rightToLeft(r) {
		return arabic
	}
	f := fonts()
	if i, err := f.cmap[sans].GlyphIndex(buf, r); err == nil && i != 0 {
		return sans
	}
	if i, err := f.cmap[japanese].GlyphIndex(buf, r); err == nil && i != 0 {
		return japanese
	}
	return sans
}

// run is a piece of visual text drawn in one font.
type run struct {
	text string
	face face
}

func layout(text string) []run {
	var out []run
	var buf sfnt.Buffer
	var b strings.Builder
	cur := face(-1)
	for _, r := range Visual(text) {
		f := faceFor(r, &buf)
		if f != cur && b.Len() > 0 {
			out = append(out, run{b.String(), cur})
			b.Reset()
		}
		cur = f
		b.WriteRune(r)
	}
	if b.Len() > 0 {
		out = append(out, run{b.String(), cur})
	}
	return out
}

// Doc writes text into one fpdf document.
type Doc struct {
	pdf   *fpdf.Fpdf
	added [len(faces)]bool
	bold  bool
	size  float64
}

// New readies pdf for Unicode text; fonts are added to it on first use, so
// a PDF carries only the fonts (and, as fpdf subsets them, the glyphs) its
// text needs.
func New(pdf *fpdf.Fpdf) *Doc {
	d := &Doc{pdf: pdf, size: 10}
	d.use(sans)
	return d
}

// SetFont sets the weight and size (points) of the text that follows.
// Bold exists for Latin, Greek and Cyrillic; other scripts print regular.
func (d *Doc) SetFont(bold bool, size float64) {
	d.bold, d.size = bold, size
	d.use(sans)
}

func (d *Doc) use(f face) {
	fc := faces[f]
	if !d.added[f] {
		d.pdf.AddUTF8FontFromBytes(fc.family, "", fonts().data[f])
		if fc.bold != "" {
			b, _ := assets.Fonts.ReadFile(fc.bold)
			d.pdf.AddUTF8FontFromBytes(fc.family, "B", b)
		}
		d.added[f] = true
	}
	style := ""
	if d.bold && fc.bold != "" {
		style = "B"
	}
	d.pdf.SetFont(fc.family, style, d.size)
}

// Width is how wide text prints in the current font, in the page's unit.
func (d *Doc) Width(text string) float64 {
	return d.width(layout(text))
}

func (d *Doc) width(runs []run) float64 {
	w := 0.0
	for _, r := range runs {
		d.use(r.face)
		w += d.pdf.GetStringWidth(r.text)
	}
	d.use(sans)
	return w
}

// Cell draws text in a cell like fpdf's CellFormat (w 0: to the right
// margin; ln 0: to the right, 1: next line, 2: below), shortened with ".."
// when it does not fit.
func (d *Doc) Cell(w, h float64, text, border string, ln int, align string) {
	pdf := d.pdf
	if w == 0 {
		pw, _ := pdf.GetPageSize()
		_, _, right, _ := pdf.GetMargins()
		w = pw - right - pdf.GetX()
	}
	margin := pdf.GetCellMargin()
	runs := d.fit(text, w-2*margin)
	// The frame first: if it breaks the page, the text follows it there.
	pdf.CellFormat(w, h, "", border, 0, "", false, 0, "")
	x0, y0 := pdf.GetX()-w, pdf.GetY()
	x := x0 + margin
	switch align {
	case "R":
		x = x0 + w - margin - d.width(runs)
	case "C":
		x = x0 + (w-d.width(runs))/2
	}
	pdf.SetCellMargin(0)
	pdf.SetXY(x, y0)
	for _, r := range runs {
		d.use(r.face)
		pdf.CellFormat(pdf.GetStringWidth(r.text), h, r.text, "", 0, "L", false, 0, "")
	}
	d.use(sans)
	pdf.SetCellMargin(margin)
	switch ln {
	case 1:
		left, _, _, _ := pdf.GetMargins()
		pdf.SetXY(left, y0+h)
	case 2:
		pdf.SetXY(x0, y0+h)
	default:
		pdf.SetXY(x0+w, y0)
	}
}

// fit lays out text, cut at its logical end with ".." until it fits in w.
func (d *Doc) fit(text string, w float64) []run {
	runs := layout(text)
	if d.width(runs) <= w {
		return runs
	}
	rs := []rune(text)
	for len(rs) > 0 {
		rs = rs[:len(rs)-1]
		if runs = layout(strings.TrimSpace(string(rs)) + ".."); d.width(runs) <= w {
			return runs
		}
	}
	return layout("..")
}

// Paragraph writes text over as many lines of height h as it needs, full
// width, from the left margin: lines break at spaces where there are any
// (Japanese has none: it breaks anywhere) and at each newline.
func (d *Doc) Paragraph(h float64, text string) {
	pw, _ := d.pdf.GetPageSize()
	left, _, right, _ := d.pdf.GetMargins()
	w := pw - left - right - 2*d.pdf.GetCellMargin()
	for _, line := range strings.Split(text, "\n") {
		for _, l := range d.wrap(line, w) {
			d.pdf.SetX(left)
			d.Cell(0, h, l, "", 1, "L")
		}
	}
}

// wrap splits one line of logical text into lines that fit in w.
func (d *Doc) wrap(line string, w float64) []string {
	rs := []rune(line)
	var out []string
	for len(rs) > 0 && d.Width(string(rs)) > w {
		end := 1
		for end < len(rs) && d.Width(string(rs[:end+1])) <= w {
			end++
		}
		if sp := strings.LastIndexByte(string(rs[:end]), ' '); sp > 0 && end < len(rs) {
			end = len([]rune(string(rs[:end])[:sp]))
		}
		out = append(out, strings.TrimSpace(string(rs[:end])))
		rs = []rune(strings.TrimLeft(string(rs[end:]), " "))
	}
	return append(out, string(rs))
}
