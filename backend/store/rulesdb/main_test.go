package rulesdb

import (
	"context"
	"shopclerk/backend/store/importdb"
	"testing"
	"time"

	"shopclerk/backend/domain"
)

var testNow = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

func sampleOrder(name string, total int64, email string) domain.Order {
	paid := testNow.Add(-time.Hour)
	return domain.Order{
		Source: domain.SourceShopify, ExternalID: name, Name: name, Email: email,
		FinancialStatus: domain.FinancialPaid, Currency: "EUR", Total: total, Subtotal: total,
		CreatedAt: testNow.Add(-2 * time.Hour), PaidAt: &paid,
		Lines: []domain.LineItem{{SKU: "MUG-1", Name: "Mug", Quantity: 2, Price: total / 2}},
	}
}

func write(t *testing.T, s *DB, fn func(w *importdb.Writer) error) {
	t.Helper()
	if _, _, err := importdb.New(s.Store).WriteBatch(context.Background(), domain.BatchMeta{FileName: "t.csv", Preset: "test", Kind: "orders"}, importdb.WriteOptions{}, fn); err != nil {
		t.Fatal(err)
	}
}

func seedInventory(t *testing.T, s *DB) {
	t.Helper()
	ctx := context.Background()
	day := func(n int) time.Time { return testNow.AddDate(0, 0, -n) }
	cancelled := day(3)
	_, _, err := importdb.New(s.Store).WriteBatch(ctx, domain.BatchMeta{FileName: "seed", Kind: "test"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		for _, p := range []domain.Product{
			{SKU: "A-1", Title: "Mug", Price: domain.Money{Amount: 1200, Currency: "EUR"}, Cost: domain.Money{Amount: 400}},
			{SKU: "B-2", Title: "Plate", Price: domain.Money{Amount: 900, Currency: "EUR"}},
		} {
			if err := w.UpsertProduct(p); err != nil {
				return err
			}
		}
		for _, l := range []domain.StockLevel{
			{SKU: "A-1", Location: "Shop", OnHand: 5, Available: 4, Committed: 1, Stocked: true},
			{SKU: "A-1", Location: "Warehouse", OnHand: 10, Available: 10, Stocked: true},
		} {
			if err := w.SetStock(l, "import"); err != nil {
				return err
			}
		}
		orders := []domain.Order{
			{ExternalID: "1", FinancialStatus: domain.FinancialPaid, CreatedAt: day(2), Lines: []domain.LineItem{{SKU: "A-1", Quantity: 2}}},
			{ExternalID: "2", FinancialStatus: domain.FinancialPaid, CreatedAt: day(1), Lines: []domain.LineItem{{SKU: "A-1", Quantity: 1}, {SKU: "B-2", Quantity: 3}}},
			{ExternalID: "3", FinancialStatus: domain.FinancialRefunded, CreatedAt: day(1), Lines: []domain.LineItem{{SKU: "A-1", Quantity: 7}}},
			{ExternalID: "4", FinancialStatus: domain.FinancialPaid, CancelledAt: &cancelled, CreatedAt: day(4), Lines: []domain.LineItem{{SKU: "A-1", Quantity: 9}}},
			{ExternalID: "5", FinancialStatus: domain.FinancialPaid, CreatedAt: day(1), Lines: []domain.LineItem{{SKU: "B-2", Quantity: 1, FulfillmentStatus: "restocked"}}},
		}
		for _, o := range orders {
			o.Source, o.Name, o.Currency = domain.SourceManual, "#"+o.ExternalID, "EUR"
			if err := w.UpsertOrder(o, nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
