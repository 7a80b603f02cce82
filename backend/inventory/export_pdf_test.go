package inventory

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"shopclerk/backend/domain"
)

// Suppliers write in many scripts; the PDF used to print anything outside
// Windows-1252 as "?" (issue 14, item 16).
func TestPurchaseOrderPDFPrintsEverySupplierScript(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils, installed by make setup) is needed to read the PDF back")
	}
	for _, c := range []struct{ script, supplier, item, note string }{
		{"Polish", "Zakład Tkacki Łódź", "Szalik wełniany żółty", "Dostawa do środy, proszę."},
		{"Greek", "Αθηναϊκή Εμπορική Α.Ε.", "Κεραμική κούπα", "Παράδοση έως την Τετάρτη."},
		{"Cyrillic", "Москва Опт ООО", "Кружка керамическая", "Доставка до среды."},
		{"Urdu", "کراچی ٹریڈرز", "مٹی کا کپ", "بدھ تک ڈلیوری"},
		{"Arabic", "شركة النور للتجارة", "كوب خزفي", "التسليم يوم الأربعاء"},
		{"Japanese", "株式会社ヤマダ商事", "陶器のマグカップ", "水曜日までに納品してください。"},
	} {
		t.Run(c.script, func(t *testing.T) {
			doc := Document{
				PO: domain.PurchaseOrder{Number: "PO-000042", Currency: "EUR", Total: 4200, Note: c.note,
					Lines: []domain.PurchaseOrderLine{{SKU: "MUG-1", Title: c.item, Quantity: 12, UnitCost: 350}}},
				Supplier: domain.Supplier{Name: c.supplier, Email: "orders@example.com"},
				Shop:     domain.ShopIdentity{Name: "Clay Shop"},
				Date:     testNow,
			}
			data, err := doc.PDF()
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "po.pdf")
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(bin, "-raw", path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			// Arabic script comes back in joined forms (NFKC folds them)
			// and words in page order, so compare word by word.
			text := norm.NFKC.String(string(out))
			for _, s := range []string{c.supplier, c.item, c.note} {
				for _, w := range strings.Fields(s) {
					if !strings.Contains(text, w) {
						t.Errorf("the PDF lacks %q (of %q); its text:\n%s", w, s, text)
					}
				}
			}
			if strings.Contains(string(out), "?") {
				t.Errorf("a character printed as '?':\n%s", out)
			}
		})
	}
}
