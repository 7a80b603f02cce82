package store

import (
	"path/filepath"
	"testing"
)

// Migration 00027 keeps receipts per booking-in. An order received before
// it gets one receipt per received line, dated when it was received, else
// when its lead time was measured (a partly received order), else sent.
func TestMigrationKeepsEarlierReceipts(t *testing.T) {
	p := filepath.Join(t.TempDir(), "old.db")
	old := openTest(t, p, Options{Migrations: migrationsBefore(t, "00027_po_receipts.sql")})
	for _, q := range []string{
		`INSERT INTO suppliers (id, name) VALUES (1, 'Potter')`,

		`INSERT INTO purchase_orders (id, supplier_id, status, created_at, sent_at, received_at, location)
			VALUES (1, 1, 'received', 100, 200, 900, 'Shop'), (2, 1, 'partly_received', 100, 200, NULL, ''), (3, 1, 'sent', 100, 200, NULL, '')`,
		`INSERT INTO purchase_order_lines (po_id, sku, quantity, received_qty) VALUES
			(1, 'A', 5, 5), (1, 'B', 3, 3), (2, 'A', 10, 4), (2, 'B', 10, 0), (3, 'A', 7, 0)`,
		`INSERT INTO lead_time_observations (supplier_id, po_id, days, at) VALUES (1, 2, 6, 700)`,
	} {
		if _, err := old.db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	old.Close()
	s := openTest(t, p, Options{})
	rows, err := s.db.Query(`SELECT po_id, sku, quantity, location, at FROM purchase_order_receipts ORDER BY po_id, sku`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	type receipt struct {
		po       int64
		sku      string
		qty      int
		location string
		at       int64
	}
	var got []receipt
	for rows.Next() {
		var r receipt
		if err := rows.Scan(&r.po, &r.sku, &r.qty, &r.location, &r.at); err != nil {
			t.Fatal(err)
		}
		got = append(got, r)
	}
	want := []receipt{{1, "A", 5, "Shop", 900}, {1, "B", 3, "Shop", 900}, {2, "A", 4, "", 700}}
	if len(got) != len(want) {
		t.Fatalf("receipts %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("receipt %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	var closed any
	if err := s.db.QueryRow(`SELECT closed_at FROM purchase_orders WHERE id = 2`).Scan(&closed); err != nil || closed != nil {
		t.Errorf("closed_at: %v %v", closed, err)
	}
}
