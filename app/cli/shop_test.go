package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/storetest"
)

// shopCLI runs `shopclerk shop ARGS --db db --json` and returns the exit
// code and what it printed.
func shopCLI(t *testing.T, db string, args ...string) (int, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := RunCommand(context.Background(), "shop", append(args, "--db", db, "--json"), &out, &errOut)
	return code, out.String() + errOut.String()
}

func TestCLIShop(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.db")
	if code, out := shopCLI(t, db, "show"); code != 0 || !strings.Contains(out, `"name": ""`) {
		t.Fatalf("a new shop shows no identity: %d %s", code, out)
	}
	code, out := shopCLI(t, db, "set", "--name", "Clay & Co", "--currency", "eur", "--time-zone", "Europe/Berlin",
		"--website", "clay.test", "--address", `Hauptstr. 1\n10115 Berlin`, "--email", "hello@clay.test")
	var id domain.ShopIdentity
	if code != 0 || json.Unmarshal([]byte(out), &id) != nil {
		t.Fatalf("set: %d %s", code, out)
	}
	want := domain.ShopIdentity{Name: "Clay & Co", Currency: "EUR", TimeZone: "Europe/Berlin", Website: "https://clay.test",
		Address: "Hauptstr. 1\n10115 Berlin", Email: "hello@clay.test"}
	if id != want {
		t.Fatalf("saved %+v\nwant  %+v", id, want)
	}
	// A second set changes only what it names.
	code, out = shopCLI(t, db, "set", "--phone", "+49 30 1234")
	want.Phone = "+49 30 1234"
	if id = (domain.ShopIdentity{}); code != 0 || json.Unmarshal([]byte(out), &id) != nil || id != want {
		t.Fatalf("set phone: %d %s", code, out)
	}
	// Every bad field named by its flag; nothing saved.
	code, out = shopCLI(t, db, "set", "--name", "Other", "--currency", "EURO", "--time-zone", "Mars/Olympus", "--website", "ftp://x.test")
	if code == 0 || !strings.Contains(out, `"code":"invalid"`) {
		t.Fatalf("bad fields accepted: %d %s", code, out)
	}
	for _, w := range []string{"--currency: \\\"EURO\\\" is not an ISO 4217", "--time-zone:", "--website:"} {
		if !strings.Contains(out, w) {
			t.Errorf("the error lacks %s: %s", w, out)
		}
	}
	if _, out = shopCLI(t, db, "show"); !strings.Contains(out, `"name": "Clay & Co"`) {
		t.Fatalf("a refused set changed the shop: %s", out)
	}
	// The logo is read from a file into the shop file.
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 40, 20)))
	logo := filepath.Join(dir, "logo.png")
	os.WriteFile(logo, b.Bytes(), 0o644)
	if code, out = shopCLI(t, db, "set", "--logo", logo); code != 0 || !strings.Contains(out, `"logo": "image/png"`) {
		t.Fatalf("logo: %d %s", code, out)
	}
	os.WriteFile(logo, []byte("not a picture"), 0o644)
	if code, out = shopCLI(t, db, "set", "--logo", logo); code == 0 || !strings.Contains(out, "PNG, JPEG or SVG") {
		t.Fatalf("a text file as logo: %d %s", code, out)
	}
	if code, out = shopCLI(t, db, "set", "--no-logo"); code != 0 || !strings.Contains(out, `"logo": ""`) {
		t.Fatalf("no logo: %d %s", code, out)
	}
	for _, args := range [][]string{{}, {"sell"}, {"set"}, {"set", "stray"}, {"show", "x"}} {
		if code, out := shopCLI(t, db, args...); code == 0 {
			t.Errorf("shop %q: exit 0: %s", args, out)
		}
	}
	var text bytes.Buffer
	RunCommand(context.Background(), "shop", []string{"show", "--db", db}, &text, &text)
	if !strings.Contains(text.String(), "address           Hauptstr. 1, 10115 Berlin") {
		t.Errorf("human text:\n%s", text.String())
	}
}

// A products export names no currency: its prices are in the shop's, not
// in USD (they were, silently, whatever the shop sold in).
func TestImportReadsPricesInTheShopsCurrency(t *testing.T) {
	db := filepath.Join(t.TempDir(), "shop.db")
	if code, out := shopCLI(t, db, "set", "--name", "Clay", "--currency", "GBP", "--time-zone", "Europe/London"); code != 0 {
		t.Fatal(out)
	}
	var out, errOut bytes.Buffer
	products := "../../testdata/real/shopify/products_export_2023-12_56col_markets_demo.csv"
	if code := RunCommand(context.Background(), "import", []string{"--db", db, "--json", products}, &out, &errOut); code != 0 {
		t.Fatalf("import: %s %s", out.String(), errOut.String())
	}
	st := storetest.Open(t, storetest.Path(db))
	rows, err := st.SQL().Query(`SELECT DISTINCT currency FROM products`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var c string
		rows.Scan(&c)
		got = append(got, c)
	}
	if strings.Join(got, ",") != "GBP" {
		t.Fatalf("product currencies %q, want GBP", got)
	}
}
