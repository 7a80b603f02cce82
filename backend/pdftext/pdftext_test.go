package pdftext

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"golang.org/x/text/unicode/norm"
)

func TestShapeJoinsArabicLetters(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		// seen: initial, medial, final of dual-joining letters
		{"salam", "سلام", "\uFEB3\uFEFC\uFEE1"}, // seen initial, lam-alef final, meem isolated (alef does not join on)
		{"beh alone", "ب", "\uFE8F"},
		{"two behs", "بب", "\uFE91\uFE90"},
		{"three behs", "ببب", "\uFE91\uFE92\uFE90"},
		{"reh breaks the join", "بربب", "\uFE91\uFEAE\uFE91\uFE90"},
		{"lam-alef alone", "لا", "\uFEFB"},
		{"hamza never joins", "بءب", "\uFE8F\uFE80\uFE8F"},
		{"vowel marks do not break a join", "بَب", "\uFE91\u064E\uFE90"},
		// Urdu: teh-tteh initial, reh-rreh final, yeh barree final; heh goal
		{"Urdu tteh and rreh", "ٹڑ", "\uFB68\uFB8D"},
		{"Urdu heh goal", "ہہ", "\uFBA8\uFBA7"},
		{"Urdu yeh barree", "بے", "\uFE91\uFBAF"},
		{"Latin is untouched", "Ab1", "Ab1"},
	} {
		if got := string(shape([]rune(c.in))); got != c.want {
			t.Errorf("%s: shape(%q) = %U, want %U", c.name, c.in, []rune(got), []rune(c.want))
		}
	}
}

func TestVisualOrder(t *testing.T) {
	beh := func(s string) string { return string(shape([]rune(s))) }
	for _, c := range []struct{ name, in, want string }{
		{"no right-to-left text is unchanged", "Łódź Tekstil (PL) 42", "Łódź Tekstil (PL) 42"},
		{"Arabic alone is reversed", "بب", reverse(beh("بب"))},
		{"Arabic inside Latin", "to ببب now", "to " + reverse(beh("ببب")) + " now"},
		{"a number after Arabic reads left to right", "ببب 12", "12 " + reverse(beh("ببب"))},
		{"Latin inside Arabic keeps its order", "ببب ABC ب", reverse(beh("ب")) + " ABC " + reverse(beh("ببب"))},
		{"brackets mirror in right-to-left text", "ببب (ب)", "(" + beh("ب") + ") " + reverse(beh("ببب"))},
	} {
		if got := Visual(c.in); got != c.want {
			t.Errorf("%s: Visual(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

func reverse(s string) string {
	rs := []rune(s)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return string(rs)
}

// Supplier names in the scripts a seller's suppliers write in.
var names = []string{
	"Zakład Tkacki Łódź – Żółć",
	"Αθηναϊκή Εμπορική Α.Ε.",
	"Москва Опт ООО",
	"کراچی ٹریڈرز",
	"شركة النور للتجارة",
	"株式会社ヤマダ商事",
}

func TestPDFPrintsEveryScript(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils, installed by make setup) is needed to read the PDF back")
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	d := New(pdf)
	for _, n := range names {
		d.Cell(0, 8, n, "", 1, "L")
	}
	d.SetFont(true, 12)
	d.Cell(80, 8, "Total", "T", 1, "R")
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "names.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-raw", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// pdftotext gives Arabic in joined forms, each word read back right to
	// left inside embedding marks, the words in the order they stand on the
	// page: fold the forms (NFKC), drop the marks, and expect the words of a
	// right-to-left name from right to left.
	text := strings.Map(func(r rune) rune {
		if r >= '\u202A' && r <= '\u202E' {
			return -1
		}
		return r
	}, norm.NFKC.String(string(out)))
	for _, n := range names {
		want := n
		if strings.ContainsFunc(n, rightToLeft) {
			words := strings.Fields(n)
			slices.Reverse(words)
			want = strings.Join(words, " ")
		}
		if !strings.Contains(text, want) {
			t.Errorf("the PDF does not print %q; its text is:\n%s", n, text)
		}
	}
	if strings.Contains(string(out), "?") {
		t.Errorf("a character printed as '?':\n%s", out)
	}
}

func TestCellCutsTextThatDoesNotFit(t *testing.T) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	d := New(pdf)
	for _, n := range names {
		runs := d.fit(n+" "+n+" "+n, 30)
		if w := d.width(runs); w > 30 {
			t.Errorf("%q cut to %.1f mm, wider than 30", n, w)
		}
		last := runs[len(runs)-1].text
		if !strings.HasSuffix(last, "..") && !strings.HasPrefix(runs[0].text, "..") {
			t.Errorf("%q: cut without '..': %v", n, runs)
		}
	}
}

func TestParagraphWrapsWithoutSpaces(t *testing.T) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	d := New(pdf)
	long := strings.Repeat("株式会社ヤマダ商事", 20)
	lines := d.wrap(long, 100)
	if len(lines) < 3 {
		t.Fatalf("%d lines for a 180-character Japanese note at 100 mm", len(lines))
	}
	if got := strings.Join(lines, ""); got != long {
		t.Errorf("wrapping lost text: %q", got)
	}
	for _, l := range lines {
		if d.Width(l) > 100 {
			t.Errorf("line %q is %.1f mm wide", l, d.Width(l))
		}
	}
	words := d.wrap("deliver to the back door please, ring twice and wait for a minute or two", 40)
	for _, l := range words[:len(words)-1] {
		if strings.HasPrefix(l, " ") || strings.HasSuffix(l, " ") || strings.Contains(l, "  ") {
			t.Errorf("line %q not broken at a space", l)
		}
	}
}
