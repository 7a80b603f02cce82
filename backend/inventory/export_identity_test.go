package inventory

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
)

// A purchase order names who orders and where the goods go: the shop's
// name, address, contact and VAT number from Settings > Shop, and its
// delivery address (the shop's address when it has none of its own), in the
// PDF and the spreadsheet alike; the PDF carries the logo. Before, both
// printed the shop's name alone.
func TestPurchaseOrderShowsTheShopAndWhereToDeliver(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, testNow)
	seedShop(t, st, "orders@potter.test")
	id := domain.ShopIdentity{Name: "Clay Shop", LegalName: "Clay Shop GmbH", Address: "Hauptstr. 1\n10115 Berlin\nGermany",
		DeliveryAddress: "Lager Süd, Tor 3\nIndustriestr. 9\n12345 Teltow", Email: "hello@clayshop.test", Phone: "+49 30 123456",
		VATNumber: "DE123456789", Currency: "EUR", TimeZone: "Europe/Berlin"}
	if _, err := st.SetShop(ctx, id); err != nil {
		t.Fatal(err)
	}
	logo := image.NewRGBA(image.Rect(0, 0, 90, 30))
	for x := 0; x < 90; x++ {
		for y := 0; y < 30; y++ {
			logo.Set(x, y, color.RGBA{R: 200, A: 255})
		}
	}
	var logoPNG bytes.Buffer
	png.Encode(&logoPNG, logo)
	if _, err := st.SetShopLogo(ctx, logoPNG.Bytes()); err != nil {
		t.Fatal(err)
	}
	svc := New(st, clock.Fixed{T: testNow}, nil)
	drafts, err := svc.ReorderNow(ctx, false)
	if err != nil || len(drafts) != 1 {
		t.Fatalf("reorder: %+v %v", drafts, err)
	}
	doc, err := svc.Document(ctx, drafts[0].PO.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Clay Shop GmbH (Clay Shop)", "Hauptstr. 1", "10115 Berlin", "hello@clayshop.test · +49 30 123456", "VAT no. DE123456789",
		"Deliver to", "Lager Süd, Tor 3", "Industriestr. 9", "12345 Teltow", "Potter & Co"}

	data, err := doc.Render(FormatXLSX)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Purchase order")
	var cells []string
	for _, r := range rows {
		cells = append(cells, strings.Join(r, "|"))
	}
	sheet := strings.Join(cells, "\n")
	for _, w := range append(want, "From|Clay Shop GmbH (Clay Shop)", "Deliver to|Clay Shop") {
		if !strings.Contains(sheet, w) {
			t.Errorf("the spreadsheet lacks %q:\n%s", w, sheet)
		}
	}

	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils, installed by make setup) is needed to read the PDF back")
	}
	pdf, err := doc.Render(FormatPDF)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "po.pdf")
	os.WriteFile(path, pdf, 0o600)
	out, err := exec.Command(bin, "-raw", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		if !strings.Contains(string(out), w) {
			t.Errorf("the PDF lacks %q:\n%s", w, out)
		}
	}
	if imgs, err := exec.Command("pdfimages", "-list", path).Output(); err == nil && !bytes.Contains(imgs, []byte("   90    30 ")) {
		t.Errorf("the PDF has no 90 × 30 logo:\n%s", imgs)
	}

	// Without a delivery address of its own, the goods go to the shop's address.
	id.DeliveryAddress = ""
	if _, err := st.SetShop(ctx, id); err != nil {
		t.Fatal(err)
	}
	doc, _ = svc.Document(ctx, drafts[0].PO.ID)
	head := doc.head("Email")
	var deliver []string
	for i, kv := range head {
		if kv[0] == "Deliver to" {
			for _, r := range head[i:] {
				if r[0] != "" && r[0] != "Deliver to" {
					break
				}
				deliver = append(deliver, r[1])
			}
		}
	}
	if strings.Join(deliver, "/") != "Clay Shop/Hauptstr. 1/10115 Berlin/Germany" {
		t.Errorf("delivery defaults to the shop's address: %q", deliver)
	}
}
