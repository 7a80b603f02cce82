package importdb

import (
	"context"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/storetest"
)

// An erased customer (customer_erasures, written by the customers
// package) is left out of every record an import brings: their customer
// row is not added, their orders and carts are stored without them.
func TestImportLeavesOutErasedCustomers(t *testing.T) {
	s := New(storetest.Open(t, storetest.At(testNow)))
	ctx := context.Background()
	for _, k := range domain.ErasureKeys("gone@example.com", domain.SourceShopify, "C-9") {
		if _, err := s.SQL().Exec(`INSERT INTO customer_erasures (key_hash, at) VALUES (?, 1)`, k); err != nil {
			t.Fatal(err)
		}
	}
	gone := domain.Customer{Source: domain.SourceShopify, Email: "Gone@Example.com", FirstName: "Gone"}
	byID := domain.Customer{Source: domain.SourceShopify, ExternalID: "C-9", FirstName: "Also gone"}
	o := sampleOrder("#1", 1000, "gone@example.com")
	o.Billing = domain.Address{Name: "Gone", Address1: "1 Road", Country: "DE", Province: "BE"}
	o.Note = "call me"
	_, counts, err := s.ApplyBatch(ctx, domain.BatchMeta{FileName: "x.csv", Preset: "test", Kind: "orders"}, func(r domain.RecordSink) error {
		if err := r.Customer(gone); err != nil {
			return err
		}
		if err := r.Customer(byID); err != nil {
			return err
		}
		if err := r.Order(o, &gone, nil); err != nil {
			return err
		}
		prep := r.OrderPreparer()
		o2 := sampleOrder("#2", 500, "gone@example.com")
		if err := r.Orders([]domain.PreparedOrder{prep(&o2, &gone, nil)}); err != nil {
			return err
		}
		return r.Cart(domain.Cart{Source: domain.SourceShopify, ExternalID: "c", Email: "gone@example.com", Currency: "EUR",
			RecoveryURL: "https://x/recover", CreatedAt: testNow, UpdatedAt: testNow}, &gone)
	})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	s.SQL().QueryRow(`SELECT COUNT(*) FROM customers`).Scan(&n)
	if n != 0 {
		t.Errorf("%d customers added; the erased must stay out", n)
	}
	var leaks int
	s.SQL().QueryRow(`SELECT COUNT(*) FROM orders WHERE email <> '' OR customer_id IS NOT NULL OR note <> ''
		OR json_extract(billing, '$.name') <> '' OR json_extract(billing, '$.address1') <> ''`).Scan(&leaks)
	var kept, carts int
	s.SQL().QueryRow(`SELECT COUNT(*) FROM orders WHERE json_extract(billing, '$.country') = 'DE' OR name = '#2'`).Scan(&kept)
	s.SQL().QueryRow(`SELECT COUNT(*) FROM carts WHERE email = '' AND recovery_url = '' AND customer_id IS NULL`).Scan(&carts)
	if leaks != 0 || kept != 2 || carts != 1 {
		t.Errorf("orders leaking the person: %d, kept: %d, anonymous carts: %d", leaks, kept, carts)
	}
	if counts.Unchanged != 2 || counts.Created != 3 {
		t.Errorf("counts %+v", counts)
	}
}
