package importer

import (
	"context"
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/importdb"
)

// The 2023 products and inventory exports come from the same shop, and none
// of its variants has a SKU.
const (
	demoProducts  = "shopify/products_export_2023-12_56col_markets_demo.csv"
	demoInventory = "shopify/inventory_export_2023-12_17col.csv"
)

func realSpec(rel string) FileSpec { return FileSpec{Path: realDir + "/" + rel} }

func tables(t *testing.T, st *importdb.DB) map[string]int {
	t.Helper()
	n, err := st.RowCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func stockRows(t *testing.T, st *importdb.DB, search string) []domain.StockRow {
	t.Helper()
	page, err := st.ListStock(context.Background(), domain.PageRequest{Limit: 1000, Search: search})
	if err != nil {
		t.Fatal(err)
	}
	return page.Rows
}

func generatedNames(t *testing.T, st *importdb.DB) map[string]string {
	t.Helper()
	m, err := st.GeneratedSKUNames(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// skuWarnings are the file's "no SKU" warnings: one per file, never per row.
func skuWarnings(fr FileResult) []Issue {
	var out []Issue
	for _, w := range fr.Warnings {
		if strings.Contains(w.Reason, "no SKU in") {
			out = append(out, w)
		}
	}
	return out
}

// TestSKULessProductsAndInventory: the products export and the inventory
// export of one shop reach the same product for each SKU-less variant, in
// either order, and importing both again changes nothing.
func TestSKULessProductsAndInventory(t *testing.T) {
	for name, order := range map[string][2]string{"products first": {demoProducts, demoInventory}, "inventory first": {demoInventory, demoProducts}} {
		t.Run(name, func(t *testing.T) {
			st := openStore(t)
			for _, rel := range order {
				fr := importOne(t, st, realSpec(rel))
				if fr.Error != "" || fr.Counts.Rejected != 0 {
					t.Fatalf("%s: %+v", rel, fr)
				}
				if w := skuWarnings(fr); len(w) != 1 || !strings.HasPrefix(w[0].Value, "~") {
					t.Errorf("%s: want one warning about SKU-less variants, got %+v", rel, w)
				}
			}
			// 95 variants in the products file, 67 of them in the inventory file.
			n := tables(t, st)
			if n["products"] != 95 || n["stock_levels"] != 67 {
				t.Errorf("products %d, stock levels %d: want 95 and 67 (one product per variant)", n["products"], n["stock_levels"])
			}
			rows := stockRows(t, st, "~puff-large/")
			if len(rows) != 3 || rows[0].SKU != "~puff-large/Chocolate" || rows[0].Available != 200 || rows[0].Location != "Shop location" {
				t.Errorf("puff-large stock: %+v", rows)
			}
			names := generatedNames(t, st)
			if len(names) != 95 || names["Puff Large - Latte"] != "~puff-large/Latte" {
				t.Errorf("%d generated names; Puff Large - Latte -> %q", len(names), names["Puff Large - Latte"])
			}
			for _, rel := range order {
				again := importOne(t, st, realSpec(rel))
				if again.Counts.Created != 0 || again.Counts.Updated != 0 || again.Counts.Unchanged == 0 {
					t.Errorf("%s imported again: %+v, want everything unchanged", rel, again.Counts)
				}
			}
			if m := tables(t, st); m["products"] != 95 || m["stock_levels"] != 67 {
				t.Errorf("after re-import: %v", m)
			}
		})
	}
}

const shopifyProductsHeader = "Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Price,Status\n"

// TestSKULessKeys: the key of a SKU-less variant, and keys that must not
// meet: a real SKU that reads like a key without its "~" is another product,
// and a real SKU that is exactly a generated key is refused, whichever came
// first, instead of merging two products.
func TestSKULessKeys(t *testing.T) {
	st := openStore(t)
	csv := shopifyProductsHeader +
		"linen-apron,Linen Apron,Colour,Blue,Size,M,,24.00,active\n" +
		"linen-apron,,,Blue,,L,,24.00,active\n" +
		"linen-apron,,,Blue / Green,,L,,24.00,active\n" + // a slash inside a value stays apart from the next level
		"tea-towel,Tea Towel,Title,Default Title,,,,9.00,active\n" +
		"lookalike,Look-alike,Title,Default Title,,,linen-apron/Blue/M,5.00,active\n" +
		"tilde,Tilde,Title,Default Title,,,~real-sku,5.00,active\n" +
		",,,,,,,,\n" + // nothing at all: a blank row
		"image-only,,,,,,,,\n"
	fr := importOne(t, st, FileSpec{Path: writeTemp(t, "products_export.csv", []byte(csv))})
	if fr.Error != "" || fr.Counts.Rejected != 0 || fr.Counts.Created != 6 {
		t.Fatalf("first file: %+v", fr)
	}
	w := skuWarnings(fr)
	if len(w) != 1 || w[0].Row != 2 || w[0].Column != "Variant SKU" || !strings.HasPrefix(w[0].Reason, "4 variants have no SKU in your store") {
		t.Errorf("warning: %+v", w)
	}
	want := map[string]string{
		"Linen Apron - Blue / M": "~linen-apron/Blue/M", "Linen Apron - Blue / L": "~linen-apron/Blue/L",
		"Linen Apron - Blue / Green / L": "~linen-apron/Blue %2F Green/L", "Tea Towel": "~tea-towel",
	}
	if got := generatedNames(t, st); jsonOf(t, got) != jsonOf(t, want) {
		t.Errorf("generated keys (the real ~real-sku is not one):\n%s\nwant\n%s", jsonOf(t, got), jsonOf(t, want))
	}

	// A real SKU equal to a stored generated key, and a SKU-less variant
	// whose key is a stored real SKU: both refused, nothing merged.
	clash := shopifyProductsHeader +
		"apron-copy,Apron copy,Title,Default Title,,,~tea-towel,30.00,active\n" +
		"real-sku,Real,Title,Default Title,,,,1.00,active\n" +
		"fine,Fine,Title,Default Title,,,FINE-1,1.00,active\n"
	fr = importOne(t, st, FileSpec{Path: writeTemp(t, "products_export (1).csv", []byte(clash))})
	if fr.Error != "" || fr.Counts.Created != 1 || fr.Counts.Rejected != 2 || len(fr.Rejected) != 2 {
		t.Fatalf("clashing file: %+v", fr)
	}
	if r := fr.Rejected[0]; r.Row != 2 || r.Value != "~tea-towel" || !strings.Contains(r.Reason, "rename this SKU in your store") {
		t.Errorf("real SKU equal to a generated key: %+v", r)
	}
	if r := fr.Rejected[1]; r.Row != 3 || r.Value != "~real-sku" || !strings.Contains(r.Reason, "give this variant a SKU in your store") {
		t.Errorf("generated key equal to a real SKU: %+v", r)
	}
	if got := generatedNames(t, st); got["Tea Towel"] != "~tea-towel" || got["Real"] != "" {
		t.Errorf("after the clashes: %v", got)
	}
	if n := tables(t, st); n["products"] != 7 {
		t.Errorf("products %d, want 7", n["products"])
	}

	// Inventory rows clash the same way, and their stock is not written.
	inv := "Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,SKU,HS Code,COO,Location,Incoming,Unavailable,Committed,Available,On hand\n" +
		"real-sku,Real,Title,Default Title,,,,,,,,Shop,0,0,0,4,4\n" +
		"x,X,Title,Default Title,,,,,~tea-towel,,,Shop,0,0,0,5,5\n" +
		"linen-apron,Linen Apron,Colour,Blue,Size,M,,,\"\",,,Shop,0,0,0,7,7\n"
	fr = importOne(t, st, FileSpec{Path: writeTemp(t, "inventory_export.csv", []byte(inv))})
	if fr.Error != "" || fr.Counts.Created != 1 || fr.Counts.Rejected != 2 {
		t.Fatalf("inventory: %+v", fr)
	}
	if rows := stockRows(t, st, ""); len(rows) != 1 || rows[0].SKU != "~linen-apron/Blue/M" || rows[0].Available != 7 || rows[0].Title != "Linen Apron" {
		t.Errorf("stock: %+v", rows)
	}
}

// TestWooProductWithoutSKU: a WooCommerce product without a SKU is keyed
// by its ID, with its stock; one without either is refused.
func TestWooProductWithoutSKU(t *testing.T) {
	st := openStore(t)
	csv := "ID,Type,SKU,Name,Published,Regular price,Sale price,Stock,Tags,Parent\n" +
		"12,simple,,Beeswax Wrap,1,8.50,,6,,\n" +
		"13,variation,,Beeswax Wrap - Large,1,11.00,,,,id:12\n" +
		",simple,,Nameless,1,1.00,,,,\n" +
		"14,simple,WAX-1,Wax Block,1,3.00,,2,,\n"
	spec := FileSpec{Path: writeTemp(t, "wc-product-export.csv", []byte(csv))}
	fr := importOne(t, st, spec)
	if fr.Preset != PresetWooProducts || fr.Counts.Created != 5 || fr.Counts.Rejected != 1 || fr.Rejected[0].Row != 4 {
		t.Fatalf("%+v", fr)
	}
	if w := skuWarnings(fr); len(w) != 1 || w[0].Value != "~woo:12" || !strings.HasPrefix(w[0].Reason, "2 products have no SKU in WooCommerce; Shopclerk gave them keys from their product ID") {
		t.Errorf("warning: %+v", w)
	}
	if rows := stockRows(t, st, "~woo:"); len(rows) != 1 || rows[0].SKU != "~woo:12" || rows[0].Available != 6 || rows[0].Location != "WooCommerce" {
		t.Errorf("stock: %+v", rows)
	}
	if got := generatedNames(t, st); len(got) != 2 || got["Beeswax Wrap - Large"] != "~woo:13" {
		t.Errorf("generated: %v", got)
	}
	if again := importOne(t, st, spec); again.Counts.Created != 0 || again.Counts.Updated != 0 {
		t.Errorf("again: %+v", again.Counts)
	}
}

// TestSKULessOrderLines: an order line without a SKU is linked to the
// product with a generated key whose name it carries, when exactly one
// has it; other lines keep no SKU. A second import is unchanged.
func TestSKULessOrderLines(t *testing.T) {
	orders := "Name,Email,Financial Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku\n" +
		"#1001,a@example.com,paid,EUR,57.00,2026-04-01 10:00:00 +0000,2,Linen Apron - Blue / M,24.00,\n" +
		"#1001,a@example.com,,,,,1,Tea Towel,9.00,\n" +
		"#1002,b@example.com,paid,EUR,30.00,2026-04-02 10:00:00 +0000,1,Twin,10.00,\n" +
		"#1002,b@example.com,,,,,1,Unknown Thing,10.00,\n" +
		"#1002,b@example.com,,,,,1,Tea Towel,10.00,REAL-TT\n"
	ordersSpec := func(t *testing.T) FileSpec { return FileSpec{Path: writeTemp(t, "orders_export.csv", []byte(orders))} }

	t.Run("no products", func(t *testing.T) {
		st := openStore(t)
		fr := importOne(t, st, ordersSpec(t))
		if fr.Error != "" || fr.Counts.Created != 2 {
			t.Fatalf("%+v", fr)
		}
		if got := orderLineSKUs(t, st, "#1001"); got != "," {
			t.Errorf("lines of #1001: %q, want no SKUs", got)
		}
	})
	t.Run("products first", func(t *testing.T) {
		st := openStore(t)
		products := shopifyProductsHeader +
			"linen-apron,Linen Apron,Colour,Blue,Size,M,,24.00,active\n" +
			"tea-towel,Tea Towel,Title,Default Title,,,,9.00,active\n" +
			"twin-a,Twin,Title,Default Title,,,,10.00,active\n" +
			"twin-b,Twin,Title,Default Title,,,,10.00,active\n"
		if fr := importOne(t, st, FileSpec{Path: writeTemp(t, "products_export.csv", []byte(products))}); fr.Counts.Created != 4 {
			t.Fatalf("products: %+v", fr)
		}
		spec := ordersSpec(t)
		fr := importOne(t, st, spec)
		if fr.Error != "" || fr.Counts.Created != 2 || fr.Counts.Rejected != 0 {
			t.Fatalf("%+v", fr)
		}
		if got := orderLineSKUs(t, st, "#1001"); got != "~linen-apron/Blue/M,~tea-towel" {
			t.Errorf("lines of #1001: %q", got)
		}
		// Twin is two products' name; Unknown Thing none's; REAL-TT is a SKU.
		if got := orderLineSKUs(t, st, "#1002"); got != ",,REAL-TT" {
			t.Errorf("lines of #1002: %q", got)
		}
		if again := importOne(t, st, spec); again.Counts.Created != 0 || again.Counts.Updated != 0 || again.Counts.Unchanged != 2 {
			t.Errorf("again: %+v", again.Counts)
		}
		if n := tables(t, st); n["products"] != 5 { // the four, and REAL-TT from its order line
			t.Errorf("products %d", n["products"])
		}
	})
}
