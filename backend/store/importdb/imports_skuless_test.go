package importdb

import (
	"context"
	"errors"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/storetest"
)

// TestGeneratedSKUs: a generated key is stored as one, whichever Writer
// method creates its product; a key used with the other meaning is a
// *domain.SKUClashError and writes nothing; names shared by two such products are
// not offered for linking order lines.
func TestGeneratedSKUs(t *testing.T) {
	s := New(storetest.Open(t, storetest.At(testNow)))
	ctx := context.Background()
	write(t, s, func(w *Writer) error {
		for _, p := range []domain.Product{
			{SKU: "~apron/Blue", Title: "Apron", VariantTitle: "Blue", SKUGenerated: true},
			{SKU: "~twin-a", Title: "Twin", SKUGenerated: true},
			{SKU: "~twin-b", Title: "Twin", SKUGenerated: true},
			{SKU: "~real", Title: "Real with a tilde"},
			{SKU: "apron/Blue", Title: "Not generated"},
		} {
			if err := w.UpsertProduct(p); err != nil {
				return err
			}
		}
		return w.EnsureProduct(domain.Product{SKU: "~towel", Title: "Towel", Handle: "towel", SKUGenerated: true})
	})
	var generated []string
	rows, err := s.SQL().QueryContext(ctx, "SELECT sku FROM products WHERE sku_generated = 1 ORDER BY sku")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var sku string
		rows.Scan(&sku)
		generated = append(generated, sku)
	}
	rows.Close()
	if got := store.JoinTags(generated); got != "~apron/Blue, ~towel, ~twin-a, ~twin-b" {
		t.Errorf("generated keys: %s", got)
	}
	names, err := s.GeneratedSKUNames(ctx)
	if err != nil || len(names) != 2 || names["Apron - Blue"] != "~apron/Blue" || names["Towel"] != "~towel" {
		t.Errorf("names %v, %v", names, err)
	}

	for _, c := range []struct {
		name string
		fn   func(w *Writer) error
		want domain.SKUClashError
	}{
		{"real SKU on a generated key", func(w *Writer) error { return w.UpsertProduct(domain.Product{SKU: "~towel", Title: "Real"}) },
			domain.SKUClashError{SKU: "~towel", StoredGenerated: true}},
		{"generated key on a real SKU", func(w *Writer) error {
			return w.UpsertProduct(domain.Product{SKU: "~real", Title: "Gen", SKUGenerated: true})
		}, domain.SKUClashError{SKU: "~real"}},
		{"stock row of a generated key on a real SKU", func(w *Writer) error {
			return w.EnsureProduct(domain.Product{SKU: "~real", SKUGenerated: true})
		}, domain.SKUClashError{SKU: "~real"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := s.WriteBatch(ctx, domain.BatchMeta{FileName: "t.csv"}, WriteOptions{}, c.fn)
			var clash *domain.SKUClashError
			if !errors.As(err, &clash) || *clash != c.want {
				t.Errorf("got %v, want %+v", err, c.want)
			}
		})
	}
	if got := write(t, s, func(w *Writer) error {
		return w.UpsertProduct(domain.Product{SKU: "~apron/Blue", Title: "Apron", VariantTitle: "Blue", SKUGenerated: true})
	}); got.Unchanged != 1 {
		t.Errorf("the same generated product again: %+v", got)
	}
}

// TestStockRowsCarryTheGeneratedFlag: the stock table (and the dashboard's
// low-stock list, which reads it) says which SKUs are keys Shopclerk made, by
// the product's flag, so a real SKU that starts with "~" is not one.
func TestStockRowsCarryTheGeneratedFlag(t *testing.T) {
	s := New(storetest.Open(t, storetest.At(testNow)))
	write(t, s, func(w *Writer) error {
		for _, p := range []domain.Product{{SKU: "~apron/Blue", Title: "Apron", SKUGenerated: true}, {SKU: "~real", Title: "Real with a tilde"}} {
			if err := w.UpsertProduct(p); err != nil {
				return err
			}
			if err := w.SetStock(domain.StockLevel{SKU: p.SKU, Location: "Shop", Available: 3, Stocked: true}, "test"); err != nil {
				return err
			}
		}
		return nil
	})
	page, err := s.ListStock(context.Background(), domain.PageRequest{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, r := range page.Rows {
		got[r.SKU] = r.SKUGenerated
	}
	if len(got) != 2 || !got["~apron/Blue"] || got["~real"] {
		t.Fatalf("stock rows' flags: %v", got)
	}
}
