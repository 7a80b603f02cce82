package importdb

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/inventorydb"
	"shopclerk/backend/store/storetest"
)

// skuTables are the tables that name a SKU, and where; a take-over must
// leave none of them on the old key.
var skuTables = []struct{ table, col string }{
	{"products", "sku"}, {"stock_levels", "sku"}, {"stock_changes", "sku"}, {"line_items", "sku"},
	{"cart_lines", "sku"}, {"supplier_products", "sku"}, {"purchase_order_lines", "sku"},
	{"purchase_order_receipts", "sku"}, {"sku_policies", "sku"}, {"rule_ledger", "subject"},
}

// skuCensus counts, per table, the rows naming each of skus (the ledger by
// its "sku:" subject).
func skuCensus(t *testing.T, s *DB, skus ...string) string {
	t.Helper()
	var b strings.Builder
	for _, tc := range skuTables {
		for _, sku := range skus {
			v := sku
			if tc.col == "subject" {
				v = "sku:" + sku
			}
			var n int
			if err := s.SQL().QueryRow("SELECT COUNT(*) FROM "+tc.table+" WHERE "+tc.col+" = ?", v).Scan(&n); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s %s=%d; ", tc.table, sku, n)
		}
	}
	return b.String()
}

// seedGenerated stores the generated key ~apron/Blue with a row in every
// table that names a SKU, and a real product A-1 for contrast.
func seedGenerated(t *testing.T, s *DB) {
	t.Helper()
	ctx := context.Background()
	gen := domain.Product{SKU: "~apron/Blue", Title: "Apron", VariantTitle: "Blue", SKUGenerated: true}
	write(t, s, func(w *Writer) error {
		if err := w.UpsertProduct(gen); err != nil {
			return err
		}
		if err := w.UpsertProduct(domain.Product{SKU: "A-1", Title: "Other"}); err != nil {
			return err
		}
		if err := w.SetStock(domain.StockLevel{SKU: gen.SKU, Location: "Shop", Available: 5, OnHand: 5, Stocked: true}, "import"); err != nil {
			return err
		}
		o := sampleOrder("#1", 2400, "ann@example.com")
		o.Lines = []domain.LineItem{{SKU: gen.SKU, Name: "Apron - Blue", Quantity: 2, Price: 1200}}
		if err := w.UpsertOrder(o, nil); err != nil {
			return err
		}
		return w.UpsertCart(domain.Cart{Source: domain.SourceShopify, ExternalID: "c1", Email: "bo@example.com", Currency: "EUR",
			CreatedAt: testNow, Lines: []domain.LineItem{{SKU: gen.SKU, Name: "Apron - Blue", Quantity: 1}}}, nil)
	})
	sup, err := inventorydb.New(s.Store).SaveSupplier(ctx, domain.Supplier{Name: "Weaver", Email: "w@example.com", Currency: "EUR", LeadTimeDays: 10, PackSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := inventorydb.New(s.Store).SetSupplierOffer(ctx, domain.SupplierOffer{SupplierID: sup, SKU: gen.SKU, SupplierSKU: "W-9", UnitCost: 700}); err != nil {
		t.Fatal(err)
	}
	until := testNow.Add(72 * time.Hour)
	if err := inventorydb.New(s.Store).SetSKUPolicy(ctx, domain.SKUPolicy{SKU: gen.SKU, SnoozeUntil: &until}); err != nil {
		t.Fatal(err)
	}
	po, err := inventorydb.New(s.Store).AddToDraft(ctx, sup, "EUR", "Shop", []domain.DraftLine{{SKU: gen.SKU, Quantity: 10, UnitCost: 700}})
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		fmt.Sprintf(`INSERT INTO purchase_order_receipts (po_id, sku, quantity, at) VALUES (%d, '~apron/Blue', 4, 0)`, po),
		`INSERT INTO rules (id, name, definition, created_at, updated_at) VALUES (1, 'Low stock', '{}', 0, 0)`,
		`INSERT INTO rule_ledger (key, rule_id, subject, occurrence, step, status, due_at, done_at) VALUES ('1/sku:~apron/Blue/stock:1/0', 1, 'sku:~apron/Blue', 'stock:1', 0, 'done', 0, 0)`,
	} {
		if _, err := s.SQL().Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTakeOverGeneratedKey: a real SKU takes a generated key over in every
// table that names it, and is remembered; a real SKU in use already, or a
// key that is not a generated product's, changes nothing; a batch that
// fails after the take-over leaves the shop as it was.
func TestTakeOverGeneratedKey(t *testing.T) {
	ctx := context.Background()
	const key, realSKU = "~apron/Blue", "APR-BL"
	before := "products ~apron/Blue=1; products APR-BL=0; stock_levels ~apron/Blue=1; stock_levels APR-BL=0; stock_changes ~apron/Blue=1; stock_changes APR-BL=0; line_items ~apron/Blue=1; line_items APR-BL=0; cart_lines ~apron/Blue=1; cart_lines APR-BL=0; supplier_products ~apron/Blue=1; supplier_products APR-BL=0; purchase_order_lines ~apron/Blue=1; purchase_order_lines APR-BL=0; purchase_order_receipts ~apron/Blue=1; purchase_order_receipts APR-BL=0; sku_policies ~apron/Blue=1; sku_policies APR-BL=0; rule_ledger ~apron/Blue=1; rule_ledger APR-BL=0; "
	after := "products ~apron/Blue=0; products APR-BL=1; stock_levels ~apron/Blue=0; stock_levels APR-BL=1; stock_changes ~apron/Blue=0; stock_changes APR-BL=1; line_items ~apron/Blue=0; line_items APR-BL=1; cart_lines ~apron/Blue=0; cart_lines APR-BL=1; supplier_products ~apron/Blue=0; supplier_products APR-BL=1; purchase_order_lines ~apron/Blue=0; purchase_order_lines APR-BL=1; purchase_order_receipts ~apron/Blue=0; purchase_order_receipts APR-BL=1; sku_policies ~apron/Blue=0; sku_policies APR-BL=1; rule_ledger ~apron/Blue=0; rule_ledger APR-BL=1; "

	t.Run("a failing batch rolls it back", func(t *testing.T) {
		s := New(storetest.Open(t, storetest.At(testNow)))
		seedGenerated(t, s)
		boom := errors.New("a later row failed")
		_, _, err := s.WriteBatch(ctx, domain.BatchMeta{FileName: "p.csv"}, WriteOptions{}, func(w *Writer) error {
			if res, err := w.TakeOverGeneratedKey(key, realSKU); err != nil || res != domain.TakeOverDone {
				t.Fatalf("take-over: %v %v", res, err)
			}
			if err := w.FinishTakeOvers(); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("got %v", err)
		}
		if got := skuCensus(t, s, key, realSKU); got != before {
			t.Errorf("after the failed batch:\n%s\nwant\n%s", got, before)
		}
		if g, err := s.GeneratedKeys(ctx); err != nil || len(g.Stored) != 1 || g.Renamed != nil {
			t.Errorf("generated keys %+v, %v", g, err)
		}
	})

	t.Run("taken over everywhere", func(t *testing.T) {
		s := New(storetest.Open(t, storetest.At(testNow)))
		seedGenerated(t, s)
		write(t, s, func(w *Writer) error {
			for _, c := range []struct {
				key, sku string
				want     domain.TakeOver
			}{
				{"A-1", "A-2", domain.TakeOverNone},   // a real SKU is never taken over
				{"~gone", "A-3", domain.TakeOverNone}, // no such product
				{key, key, domain.TakeOverNone},
				{key, realSKU, domain.TakeOverDone},
				{key, "A-4", domain.TakeOverNone}, // the key is gone now
			} {
				if res, err := w.TakeOverGeneratedKey(c.key, c.sku); err != nil || res != c.want {
					t.Errorf("%s -> %s: %v %v, want %v", c.key, c.sku, res, err, c.want)
				}
			}
			return w.FinishTakeOvers()
		})
		if got := skuCensus(t, s, key, realSKU); got != after {
			t.Errorf("after the take-over:\n%s\nwant\n%s", got, after)
		}
		var generated int
		s.SQL().QueryRow("SELECT sku_generated FROM products WHERE sku = ?", realSKU).Scan(&generated)
		if generated != 0 {
			t.Error("the product still says its SKU is generated")
		}
		var ledgerKey string
		s.SQL().QueryRow("SELECT key FROM rule_ledger").Scan(&ledgerKey)
		if ledgerKey != "1/sku:~apron/Blue/stock:1/0" {
			t.Errorf("ledger key %q: keys are never rewritten", ledgerKey)
		}
		g, err := s.GeneratedKeys(ctx)
		if err != nil || g.Stored != nil || len(g.Renamed) != 1 || g.Renamed[key] != realSKU {
			t.Errorf("generated keys %+v, %v", g, err)
		}
		// Old orders' SKU-less lines keep reaching the variant by name.
		if names, err := s.GeneratedSKUNames(ctx); err != nil || names["Apron - Blue"] != realSKU {
			t.Errorf("names %v, %v", names, err)
		}
		items, err := inventorydb.New(s.Store).InventoryItems(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			if it.SKU == realSKU && (len(it.Levels) != 1 || len(it.Offers) != 1 || it.SnoozeUntil == nil || !it.OnDraft) {
				t.Errorf("inventory item after the take-over: %+v", it)
			}
		}
	})

	t.Run("a real SKU in use is left apart", func(t *testing.T) {
		for _, c := range []struct{ name, stmt string }{
			{"a product", ""},
			{"stock without a product", `INSERT INTO stock_levels (sku, location, updated_at) VALUES ('A-9', 'Shop', 0)`},
			{"a supplier offer without a product", `INSERT INTO supplier_products (supplier_id, sku) VALUES (1, 'A-9')`},
		} {
			t.Run(c.name, func(t *testing.T) {
				s := New(storetest.Open(t, storetest.At(testNow)))
				seedGenerated(t, s)
				sku := "A-1"
				if c.stmt != "" {
					sku = "A-9"
					if _, err := s.SQL().Exec(c.stmt); err != nil {
						t.Fatal(err)
					}
				}
				want := skuCensus(t, s, key, sku)
				write(t, s, func(w *Writer) error {
					if res, err := w.TakeOverGeneratedKey(key, sku); err != nil || res != domain.TakeOverBothExist {
						t.Errorf("%v %v, want both exist", res, err)
					}
					return nil
				})
				if got := skuCensus(t, s, key, sku); got != want {
					t.Errorf("changed:\n%s\nwant\n%s", got, want)
				}
			})
		}
	})
}
