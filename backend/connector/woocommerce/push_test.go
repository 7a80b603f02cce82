package woocommerce_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"shopclerk/backend/clock"
	"shopclerk/backend/connector"
	"shopclerk/backend/connector/woocommerce"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/connectordb"
)

func (r *rig) client() *woocommerce.Client {
	c, err := woocommerce.New(r.cfg)
	if err != nil {
		r.t.Fatal(err)
	}
	return c
}

func (r *rig) exec(q string, args ...any) {
	r.t.Helper()
	if _, err := r.db.SQL().ExecContext(context.Background(), q, args...); err != nil {
		r.t.Fatal(err)
	}
}

func (r *rig) push() connector.WriteResult {
	r.t.Helper()
	cs, _ := r.db.StoreByID(context.Background(), r.cs.ID)
	res, err := (&connector.Writer{DB: r.db, Clock: clock.Fixed{T: now}}).Run(context.Background(), cs, r.client())
	if err != nil {
		r.t.Fatal(err)
	}
	return res
}

// A coupon becomes a WooCommerce coupon for its customer's email, once,
// with its minimum and expiry; a code the store has is read back; a key
// that may only read says where to give it write access.
func TestWooCouponWrite(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	if err := r.db.SetWrites(ctx, r.cs.ID, domain.StoreWrites{Coupons: true}); err != nil {
		t.Fatal(err)
	}
	r.exec(`INSERT INTO customers (email, source, external_id, created_at, updated_at) VALUES ('ann@example.com', 'woocommerce', '7', 0, 0)`)
	r.exec(`INSERT INTO coupons (code, customer_id, percent_off, amount_off, currency, free_shipping, issued_at, expires_at, ledger_key, min_spend)
		VALUES ('SC-ANN', (SELECT id FROM customers WHERE email = 'ann@example.com'), 0, 1500, 'USD', 1, ?, ?, '1/c/o/0', 4000)`, now.Unix(), now.Unix()+86400*7)
	r.exec(`INSERT INTO coupons (code, percent_off, currency, issued_at, ledger_key) VALUES ('SC-TWICE', 10, 'USD', ?, '1/c/o2/0')`, now.Unix())
	if _, _, err := r.client().CreateCoupon(ctx, connectordb.Coupon{Code: "SC-TWICE", PercentOff: 10, Currency: "USD", IssuedAt: now}); err != nil {
		t.Fatal(err)
	}
	if res := r.push(); res.Done != 2 || res.Waiting != 0 {
		t.Fatalf("run: %+v", res)
	}
	cps := r.srv.Coupons()
	if len(cps) != 2 {
		t.Fatalf("%d coupons in the store, want 2", len(cps))
	}
	ann := cps[1]
	if ann["code"] != "sc-ann" || ann["discount_type"] != "fixed_cart" || ann["amount"] != "15.00" || ann["minimum_amount"] != "40.00" ||
		ann["usage_limit"] != float64(1) || ann["free_shipping"] != true || ann["date_expires_gmt"] != "2026-03-08T09:00:00" {
		t.Errorf("coupon %v", ann)
	}
	if e := ann["email_restrictions"].([]any); len(e) != 1 || e[0] != "ann@example.com" {
		t.Errorf("restrictions %v", e)
	}

	r.srv.Permissions = "read"
	missing, err := r.client().CheckWrites(ctx, domain.StoreWrites{Coupons: true})
	if err != nil || len(missing) != 1 || !strings.Contains(missing[0], "Permissions: Read/Write") {
		t.Fatalf("read-only key: %v %v", missing, err)
	}
	r.exec(`INSERT INTO coupons (code, percent_off, currency, issued_at, ledger_key) VALUES ('SC-RO', 10, 'USD', ?, '1/c/o3/0')`, now.Unix())
	if res := r.push(); res.Waiting != 1 || !strings.Contains(res.Error, "can only read") {
		t.Fatalf("read-only run: %+v", res)
	}
}

// Stock goes to WooCommerce read back, then written with Shopclerk's key
// beside it: a sale landing between the first read and the write is seen
// by the read right before it, and the receipt is added to what is left;
// a try whose answer was lost is found by its key, not written twice.
func TestWooStockReadBackThenWrite(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	r.srv.Put("products", map[string]any{"id": float64(801), "name": "Mug", "sku": "MUG-1", "type": "simple", "status": "publish",
		"manage_stock": true, "stock_quantity": float64(10), "date_modified_gmt": "2026-02-01T00:00:00", "meta_data": []any{}})
	if err := r.db.SetWrites(ctx, r.cs.ID, domain.StoreWrites{Stock: true}); err != nil {
		t.Fatal(err)
	}
	r.exec(`INSERT INTO stock_changes (sku, location, before, after, reason, at) VALUES ('MUG-1', 'WooCommerce', 10, 22, 'receive', ?)`, now.Unix())
	r.exec(`INSERT INTO stock_changes (sku, location, before, after, reason, at) VALUES ('~woo:799', 'WooCommerce', 0, 3, 'receive', ?)`, now.Unix())
	reads, sold := 0, false
	r.srv.Fault = func(n int, _ http.ResponseWriter, req *http.Request) bool {
		if req.URL.Query().Get("sku") == "MUG-1" {
			reads++
		}
		if req.Method == http.MethodGet && req.URL.Path == "/wp-json/wc/v3/products/801" && !sold {
			sold = true
			r.srv.Sell(801, 3) // lands after Shopclerk's first read, before its write
		}
		return false
	}
	res := r.push()
	if res.Done != 1 || res.Waiting != 1 {
		t.Fatalf("run: %+v", res) // ~woo:799 does not manage its stock: it waits with the reason
	}
	if q := r.srv.Stock(801); q != 10-3+12 {
		t.Errorf("MUG-1 is %d, want 19 (10, a sale of 3, 12 received)", q)
	}
	if r.srv.Writes() != 1 || reads != 2 {
		t.Errorf("%d stock writes after %d reads, want 1 write after 2 (the sale seen, the round started again)", r.srv.Writes(), reads)
	}
	ws, _ := r.db.Writes(ctx, r.cs.ID, 10)
	for _, w := range ws {
		if w.Subject == "~woo:799" && !strings.Contains(w.LastError, "Manage stock") {
			t.Errorf("~woo:799: %+v", w)
		}
	}
}

// A resumed stock try whose key is on the product landed before: it is
// not written again, even though the quantity is no longer what it was.
func TestWooResumedStockFoundByKey(t *testing.T) {
	r := newRig(t)
	r.srv.Put("products", map[string]any{"id": float64(801), "sku": "MUG-1", "manage_stock": true, "stock_quantity": float64(22),
		"meta_data": []any{map[string]any{"key": "_shopclerk_write", "value": "k-1"}}})
	set := connector.StockSet{SKU: "MUG-1", From: 10, To: 22, Handle: map[string]string{"productId": "801"}, Key: "k-1"}
	if err := r.client().SetStock(context.Background(), set, true); err != nil || r.srv.Writes() != 0 {
		t.Fatalf("resumed try that landed: %v, %d writes", err, r.srv.Writes())
	}
	set.Key = "k-2"
	if err := r.client().SetStock(context.Background(), set, true); !errors.Is(err, connector.ErrStale) || r.srv.Writes() != 0 {
		t.Fatalf("resumed try that did not land, quantity moved on: %v, %d writes", err, r.srv.Writes())
	}
}

// Two products in the store with one SKU: a receipt of that SKU is written
// to neither (Shopclerk cannot tell which one it is for), and the write
// waits with the reason.
func TestWooSharedSKUIsNotWritten(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	for _, id := range []float64{801, 802} {
		r.srv.Put("products", map[string]any{"id": id, "name": "Mug", "sku": "MUG-1", "type": "simple", "status": "publish",
			"manage_stock": true, "stock_quantity": float64(10), "date_modified_gmt": "2026-02-01T00:00:00", "meta_data": []any{}})
	}
	if err := r.db.SetWrites(ctx, r.cs.ID, domain.StoreWrites{Stock: true}); err != nil {
		t.Fatal(err)
	}
	r.exec(`INSERT INTO stock_changes (sku, location, before, after, reason, at) VALUES ('MUG-1', 'WooCommerce', 10, 22, 'receive', ?)`, now.Unix())
	if res := r.push(); res.Done != 0 || res.Waiting != 1 {
		t.Fatalf("run: %+v", res)
	}
	if r.srv.Writes() != 0 || r.srv.Stock(801) != 10 || r.srv.Stock(802) != 10 {
		t.Errorf("%d writes; stock %d and %d", r.srv.Writes(), r.srv.Stock(801), r.srv.Stock(802))
	}
	ws, _ := r.db.Writes(ctx, r.cs.ID, 10)
	if len(ws) != 1 || !strings.Contains(ws[0].LastError, "2 products in the store have the SKU MUG-1 (#801, #802)") {
		t.Errorf("writes: %+v", ws)
	}
}
