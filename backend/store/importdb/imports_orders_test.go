package importdb

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/storetest"
)

// dump renders the tables an orders import writes, every column, in id order.
func dump(t *testing.T, s *DB) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		"SELECT * FROM orders ORDER BY id",
		"SELECT * FROM line_items ORDER BY order_id, position",
		"SELECT * FROM customers ORDER BY id",
		"SELECT * FROM products ORDER BY id",
		"SELECT * FROM coupons ORDER BY id",
	} {
		rows, err := s.SQL().Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		fmt.Fprintf(&b, "%s\n", q)
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				if cols[i] == "batch_id" {
					continue // batches are numbered per shop alike; kept out for clarity
				}
				fmt.Fprintf(&b, "%s=%v ", cols[i], v)
			}
			b.WriteByte('\n')
		}
		rows.Close()
	}
	return b.String()
}

// importOrders builds a file's worth of orders: repeat customers, cancelled
// and refunded orders, two currencies, orders without email, repeated
// discount codes, lines without positions, and one key given twice.
func importOrders(version int) []OrderRecord {
	var out []OrderRecord
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 300; i++ {
		email := fmt.Sprintf("Buyer%d@Example.com", i%37)
		if i%29 == 0 {
			email = ""
		}
		cur := "EUR"
		if i%11 == 0 {
			cur = "USD"
		}
		at := base.Add(time.Duration(i*7%300) * time.Hour)
		o := domain.Order{Source: domain.SourceShopify, ExternalID: fmt.Sprintf("#%d", 1000+i), Name: fmt.Sprintf("#%d", 1000+i),
			Email: email, FinancialStatus: domain.FinancialPaid, Currency: cur, Total: int64(1000 + i), Subtotal: int64(900 + i),
			CreatedAt: at, DiscountCode: []string{"", "SAVE10", "WELCOME"}[i%3],
			Lines: []domain.LineItem{{SKU: fmt.Sprintf("SKU-%d", i%13), Name: "Thing", Quantity: 1 + i%3, Price: 300},
				{Position: 2, SKU: fmt.Sprintf("SKU-%d", i%7), Name: "Other", Quantity: 1, Price: 100}}}
		if i%17 == 0 {
			c := at.Add(time.Hour)
			o.CancelledAt = &c
		}
		if i%23 == 0 {
			o.Refunded = 100
		}
		if version > 1 && i%10 == 0 {
			o.Refunded = 200 // a newer export: some orders refunded since
		}
		var cust *domain.Customer
		if email != "" {
			cust = &domain.Customer{Source: domain.SourceShopify, Email: email, FirstName: "B", CreatedAt: at}
		}
		out = append(out, OrderRecord{Order: o, Customer: cust, DiscountCodes: []string{o.DiscountCode}})
	}
	if version > 1 {
		for i := 300; i < 340; i++ { // newer orders, of known and new customers
			at := base.Add(time.Duration(400+i) * time.Hour)
			email := fmt.Sprintf("buyer%d@example.com", i%45)
			out = append(out, OrderRecord{Order: domain.Order{Source: domain.SourceShopify, ExternalID: fmt.Sprintf("#%d", 1000+i),
				Name: fmt.Sprintf("#%d", 1000+i), Email: email, Currency: "EUR", Total: 500, CreatedAt: at,
				Lines: []domain.LineItem{{SKU: "SKU-NEW", Quantity: 1, Price: 500}}},
				Customer: &domain.Customer{Source: domain.SourceShopify, Email: email, CreatedAt: at}})
		}
	}
	// The same order twice in one file, changed the second time.
	dup := out[5]
	dup.Order.Total += 1
	dup.Order.Lines = append([]domain.LineItem(nil), dup.Order.Lines...)
	dup.Order.Lines[0].Quantity = 9
	out = append(out, dup)
	return out
}

// TestUpsertOrdersSameAsPerRow: UpsertOrders, in batches of any size and
// with the bulk tables' indexes dropped, leaves the same rows, aggregates and
// counts as UpsertOrder and EnsureDiscountCode row by row, for a first
// import, the same file again and a newer export.
func TestUpsertOrdersSameAsPerRow(t *testing.T) {
	perRow := func(recs []OrderRecord) func(w *Writer) error {
		return func(w *Writer) error {
			for _, r := range recs {
				if err := w.UpsertOrder(r.Order, r.Customer); err != nil {
					return err
				}
				for _, c := range r.DiscountCodes {
					if err := w.EnsureDiscountCode(c, r.Order.Currency, r.Order.CreatedAt); err != nil {
						return err
					}
				}
			}
			return nil
		}
	}
	batched := func(size int, bulk bool) func(recs []OrderRecord) func(w *Writer) error {
		return func(recs []OrderRecord) func(w *Writer) error {
			return func(w *Writer) error {
				return inBulk(w, bulk, func() error {
					for len(recs) > 0 {
						n := min(size, len(recs))
						chunk := append([]OrderRecord(nil), recs[:n]...)
						if size%2 == 0 { // prepared by the caller, as the importer does
							var p OrderPreparer
							for i := range chunk {
								p.Prepare(&chunk[i])
							}
						}
						if err := w.UpsertOrders(chunk); err != nil {
							return err
						}
						recs = recs[n:]
					}
					return nil
				})
			}
		}
	}
	ref := New(storetest.Open(t, storetest.At(testNow)))
	var refCounts []domain.Counts
	for _, v := range []int{1, 1, 2} {
		refCounts = append(refCounts, write(t, ref, perRow(importOrders(v))))
	}
	want := dump(t, ref)
	if refCounts[1].Unchanged == 0 || refCounts[2].Updated == 0 {
		t.Fatalf("reference counts %+v do not cover unchanged and updated orders", refCounts)
	}
	for _, tc := range []struct {
		name string
		fn   func(recs []OrderRecord) func(w *Writer) error
	}{
		{"batches of 512", batched(512, false)},
		{"batches of 7", batched(7, false)},
		{"batches of 64, indexes dropped", batched(64, true)},
		{"batches of 33, indexes dropped", batched(33, true)},
		{"aggregates flushed every 5 customers", batched(40, false)},
		{"customer cache emptied every 4 emails", batched(40, false)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if strings.HasPrefix(tc.name, "aggregates flushed") {
				defer func(n int) { aggMax = n }(aggMax)
				aggMax = 5
			}
			if strings.HasPrefix(tc.name, "customer cache emptied") {
				// An email the emptied cache lacks must be looked up again,
				// though the shop had no customers before the batch.
				defer func(n int) { keyCacheMax = n }(keyCacheMax)
				keyCacheMax = 4
			}
			s := New(storetest.Open(t, storetest.At(testNow)))
			for i, v := range []int{1, 1, 2} {
				if got := write(t, s, tc.fn(importOrders(v))); got != refCounts[i] {
					t.Errorf("import %d: counts %+v, want %+v", i+1, got, refCounts[i])
				}
			}
			if got := dump(t, s); got != want {
				t.Errorf("tables differ from the per-row import:\n%s", firstDiff(want, got))
			}
		})
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d\nwant %s\ngot  %s", i+1, a, b)
		}
	}
	return ""
}
