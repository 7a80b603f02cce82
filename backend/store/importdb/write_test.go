package importdb

import (
	"context"
	"errors"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/storetest"
)

func sampleOrder(name string, total int64, email string) domain.Order {
	return storetest.Order(name, total, email, testNow)
}

func write(t *testing.T, s *DB, fn func(w *Writer) error) domain.Counts {
	t.Helper()
	_, c, err := s.WriteBatch(context.Background(), domain.BatchMeta{FileName: "t.csv", Preset: "test", Kind: "orders"}, WriteOptions{}, fn)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestUpsertRules(t *testing.T) {
	s := New(storetest.Open(t, storetest.At(testNow)))
	ctx := context.Background()
	cust := &domain.Customer{Source: domain.SourceShopify, Email: "Ann@Example.com", FirstName: "Ann"}
	orders := func(total int64) func(w *Writer) error {
		return func(w *Writer) error {
			if err := w.UpsertOrder(sampleOrder("#1001", total, "Ann@Example.com"), cust); err != nil {
				return err
			}
			return w.UpsertOrder(sampleOrder("#1002", 500, "ann@example.com"), cust)
		}
	}
	tests := []struct {
		name string
		fn   func(w *Writer) error
		want domain.Counts
	}{
		// The customer derived from the orders' email is not a row of its own.
		{"first import", orders(1000), domain.Counts{Created: 2}},
		{"same data again", orders(1000), domain.Counts{Unchanged: 2}},
		{"a newer export", orders(1200), domain.Counts{Updated: 1, Unchanged: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := write(t, s, tt.fn); got != tt.want {
				t.Errorf("counts %+v, want %+v", got, tt.want)
			}
		})
	}
	page, err := s.ListCustomers(ctx, domain.PageRequest{})
	if err != nil || page.Total != 1 {
		t.Fatalf("customers: %+v %v", page, err)
	}
	c := page.Rows[0]
	if c.Email != "ann@example.com" || c.OrdersCount != 2 || c.TotalSpent.Amount != 1700 {
		t.Errorf("customer aggregates wrong: %+v", c)
	}
	op, _ := s.ListOrders(ctx, domain.PageRequest{Sort: "name"})
	d, err := s.GetOrder(ctx, op.Rows[0].ID)
	if err != nil || len(d.Order.Lines) != 1 || d.Order.Total != 1200 || d.Customer == nil {
		t.Errorf("order detail after update: %+v %v", d, err)
	}

	t.Run("a customers export overwrites, an order only fills blanks", func(t *testing.T) {
		write(t, s, func(w *Writer) error {
			_, err := w.UpsertCustomer(domain.Customer{Source: domain.SourceShopify, Email: "ann@example.com", FirstName: "Anna", LastName: "Berg", AcceptsMarketing: true}, CustomerAuthoritative)
			return err
		})
		write(t, s, func(w *Writer) error {
			return w.UpsertOrder(sampleOrder("#1003", 300, "ann@example.com"), &domain.Customer{Email: "ann@example.com", FirstName: "A.", City: "Gent"})
		})
		page, _ := s.ListCustomers(ctx, domain.PageRequest{})
		c := page.Rows[0]
		if c.FirstName != "Anna" || c.City != "Gent" || !c.AcceptsMarketing || c.OrdersCount != 3 {
			t.Errorf("merge wrong: %+v", c)
		}
	})
}

func TestStockChangesRecordedOnlyWhenAvailableMoves(t *testing.T) {
	s := New(storetest.Open(t, storetest.At(testNow)))
	level := func(avail int) func(w *Writer) error {
		return func(w *Writer) error {
			return w.SetStock(domain.StockLevel{SKU: "MUG-1", Location: "Shop", OnHand: avail, Available: avail, Stocked: true}, "import")
		}
	}
	for _, step := range []struct {
		avail int
		want  domain.Counts
	}{{10, domain.Counts{Created: 1}}, {10, domain.Counts{Unchanged: 1}}, {4, domain.Counts{Updated: 1}}} {
		if got := write(t, s, level(step.avail)); got != step.want {
			t.Errorf("stock %d: counts %+v, want %+v", step.avail, got, step.want)
		}
	}
	var n int
	var before, after int
	s.SQL().QueryRow(`SELECT COUNT(*) FROM stock_changes`).Scan(&n)
	s.SQL().QueryRow(`SELECT before, after FROM stock_changes ORDER BY id DESC LIMIT 1`).Scan(&before, &after)
	if n != 2 || before != 10 || after != 4 {
		t.Errorf("stock changes: n=%d last %d->%d, want 2 rows ending 10->4", n, before, after)
	}
}

func TestFailedBatchLeavesNothing(t *testing.T) {
	s := New(storetest.Open(t, storetest.At(testNow)))
	boom := errors.New("disk on fire")
	_, _, err := s.WriteBatch(context.Background(), domain.BatchMeta{FileName: "x.csv"}, WriteOptions{}, func(w *Writer) error {
		if err := w.UpsertOrder(sampleOrder("#1", 100, "a@example.com"), &domain.Customer{Email: "a@example.com"}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("want the batch's error, got %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, _, err = s.WriteBatch(ctx, domain.BatchMeta{FileName: "y.csv"}, WriteOptions{}, func(w *Writer) error {
		err := w.UpsertOrder(sampleOrder("#2", 100, "b@example.com"), nil)
		cancel()
		return err
	})
	if err == nil {
		t.Fatal("a cancelled batch must fail")
	}
	for _, table := range []string{"orders", "customers", "line_items", "products", "import_batches"} {
		var n int
		s.SQL().QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n)
		if n != 0 {
			t.Errorf("%s has %d rows after failed batches", table, n)
		}
	}
}
