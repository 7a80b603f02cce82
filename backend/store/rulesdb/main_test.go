package rulesdb

import (
	"context"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/storetest"
)

var testNow = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

func sampleOrder(name string, total int64, email string) domain.Order {
	return storetest.Order(name, total, email, testNow)
}

func write(t *testing.T, s *DB, fn func(w *importdb.Writer) error) {
	t.Helper()
	if _, _, err := importdb.New(s.Store).WriteBatch(context.Background(), domain.BatchMeta{FileName: "t.csv", Preset: "test", Kind: "orders"}, importdb.WriteOptions{}, fn); err != nil {
		t.Fatal(err)
	}
}

// seedProducts writes two products, one stocked at two locations.
func seedProducts(t *testing.T, s *DB) {
	t.Helper()
	write(t, s, func(w *importdb.Writer) error {
		if err := w.UpsertProduct(domain.Product{SKU: "A-1", Title: "Mug", Price: domain.Money{Amount: 1200, Currency: "EUR"}, Cost: domain.Money{Amount: 400}}); err != nil {
			return err
		}
		if err := w.UpsertProduct(domain.Product{SKU: "B-2", Title: "Plate", Price: domain.Money{Amount: 900, Currency: "EUR"}}); err != nil {
			return err
		}
		if err := w.SetStock(domain.StockLevel{SKU: "A-1", Location: "Shop", OnHand: 5, Available: 4, Committed: 1, Stocked: true}, "import"); err != nil {
			return err
		}
		return w.SetStock(domain.StockLevel{SKU: "A-1", Location: "Warehouse", OnHand: 10, Available: 10, Stocked: true}, "import")
	})
}
