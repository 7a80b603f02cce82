package store_test

import (
	"context"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/storetest"
)

// A held order says so in the Orders list, and the "held" filter lists the
// orders held now (not those released).
func TestListOrdersShowsAndFiltersHeld(t *testing.T) {
	s := storetest.Open(t, storetest.At(testNow))
	write(t, s, func(w *importdb.Writer) error {
		for _, name := range []string{"#1", "#2", "#3"} {
			o := sampleOrder(name, 1000, "ann@example.com")
			if err := w.UpsertOrder(o, &domain.Customer{Email: o.Email}); err != nil {
				return err
			}
		}
		return nil
	})
	ctx := context.Background()
	for _, q := range []string{
		`INSERT INTO rule_holds (order_id, at, ledger_key) SELECT id, 1, 'k' || id FROM orders WHERE name IN ('#1', '#2')`,
		`UPDATE rule_holds SET released_at = 2 WHERE order_id = (SELECT id FROM orders WHERE name = '#2')`,
	} {
		if _, err := s.SQL().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.ListOrders(ctx, domain.PageRequest{Limit: 10, Sort: "name"})
	if err != nil {
		t.Fatal(err)
	}
	held := map[string]bool{}
	for _, r := range all.Rows {
		held[r.Name] = r.Held
	}
	if !held["#1"] || held["#2"] || held["#3"] {
		t.Fatalf("held in the list: %v", held)
	}
	only, err := s.ListOrders(ctx, domain.PageRequest{Limit: 10, Filter: "held"})
	if err != nil || only.Total != 1 || len(only.Rows) != 1 || only.Rows[0].Name != "#1" {
		t.Fatalf("held filter: %+v %v", only, err)
	}
}
