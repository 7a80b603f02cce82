package importer

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/inventorydb"
)

// One shop's exports before and after the seller gave its variants SKUs.
const (
	productsNoSKU = shopifyProductsHeader +
		"linen-apron,Linen Apron,Colour,Blue,Size,M,,24.00,active\n" +
		"linen-apron,,,Blue,,L,,24.00,active\n" +
		"tea-towel,Tea Towel,Title,Default Title,,,,9.00,active\n"
	productsWithSKU = shopifyProductsHeader +
		"linen-apron,Linen Apron,Colour,Blue,Size,M,LIN-BL-M,24.00,active\n" +
		"linen-apron,,,Blue,,L,LIN-BL-L,24.00,active\n" +
		"tea-towel,Tea Towel,Title,Default Title,,,TT-1,9.00,active\n"
	inventoryHeader = "Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,SKU,HS Code,COO,Location,Incoming,Unavailable,Committed,Available,On hand\n"
	inventoryNoSKU  = inventoryHeader +
		"linen-apron,Linen Apron,Colour,Blue,Size,M,,,,,,Shop,0,0,0,7,7\n" +
		"linen-apron,Linen Apron,Colour,Blue,Size,M,,,,,,Warehouse,0,0,0,3,3\n" +
		"linen-apron,Linen Apron,Colour,Blue,Size,L,,,,,,Shop,0,0,0,4,4\n" +
		"tea-towel,Tea Towel,Title,Default Title,,,,,,,,Shop,0,0,0,9,9\n"
	inventoryWithSKU = inventoryHeader +
		"linen-apron,Linen Apron,Colour,Blue,Size,M,,,LIN-BL-M,,,Shop,0,0,0,6,6\n" +
		"linen-apron,Linen Apron,Colour,Blue,Size,M,,,LIN-BL-M,,,Warehouse,0,0,0,3,3\n" +
		"linen-apron,Linen Apron,Colour,Blue,Size,L,,,LIN-BL-L,,,Shop,0,0,0,4,4\n" +
		"tea-towel,Tea Towel,Title,Default Title,,,,,TT-1,,,Shop,0,0,0,9,9\n"
	ordersHeader = "Name,Email,Financial Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku\n"
	ordersNoSKU  = ordersHeader +
		"#1001,a@example.com,paid,EUR,57.00,2026-02-01 10:00:00 +0000,2,Linen Apron - Blue / M,24.00,\n" +
		"#1001,a@example.com,,,,,1,Tea Towel,9.00,\n"
)

func csvSpec(t *testing.T, name, body string) FileSpec {
	return FileSpec{Path: writeTemp(t, name, []byte(body))}
}

// orderLineSKUs reads the SKUs of a stored order's lines.
func orderLineSKUs(t *testing.T, st *importdb.DB, name string) string {
	t.Helper()
	var skus []string
	st.WriteBatch(context.Background(), storeMeta("probe"), writeOpts(), func(w *writer) error {
		o, ok, err := w.StoredOrder(domain.SourceShopify, name)
		if !ok || err != nil {
			t.Fatalf("order %s: %v", name, err)
		}
		for _, l := range o.Lines {
			skus = append(skus, l.SKU)
		}
		return errProbe
	})
	return strings.Join(skus, ",")
}

// skuState is what a take-over may change, in one comparable string.
func skuState(t *testing.T, st *importdb.DB) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	n := tables(t, st)
	fmt.Fprintf(&b, "products %d, stock levels %d, stock changes %d\n", n["products"], n["stock_levels"], n["stock_changes"])
	for _, r := range stockRows(t, st, "") {
		fmt.Fprintf(&b, "stock %s@%s=%d\n", r.SKU, r.Location, r.Available)
	}
	fmt.Fprintf(&b, "#1001 %s\n", orderLineSKUs(t, st, "#1001"))
	g, err := st.GeneratedKeys(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var stored []string
	for k := range g.Stored {
		stored = append(stored, k)
	}
	sort.Strings(stored)
	fmt.Fprintf(&b, "generated %v, renamed %v\n", stored, g.Renamed)
	changes, err := inventorydb.New(st.Store).StockChangesSince(ctx, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range changes {
		fmt.Fprintf(&b, "change %s@%s=%d\n", c.SKU, c.Location, c.After)
	}
	sales, err := inventorydb.New(st.Store).SalesSince(ctx, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sales {
		fmt.Fprintf(&b, "sale %s x%d\n", s.SKU, s.Quantity)
	}
	return b.String()
}

// takeOverWarnings are the file's warnings about SKUs added later.
func takeOverWarnings(fr FileResult) []Issue {
	var out []Issue
	for _, w := range fr.Warnings {
		if strings.Contains(w.Reason, "now use") || strings.Contains(w.Reason, "look like the same variant") {
			out = append(out, w)
		}
	}
	return out
}

// skuLessShop imports the products, inventory and orders of a shop whose
// variants have no SKUs.
func skuLessShop(t *testing.T) *importdb.DB {
	t.Helper()
	st := openStore(t)
	for _, f := range []struct{ name, body string }{
		{"products_export.csv", productsNoSKU}, {"inventory_export.csv", inventoryNoSKU}, {"orders_export.csv", ordersNoSKU},
	} {
		if fr := importOne(t, st, csvSpec(t, f.name, f.body)); fr.Error != "" || fr.Counts.Rejected != 0 || fr.Counts.Created == 0 {
			t.Fatalf("%s: %+v", f.name, fr)
		}
	}
	if got := orderLineSKUs(t, st, "#1001"); got != "~linen-apron/Blue/M,~tea-towel" {
		t.Fatalf("order lines before: %s", got)
	}
	return st
}

const afterTakeOver = `products 3, stock levels 4, stock changes %d
stock LIN-BL-L@Shop=4
stock LIN-BL-M@Shop=%d
stock LIN-BL-M@Warehouse=3
stock TT-1@Shop=9
#1001 LIN-BL-M,TT-1
generated [], renamed map[~linen-apron/Blue/L:LIN-BL-L ~linen-apron/Blue/M:LIN-BL-M ~tea-towel:TT-1]
change LIN-BL-L@Shop=4
change LIN-BL-M@Shop=7
change LIN-BL-M@Warehouse=3
change TT-1@Shop=9
sale LIN-BL-M x2
sale TT-1 x1
`

// TestSKUAddedLaterProducts: a products export in which the seller added
// SKUs moves each SKU-less variant, with its stock and order lines, to its
// SKU: one product per variant. Importing it again, the old export without
// SKUs, the old inventory export or the orders again changes nothing.
func TestSKUAddedLaterProducts(t *testing.T) {
	st := skuLessShop(t)
	spec := csvSpec(t, "products_export (1).csv", productsWithSKU)
	fr := importOne(t, st, spec)
	if fr.Error != "" || fr.Counts != (domain.Counts{Updated: 3}) {
		t.Fatalf("%+v", fr)
	}
	w := takeOverWarnings(fr)
	if len(w) != 1 || w[0].Row != 2 || w[0].Value != "LIN-BL-M" || w[0].Column != "Variant SKU" ||
		w[0].Reason != "3 variants now use the SKUs you added in your store: ~linen-apron/Blue/M → LIN-BL-M, ~linen-apron/Blue/L → LIN-BL-L, ~tea-towel → TT-1. Their stock, sales history and purchase orders moved with them, so the Inventory screen shows each variant once" {
		t.Errorf("warning: %+v", w)
	}
	if len(skuWarnings(fr)) != 0 {
		t.Errorf("no variant lacks a SKU now: %+v", fr.Warnings)
	}
	want := fmt.Sprintf(afterTakeOver, 4, 7)
	if got := skuState(t, st); got != want {
		t.Fatalf("after the SKUs came:\n%s\nwant\n%s", got, want)
	}
	if names := generatedNames(t, st); names["Linen Apron - Blue / M"] != "LIN-BL-M" {
		t.Errorf("SKU-less order lines link to %v", names)
	}

	for _, again := range []struct{ name, body string }{
		{"products_export (1).csv", productsWithSKU},
		{"products_export.csv", productsNoSKU},
		{"inventory_export.csv", inventoryNoSKU},
	} {
		fr := importOne(t, st, csvSpec(t, again.name, again.body))
		if fr.Error != "" || fr.Counts.Created != 0 || fr.Counts.Updated != 0 || fr.Counts.Unchanged == 0 || len(fr.Warnings) != 0 {
			t.Errorf("%s again: %+v", again.name, fr)
		}
	}
	// The stored orders' lines carried the old keys in their hash, so the
	// orders file updates them once, to the same lines.
	if fr := importOne(t, st, csvSpec(t, "orders_export.csv", ordersNoSKU)); fr.Error != "" || fr.Counts != (domain.Counts{Updated: 1}) {
		t.Errorf("orders again: %+v", fr)
	}
	if fr := importOne(t, st, csvSpec(t, "orders_export.csv", ordersNoSKU)); fr.Counts != (domain.Counts{Unchanged: 1}) {
		t.Errorf("orders a third time: %+v", fr.Counts)
	}
	if got := skuState(t, st); got != want {
		t.Errorf("after importing everything again:\n%s\nwant\n%s", got, want)
	}
}

// TestSKUAddedLaterInventory: an inventory export does the same, its
// per-location rows taking the key over once.
func TestSKUAddedLaterInventory(t *testing.T) {
	st := skuLessShop(t)
	spec := csvSpec(t, "inventory_export (1).csv", inventoryWithSKU)
	fr := importOne(t, st, spec)
	if fr.Error != "" || fr.Counts != (domain.Counts{Updated: 1, Unchanged: 3}) {
		t.Fatalf("%+v", fr)
	}
	if w := takeOverWarnings(fr); len(w) != 1 || w[0].Column != "SKU" || !strings.HasPrefix(w[0].Reason, "3 variants now use the SKUs you added in your store: ~linen-apron/Blue/M → LIN-BL-M,") {
		t.Errorf("warning: %+v", w)
	}
	want := fmt.Sprintf(afterTakeOver, 5, 6)
	// The new level is a change of its own, after the moved history.
	want = strings.Replace(want, "change LIN-BL-M@Warehouse=3\n", "change LIN-BL-M@Warehouse=3\nchange LIN-BL-M@Shop=6\n", 1)
	if got := skuState(t, st); got != want {
		t.Fatalf("after the SKUs came:\n%s\nwant\n%s", got, want)
	}
	if again := importOne(t, st, spec); again.Counts != (domain.Counts{Unchanged: 4}) || len(again.Warnings) != 0 {
		t.Errorf("again: %+v", again)
	}
	if fr := importOne(t, st, csvSpec(t, "products_export (1).csv", productsWithSKU)); fr.Counts.Created != 0 || len(takeOverWarnings(fr)) != 0 {
		t.Errorf("products with SKUs after: %+v", fr)
	}
	if n := tables(t, st); n["products"] != 3 {
		t.Errorf("products %d", n["products"])
	}
}

// TestSKUAddedLaterWoo: a WooCommerce product's SKU takes its ID key over.
func TestSKUAddedLaterWoo(t *testing.T) {
	st := openStore(t)
	head := "ID,Type,SKU,Name,Published,Regular price,Sale price,Stock,Tags,Parent\n"
	if fr := importOne(t, st, csvSpec(t, "wc-product-export.csv", head+"12,simple,,Beeswax Wrap,1,8.50,,6,,\n")); fr.Counts.Created != 2 {
		t.Fatalf("%+v", fr)
	}
	fr := importOne(t, st, csvSpec(t, "wc-product-export (1).csv", head+"12,simple,WAX-12,Beeswax Wrap,1,8.50,,5,,\n"))
	if w := takeOverWarnings(fr); len(w) != 1 || w[0].Reason != "1 variant now uses the SKU you added in WooCommerce: ~woo:12 → WAX-12. Its stock, sales history and purchase orders moved with it, so the Inventory screen shows it once" {
		t.Errorf("warning: %+v", w)
	}
	if rows := stockRows(t, st, ""); len(rows) != 1 || rows[0].SKU != "WAX-12" || rows[0].Available != 5 {
		t.Errorf("stock: %+v", rows)
	}
	if n := tables(t, st); n["products"] != 1 {
		t.Errorf("products %d", n["products"])
	}
}

// TestSKUAddedLaterBothExist: when the real SKU is in the shop already (an
// orders file with the new SKU came first), the two are not merged: the
// file says once which variants look doubled and what to do.
func TestSKUAddedLaterBothExist(t *testing.T) {
	st := skuLessShop(t)
	newer := ordersHeader + "#1002,b@example.com,paid,EUR,24.00,2026-02-20 10:00:00 +0000,1,Linen Apron - Blue / M,24.00,LIN-BL-M\n"
	if fr := importOne(t, st, csvSpec(t, "orders_export (1).csv", newer)); fr.Counts.Created != 1 {
		t.Fatalf("%+v", fr)
	}
	fr := importOne(t, st, csvSpec(t, "products_export (1).csv", productsWithSKU))
	if fr.Error != "" || fr.Counts != (domain.Counts{Updated: 3}) {
		t.Fatalf("%+v", fr)
	}
	w := takeOverWarnings(fr)
	if len(w) != 2 || !strings.HasPrefix(w[0].Reason, "2 variants now use the SKUs you added in your store: ~linen-apron/Blue/L → LIN-BL-L, ~tea-towel → TT-1.") {
		t.Fatalf("warnings: %+v", w)
	}
	if w[1].Row != 2 || w[1].Value != "LIN-BL-M" || !strings.HasPrefix(w[1].Reason, "~linen-apron/Blue/M and LIN-BL-M look like the same variant: ~linen-apron/Blue/M is the key Shopclerk gave it while it had no SKU in your store") ||
		!strings.Contains(w[1].Reason, "Snooze reordering of ~linen-apron/Blue/M on the Inventory screen") {
		t.Errorf("both-exist warning: %+v", w[1])
	}
	if got := orderLineSKUs(t, st, "#1001"); got != "~linen-apron/Blue/M,TT-1" {
		t.Errorf("#1001 lines: %s", got)
	}
	if rows := stockRows(t, st, "~linen-apron/Blue/M"); len(rows) != 2 {
		t.Errorf("the generated key keeps its stock: %+v", rows)
	}
	if g, _ := st.GeneratedKeys(context.Background()); len(g.Stored) != 1 || len(g.Renamed) != 2 {
		t.Errorf("generated keys: %+v", g)
	}
	if n := tables(t, st); n["products"] != 4 {
		t.Errorf("products %d, want 4 (the doubled variant twice)", n["products"])
	}
	// Each file that meets them says so again; nothing else changes.
	again := importOne(t, st, csvSpec(t, "products_export (1).csv", productsWithSKU))
	if w := takeOverWarnings(again); again.Counts != (domain.Counts{Unchanged: 3}) || len(w) != 1 || !strings.Contains(w[0].Reason, "look like the same variant") {
		t.Errorf("again: %+v", again)
	}
}

// TestSKUAddedLaterCancelled: an import cancelled after it took keys over
// (or a later row failing: the batch is one transaction either way) leaves
// the shop exactly as before.
func TestSKUAddedLaterCancelled(t *testing.T) {
	st := skuLessShop(t)
	before := skuState(t, st)
	var b strings.Builder
	b.WriteString(productsWithSKU)
	for i := range 3200 {
		fmt.Fprintf(&b, "filler-%d,Filler %d,Title,Default Title,,,F-%d,1.00,active\n", i, i, i)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// By the 2048th row the writer has applied the first rows (the parser
	// runs at most three batches of 256 ahead), so the keys were taken over.
	_, err := Import(ctx, st, []FileSpec{csvSpec(t, "products_export (1).csv", b.String())}, func(p Progress) {
		if p.Rows >= 2048 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || domain.CodeOf(err) != domain.CodeInvalid {
		t.Fatalf("got %v, want a cancelled import", err)
	}
	if got := skuState(t, st); got != before {
		t.Errorf("the cancelled import left a trace:\n%s\nbefore\n%s", got, before)
	}
}
