package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/storetest"
)

func TestListOrdersPagesSortsSearchesFilters(t *testing.T) {
	s := storetest.Open(t, storetest.At(testNow))
	write(t, s, func(w *importdb.Writer) error {
		for i := 1; i <= 30; i++ {
			o := sampleOrder(fmt.Sprintf("#%d", 1000+i), int64(i*100), fmt.Sprintf("buyer%02d@example.com", i%10))
			o.CreatedAt = testNow.Add(-time.Duration(i) * time.Hour)
			if i%3 == 0 {
				o.FinancialStatus = domain.FinancialPending
			}
			if err := w.UpsertOrder(o, &domain.Customer{Email: o.Email, LastName: fmt.Sprintf("Name%02d", i%10)}); err != nil {
				return err
			}
		}
		return nil
	})
	ctx := context.Background()
	tests := []struct {
		name      string
		req       domain.PageRequest
		wantTotal int
		wantFirst string
		wantRows  int
	}{
		{"default: newest first", domain.PageRequest{Desc: true, Limit: 10}, 30, "#1001", 10},
		{"second page", domain.PageRequest{Desc: true, Limit: 10, Offset: 10}, 30, "#1011", 10},
		{"last partial page", domain.PageRequest{Desc: true, Limit: 25, Offset: 25}, 30, "#1026", 5},
		{"sort by total", domain.PageRequest{Sort: "total", Desc: true, Limit: 5}, 30, "#1030", 5},
		{"search by order name", domain.PageRequest{Search: "#1029"}, 1, "#1029", 1},
		{"search by name without hash", domain.PageRequest{Search: "102", Sort: "name"}, 10, "#1020", 10},
		{"search by email prefix, any case", domain.PageRequest{Search: "BUYER03", Sort: "name"}, 3, "#1003", 3},
		{"filter pending", domain.PageRequest{Filter: "pending", Sort: "name"}, 10, "#1003", 10},
		{"no match", domain.PageRequest{Search: "nobody"}, 0, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := s.ListOrders(ctx, tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if page.Total != tt.wantTotal || len(page.Rows) != tt.wantRows {
				t.Fatalf("total %d rows %d, want %d and %d", page.Total, len(page.Rows), tt.wantTotal, tt.wantRows)
			}
			if tt.wantRows > 0 && page.Rows[0].Name != tt.wantFirst {
				t.Errorf("first row %s, want %s", page.Rows[0].Name, tt.wantFirst)
			}
		})
	}
	for _, bad := range []domain.PageRequest{{Sort: "total; DROP TABLE orders"}, {Filter: "everything"}} {
		if _, err := s.ListOrders(ctx, bad); domain.CodeOf(err) != domain.CodeInvalid {
			t.Errorf("%+v: want an invalid error, got %v", bad, err)
		}
	}
	cp, err := s.ListCustomers(ctx, domain.PageRequest{Sort: "totalSpent", Desc: true, Search: "name0"})
	if err != nil || cp.Total != 10 || cp.Rows[0].TotalSpent.Amount != 3000+2000+1000 {
		t.Errorf("customers by last-name prefix: %+v %v", cp, err)
	}
	d, err := s.Dashboard(ctx)
	if err != nil || d.TodayOrders != 9 || d.TotalOrders != 30 || d.Currency != "EUR" || len(d.Last30Days) != 30 {
		t.Errorf("dashboard: today %d total %d currency %q days %d err %v", d.TodayOrders, d.TotalOrders, d.Currency, len(d.Last30Days), err)
	}
	if _, err := s.GetOrder(ctx, 999999); domain.CodeOf(err) != domain.CodeNotFound {
		t.Errorf("missing order: %v", err)
	}
}

var testNow = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

func sampleOrder(name string, total int64, email string) domain.Order {
	return storetest.Order(name, total, email, testNow)
}

func write(t *testing.T, s *store.Store, fn func(w *importdb.Writer) error) {
	t.Helper()
	if _, _, err := importdb.New(s).WriteBatch(context.Background(), domain.BatchMeta{FileName: "t.csv", Preset: "test", Kind: "orders"}, importdb.WriteOptions{}, fn); err != nil {
		t.Fatal(err)
	}
}
